/**
 * The HTTP face: /RPC2 dispatch over the method table, logtail streams, auth, on unix and TCP
 * sockets.
 */
@NullMarked
package dev.tend.control.server;

import org.jspecify.annotations.NullMarked;
