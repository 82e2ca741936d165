package dev.tend.tui.feed;

import dev.tend.api.ChangeBatch;
import dev.tend.api.ConnectionException;
import dev.tend.api.FaultException;
import dev.tend.api.SupervisorApi;
import dev.tend.api.SupervisorState;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The console's view of the processes, kept current: a loop of {@code waitForChanges} (pushed by a
 * tend server, emulated by polling for supervisord) on its own thread, posting every change. When
 * the server goes away it says so, retries with a growing pause (up to 2 s), and on return starts
 * from a full snapshot; the screen keeps the last rows meanwhile.
 */
final class ChangeFeed implements Runnable {
  private static final long MAX_RETRY_MILLIS = 2000;

  private final SupervisorApi api;
  private final EventSink sink;
  private final Clock clock;
  private final Duration waitTimeout;
  private final Runnable onConnected;
  // written by close() on any thread, read by the feed thread
  private volatile boolean stopped;
  // guarded by this: a try asked for now; the next pause ends at once (and clears it)
  private boolean retryNow;
  // feed thread writes, stats thread reads: whether the last call reached the server
  private volatile boolean connected;
  // feed thread writes, stats thread reads; null until the server answered once
  private volatile SupervisorApi.@Nullable Capabilities capabilities;

  ChangeFeed(
      SupervisorApi api, EventSink sink, Clock clock, Duration waitTimeout, Runnable onConnected) {
    this.api = api;
    this.sink = sink;
    this.clock = clock;
    this.waitTimeout = waitTimeout;
    this.onConnected = onConnected;
  }

  @Override
  public void run() {
    long cursor = 0;
    int failures = 0;
    @Nullable SupervisorState lastState = null;
    String lastProblem = "";
    while (!stopped) {
      try {
        if (!connected) {
          SupervisorApi.Capabilities caps = api.capabilities();
          capabilities = caps;
          sink.post(new ConsoleEvent.Connected(caps, identification()));
          connected = true;
          onConnected.run();
          failures = 0;
          cursor = 0;
          lastState = null;
          lastProblem = "";
        }
        ChangeBatch b = api.waitForChanges(cursor, waitTimeout);
        if (b.full()
            || !b.processes().isEmpty()
            || !b.removed().isEmpty()
            || b.state() != lastState) {
          sink.post(new ConsoleEvent.Changes(b));
        }
        lastState = b.state();
        cursor = b.cursor();
      } catch (ConnectionException e) {
        connected = false;
        long delay = Math.min(MAX_RETRY_MILLIS, 250L << Math.min(failures++, 4));
        sink.post(
            new ConsoleEvent.ConnectionLost(
                Objects.toString(e.getMessage(), e.kind().name()), clock.millis() + delay));
        pause(delay);
      } catch (FaultException e) {
        // e.g. SHUTDOWN_STATE while the supervisor stops: say it once, keep trying
        String problem = "supervisor: " + FaultWords.of(e);
        if (!problem.equals(lastProblem)) {
          sink.post(new ConsoleEvent.Notice(problem, true));
          lastProblem = problem;
        }
        pause(1000);
      } catch (RuntimeException e) {
        String problem = "process updates failed: " + FaultWords.of(e);
        if (!problem.equals(lastProblem)) {
          sink.post(new ConsoleEvent.Notice(problem, true));
          lastProblem = problem;
        }
        pause(MAX_RETRY_MILLIS);
      }
    }
  }

  private String identification() {
    try {
      return api.getIdentification();
    } catch (FaultException e) {
      return "";
    }
  }

  boolean connected() {
    return connected;
  }

  SupervisorApi.@Nullable Capabilities capabilities() {
    return capabilities;
  }

  /** Ends the pause before the next try (the servers view's reconnect): it tries now. */
  synchronized void retryNow() {
    retryNow = true;
    notifyAll();
  }

  private synchronized void pause(long millis) {
    long end = System.nanoTime() + millis * 1_000_000;
    try {
      long left;
      while (!stopped && !retryNow && (left = end - System.nanoTime()) > 0) {
        wait(Math.max(1, left / 1_000_000));
      }
      retryNow = false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      stopped = true;
    }
  }

  synchronized void stop() {
    stopped = true;
    notifyAll();
  }
}
