package dev.tend.cli;

import dev.tend.api.ConnectionException;
import dev.tend.api.LogFollow;
import dev.tend.api.LogListener;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Streams followed logs to the session's output until the user presses Ctrl-C (then an empty line,
 * as supervisorctl's {@code _tailf} prints) or every stream has ended. Used by {@code tail -f},
 * {@code maintail -f} and {@code fg}.
 */
final class LogStreaming {
  /** Opens one stream, handing its bytes to the listener. */
  interface Opener {
    LogFollow open(LogListener listener);
  }

  private final CtlSession session;
  private final CountDownLatch ended = new CountDownLatch(1);
  private final AtomicInteger open = new AtomicInteger(); // streams started and not yet ended
  private final List<LogFollow> follows = new ArrayList<>(); // guarded by itself
  private volatile boolean interrupted; // set by the Ctrl-C handler

  LogStreaming(CtlSession session) {
    this.session = session;
  }

  /**
   * supervisorctl's {@code _tailf(path)}: the banner, then the stream; an HTTP error or a refused
   * connection is reported on standard error as its HTTP client does, and is not an error status.
   */
  static void tailf(CtlSession s, String path, Opener opener) {
    s.println("==> Press Ctrl-C to exit <==");
    LogStreaming streaming = new LogStreaming(s);
    UserInput.Registration ctrlC = s.input().onInterrupt(streaming::interrupt);
    try {
      try {
        streaming.add(opener, new Raw(s, streaming));
      } catch (ConnectionException e) {
        s.errorLine(s.serverurl() + path + " " + httpClientError(e));
        return;
      }
      streaming.awaitEnd();
    } finally {
      ctrlC.close();
    }
  }

  /** What supervisorctl's HTTP client says when a stream cannot start. */
  static String httpClientError(ConnectionException e) {
    int status = e.httpStatus();
    if (status != 0) {
      return "Cannot read, status code " + status;
    }
    String python = PythonError.describe(e);
    int comma = python.indexOf(", ");
    return "Cannot connect, error: "
        + python.substring(0, comma)
        + " ("
        + python.substring(comma + 2)
        + ")";
  }

  /** Starts one more stream. */
  void add(Opener opener, LogListener listener) {
    open.incrementAndGet();
    try {
      LogFollow f = opener.open(listener);
      synchronized (follows) {
        follows.add(f);
      }
    } catch (RuntimeException e) {
      open.decrementAndGet();
      throw e;
    }
  }

  /** A stream ended by itself. */
  void streamEnded() {
    if (open.decrementAndGet() <= 0) {
      ended.countDown();
    }
  }

  /** Ctrl-C. */
  void interrupt() {
    interrupted = true;
    ended.countDown();
  }

  boolean wasInterrupted() {
    return interrupted;
  }

  /**
   * Waits until Ctrl-C or until every stream ended, then closes them all; after Ctrl-C prints the
   * empty line supervisorctl prints.
   */
  void awaitEnd() {
    if (open.get() > 0) {
      try {
        ended.await();
      } catch (InterruptedException e) {
        interrupted = true;
        Thread.currentThread().interrupt();
      }
    }
    close();
    if (interrupted) {
      session.println("");
      session.flush();
    }
  }

  /** Stops every stream. */
  void close() {
    synchronized (follows) {
      for (LogFollow f : follows) {
        f.close();
      }
      follows.clear();
    }
  }

  /** Writes a stream's bytes as they are. */
  static final class Raw implements LogListener {
    private final CtlSession session;
    private final LogStreaming streaming;

    Raw(CtlSession session, LogStreaming streaming) {
      this.session = session;
      this.streaming = streaming;
    }

    @Override
    public void onData(byte[] data) {
      session.printRaw(data);
    }

    @Override
    public void onGap(long bytes) {}

    @Override
    public void onClosed(String reason) {
      streaming.streamEnded();
    }
  }
}
