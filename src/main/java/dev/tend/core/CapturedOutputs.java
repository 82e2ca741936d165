package dev.tend.core;

import dev.tend.api.Fault;
import dev.tend.api.FaultException;
import dev.tend.api.LogFollow;
import dev.tend.api.LogListener;
import dev.tend.api.LogStream;
import dev.tend.api.LogTail;
import dev.tend.config.GroupConfig;
import dev.tend.config.ProcessConfig;
import dev.tend.logs.LogEvents;
import dev.tend.logs.LogSettings;
import dev.tend.logs.ProcessLogs;
import dev.tend.logs.SyslogWriter;
import dev.tend.platform.OutputSink;
import java.io.IOException;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;

/** A process's outputs over the logs layer: rotating files, tail buffers, capture mode. */
public final class CapturedOutputs implements ProcessOutputs {
  private final ProcessLogs logs;

  CapturedOutputs(ProcessLogs logs) {
    this.logs = logs;
  }

  /** The factory the daemon uses: AUTO files are named and created when a group is added. */
  public static ProcessOutputsFactory factory(LogSettings settings, SyslogWriter syslog) {
    return (GroupConfig group, ProcessConfig process, LogEvents events) ->
        new CapturedOutputs(ProcessLogs.open(process, settings, events, syslog));
  }

  /** The logs themselves, for the server's position-based follows. */
  public ProcessLogs logs() {
    return logs;
  }

  @Override
  public OutputSink stdoutSink() throws IOException {
    return logs.sink(LogStream.STDOUT);
  }

  @Override
  public @Nullable OutputSink stderrSink() throws IOException {
    return logs.captures(LogStream.STDERR) ? logs.sink(LogStream.STDERR) : null;
  }

  @Override
  public @Nullable Path logfile(LogStream stream) {
    return logs.logfile(stream);
  }

  @Override
  public byte[] read(LogStream stream, long offset, long length) {
    return logs.read(stream, offset, length);
  }

  @Override
  public LogTail tail(LogStream stream, long offset, long length) {
    return logs.tail(stream, offset, length);
  }

  @Override
  public LogFollow follow(LogStream stream, long historyBytes, LogListener listener) {
    return logs.follow(stream, historyBytes, listener);
  }

  @Override
  public void clear() {
    try {
      logs.clear();
    } catch (IOException e) {
      throw new FaultException(Fault.FAILED, logs.name() + ": " + e.getMessage());
    }
  }

  @Override
  public void reopen() {
    try {
      logs.reopen();
    } catch (IOException e) {
      throw new FaultException(Fault.FAILED, logs.name() + ": " + e.getMessage());
    }
  }

  @Override
  public void close() {
    logs.close();
  }
}
