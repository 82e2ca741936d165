/**
 * Reaching a supervisor on another host through the user's own OpenSSH client: one private {@code
 * ssh} master per host ({@link dev.tend.control.client.ssh.SshConnections}), shared by every server
 * on that host, and a stream-local forward of each remote socket to a socket in a private 0700
 * directory ({@link dev.tend.control.client.ssh.SshRoute}). No Java SSH library: the user's keys,
 * agent, {@code ~/.ssh/config}, ProxyJump and known_hosts apply as they set them up.
 *
 * <p>Every ssh runs under a small {@code sh} watchdog that reads a pipe tend holds; when tend ends,
 * however it ends (kill -9 too), the pipe closes and the watchdog stops ssh and removes the private
 * directory. {@link dev.tend.control.client.ssh.SshProcess} is the only class here (and the only
 * one in main code) that starts processes with {@code ProcessBuilder}: see docs/ARCHITECTURE.md.
 *
 * <p>Threads: public classes are safe to share. A master's stderr is read on a virtual thread of
 * its own.
 */
@NullMarked
package dev.tend.control.client.ssh;

import org.jspecify.annotations.NullMarked;
