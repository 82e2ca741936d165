/**
 * The HTTP face: /RPC2 dispatch over the method table, logtail streams, auth, on unix and TCP
 * sockets. {@link dev.tend.control.server.ControlServer} is the entry point.
 *
 * <p>Threads: Jetty parses HTTP on a fixed, small set of platform threads (one selector per
 * listener, a pool bounded at twice the listeners plus six, one timer). Every request's work runs
 * on a virtual thread of its own, so a call that waits (start or stop with wait, {@code
 * tend.waitForChanges}, {@code tend.followProcessLog}) or a {@code /logtail} stream costs no
 * platform thread; the supervisor's state is touched only through {@link
 * dev.tend.api.SupervisorApi}, which runs it on the core's loop.
 */
@NullMarked
package dev.tend.control.server;

import org.jspecify.annotations.NullMarked;
