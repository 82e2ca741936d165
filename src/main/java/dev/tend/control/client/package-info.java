/** SupervisorApi over XML-RPC, for a tend daemon or a real supervisord, on unix sockets or HTTP. */
@NullMarked
package dev.tend.control.client;

import org.jspecify.annotations.NullMarked;
