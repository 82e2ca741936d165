/**
 * The supervisor: one loop thread owning every process's state machine, groups, ordering and the
 * reload diff.
 */
@NullMarked
package dev.tend.core;

import org.jspecify.annotations.NullMarked;
