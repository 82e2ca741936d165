/**
 * The OS seam: spawning with posix_spawn, signals, reaping, users, umask, /proc, hostname. Every
 * native call tend makes lives here, behind interfaces the core's tests replace with fakes. Linux
 * only (epoll, pidfd, /proc, PR_SET_CHILD_SUBREAPER).
 */
@NullMarked
package dev.tend.platform;

import org.jspecify.annotations.NullMarked;
