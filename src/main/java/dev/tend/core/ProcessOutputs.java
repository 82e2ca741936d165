package dev.tend.core;

import dev.tend.api.LogFollow;
import dev.tend.api.LogListener;
import dev.tend.api.LogStream;
import dev.tend.api.LogTail;
import dev.tend.platform.OutputSink;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;

/**
 * What the core needs of one process's captured output: sinks to hand to each spawn, and the log
 * operations of the API. Made when the process's group is added, closed when it is removed. Methods
 * may be called from any thread.
 */
public interface ProcessOutputs extends AutoCloseable {

  /** Where the child's stdout goes, fresh for each spawn; opens the log file if needed. */
  OutputSink stdoutSink() throws java.io.IOException;

  /** Where the child's stderr goes, or null when it is redirected into stdout. */
  @Nullable OutputSink stderrSink() throws java.io.IOException;

  /** The log file of a stream, or null when it has none ({@code NONE}, or redirected). */
  @Nullable Path logfile(LogStream stream);

  /** {@code readProcess*Log}; throws FaultException (NO_FILE, BAD_ARGUMENTS, FAILED). */
  byte[] read(LogStream stream, long offset, long length);

  /** {@code tailProcess*Log}. */
  LogTail tail(LogStream stream, long offset, long length);

  /** History, then live bytes, of one stream. */
  LogFollow follow(LogStream stream, long historyBytes, LogListener listener);

  /** {@code clearProcessLogs}: removes the files and starts them again. */
  void clear();

  /** SIGUSR2: reopens the files (after an outside rotation). */
  void reopen();

  @Override
  void close();
}
