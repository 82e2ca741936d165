package dev.tend.control.server;

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
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jspecify.annotations.Nullable;

/**
 * Process logs kept in memory with supervisord's read and tail semantics (spec §3.5) and a push
 * follow: enough for supervisorctl's tail and tail -f against the server, without files. Log file
 * names are reported but never created. Thread-safe.
 */
final class FakeLogOutputs implements ProcessOutputs {
  private final Log stdout;
  private final @Nullable Log stderr;

  FakeLogOutputs(String namespec, boolean redirectStderr) {
    this.stdout = new Log(Path.of("/nonexistent/tend-test/" + namespec + "-stdout.log"));
    this.stderr =
        redirectStderr
            ? null
            : new Log(Path.of("/nonexistent/tend-test/" + namespec + "-stderr.log"));
  }

  private @Nullable Log log(LogStream stream) {
    return stream == LogStream.STDOUT ? stdout : stderr;
  }

  private Log require(LogStream stream) {
    Log l = log(stream);
    if (l == null) {
      throw new FaultException(Fault.NO_FILE, "None");
    }
    return l;
  }

  @Override
  public OutputSink stdoutSink() {
    return stdout;
  }

  @Override
  public @Nullable OutputSink stderrSink() {
    return stderr;
  }

  @Override
  public @Nullable Path logfile(LogStream stream) {
    Log l = log(stream);
    return l == null ? null : l.file;
  }

  @Override
  public byte[] read(LogStream stream, long offset, long length) {
    return require(stream).read(offset, length);
  }

  @Override
  public LogTail tail(LogStream stream, long offset, long length) {
    Log l = log(stream);
    return l == null ? new LogTail(new byte[0], 0, false) : l.tail(offset, length);
  }

  @Override
  public LogFollow follow(LogStream stream, long historyBytes, LogListener listener) {
    return require(stream).follow(historyBytes, listener);
  }

  @Override
  public void clear() {
    stdout.clear();
    if (stderr != null) {
      stderr.clear();
    }
  }

  @Override
  public void reopen() {}

  @Override
  public void close() {
    stdout.close();
    if (stderr != null) {
      stderr.close();
    }
  }

  /** Writes to a stream as if the child had. */
  void write(LogStream stream, byte[] data) {
    require(stream).onData(ByteBuffer.wrap(data));
  }

  private static final class Log implements OutputSink {
    final Path file;
    // Guarded by this.
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final List<LogListener> followers = new CopyOnWriteArrayList<>();

    Log(Path file) {
      this.file = file;
    }

    @Override
    public void onData(ByteBuffer data) {
      byte[] b = new byte[data.remaining()];
      data.get(b);
      synchronized (this) {
        bytes.writeBytes(b);
        for (LogListener l : followers) {
          l.onData(b);
        }
      }
    }

    @Override
    public void onEof() {}

    synchronized byte[] read(long offset, long length) {
      byte[] all = bytes.toByteArray();
      if (offset < 0) {
        if (length != 0) {
          throw new FaultException(Fault.BAD_ARGUMENTS);
        }
        int from = (int) Math.max(0, all.length + offset);
        return Arrays.copyOfRange(all, from, all.length);
      }
      if (length < 0) {
        throw new FaultException(Fault.BAD_ARGUMENTS);
      }
      int from = (int) Math.min(offset, all.length);
      int to = length == 0 ? all.length : (int) Math.min(all.length, from + length);
      return Arrays.copyOfRange(all, from, to);
    }

    synchronized LogTail tail(long offset, long length) {
      byte[] all = bytes.toByteArray();
      long sz = all.length;
      boolean overflow = false;
      if (sz > offset + length) {
        overflow = true;
        offset = sz - 1;
      }
      if (offset + length > sz) {
        if (offset > sz - 1) {
          length = 0;
        }
        offset = sz - length;
      }
      offset = Math.max(0, offset);
      length = Math.max(0, length);
      byte[] data =
          length == 0
              ? new byte[0]
              : Arrays.copyOfRange(all, (int) offset, (int) Math.min(sz, offset + length));
      return new LogTail(data, sz, overflow);
    }

    synchronized LogFollow follow(long history, LogListener listener) {
      byte[] all = bytes.toByteArray();
      int from = (int) Math.max(0, all.length - Math.max(0, history));
      if (from < all.length) {
        listener.onData(Arrays.copyOfRange(all, from, all.length));
      }
      followers.add(listener);
      return () -> {
        if (followers.remove(listener)) {
          listener.onClosed("closed");
        }
      };
    }

    synchronized void clear() {
      bytes.reset();
    }

    void close() {
      for (LogListener l : followers) {
        followers.remove(l);
        l.onClosed("the process was removed");
      }
    }
  }
}
