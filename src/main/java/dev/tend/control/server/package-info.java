/**
 * The HTTP face: /RPC2 dispatch over the method table, the logtail streams and tend's streaming
 * follow, auth and browser guards, on unix and TCP sockets. {@link
 * dev.tend.control.server.ControlServer} is the entry point.
 *
 * <p>A small HTTP/1.1 server of tend's own (no framework): each listener accepts on a virtual
 * thread that never ends while the daemon runs, and each connection is served on a virtual thread
 * of its own with blocking I/O, so a call that waits (start or stop with wait, {@code
 * tend.waitForChanges}, a log stream) costs no platform thread. One more virtual thread expires
 * deadlines ({@link dev.tend.control.server.DeadlineSweeper}) and one watches the listeners. The
 * platform threads under them are the JVM's virtual-thread carriers (one per core) and pollers,
 * whatever the number of connections or programs. The supervisor's state is touched only through
 * {@link dev.tend.api.SupervisorApi}, which runs it on the core's loop.
 *
 * <p>Web pages plug in as one {@link dev.tend.control.server.Route} for supervisord's page paths
 * ({@link dev.tend.control.server.Router#isPage}), given to {@code ControlServer.start}: same
 * listeners, same auth, and the {@link dev.tend.control.server.Exchange} API for requests, bodies,
 * responses and streams.
 */
@NullMarked
package dev.tend.control.server;

import org.jspecify.annotations.NullMarked;
