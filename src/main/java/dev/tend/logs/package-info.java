/**
 * Child output capture: rotating log files, AUTO names, tail buffers, offset reads, the main log's
 * file.
 *
 * <p>{@link dev.tend.logs.ProcessLogs} is what the core holds per process; {@link
 * dev.tend.logs.StreamCapture} is the {@link dev.tend.platform.OutputSink} of one stream of one
 * spawn; {@link dev.tend.logs.RotatingLogFile} and {@link dev.tend.logs.LogFileReader} also serve
 * the main log; {@link dev.tend.logs.AutoLogCleaner} runs at start-up.
 *
 * <p>Threads. The platform's I/O thread feeds sinks; per stream, a lock orders its file and tail
 * buffer writes with the core thread's clear/reopen/close (so the writer waits at most for one of
 * those, or for the disk). Readers (RPC threads, followers, long-polls) never take that lock: tail
 * buffer reads are lock-free and detect bytes overwritten under them; file reads go by path. Each
 * follow delivers on a virtual thread of its own. Callbacks ({@link dev.tend.logs.LogEvents},
 * {@link dev.tend.logs.SyslogWriter}, append listeners) run on the I/O thread and must not block.
 */
@NullMarked
package dev.tend.logs;

import org.jspecify.annotations.NullMarked;
