package dev.tend.testing;

import dev.tend.api.Fault;
import dev.tend.api.FaultException;
import dev.tend.api.LogFollow;
import dev.tend.api.LogListener;
import dev.tend.api.LogStream;
import dev.tend.api.LogTail;
import dev.tend.core.ProcessOutputs;
import dev.tend.platform.OutputSink;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;

/** Outputs kept in memory, with no files: enough for the core's state-machine tests. */
public final class FakeOutputs implements ProcessOutputs {
  private final ByteArrayOutputStream stdout = new ByteArrayOutputStream();
  private final ByteArrayOutputStream stderr = new ByteArrayOutputStream();
  private final boolean redirectStderr;
  private boolean closed;
  private int clears;

  public FakeOutputs(boolean redirectStderr) {
    this.redirectStderr = redirectStderr;
  }

  private static OutputSink sinkInto(ByteArrayOutputStream out) {
    return new OutputSink() {
      @Override
      public void onData(ByteBuffer data) {
        byte[] b = new byte[data.remaining()];
        data.get(b);
        out.writeBytes(b);
      }

      @Override
      public void onEof() {}
    };
  }

  @Override
  public OutputSink stdoutSink() {
    return sinkInto(stdout);
  }

  @Override
  public @Nullable OutputSink stderrSink() {
    return redirectStderr ? null : sinkInto(stderr);
  }

  @Override
  public @Nullable Path logfile(LogStream stream) {
    return null;
  }

  @Override
  public byte[] read(LogStream stream, long offset, long length) {
    throw new FaultException(Fault.NO_FILE, "None");
  }

  @Override
  public LogTail tail(LogStream stream, long offset, long length) {
    return new LogTail(new byte[0], 0, false);
  }

  @Override
  public LogFollow follow(LogStream stream, long historyBytes, LogListener listener) {
    return () -> {};
  }

  @Override
  public void clear() {
    clears++;
  }

  @Override
  public void reopen() {}

  @Override
  public void close() {
    closed = true;
  }

  public boolean closed() {
    return closed;
  }

  public int clears() {
    return clears;
  }
}
