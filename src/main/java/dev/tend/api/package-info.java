/**
 * The vocabulary of tend: process and supervisor states, fault codes, the records that cross the
 * wire, and {@link dev.tend.api.SupervisorApi}, implemented in-process by the core and remotely by
 * the XML-RPC client. Imports nothing of tend.
 */
@NullMarked
package dev.tend.api;

import org.jspecify.annotations.NullMarked;
