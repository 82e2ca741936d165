package dev.tend.tui.model;

import dev.tend.api.LogFollow;
import dev.tend.api.LogListener;
import dev.tend.api.LogStream;
import dev.tend.api.SupervisorApi;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;

/**
 * Follows the logs a pane shows: both streams of one process, history then live, decoded into lines
 * and offered to the pane's {@link LogInbox}. Opening and closing follows is API work, so it runs
 * on its own single thread (in order); the UI thread only asks. Asking again before the previous
 * request ran replaces it (scrolling through the table does not open every log).
 */
public final class LogFollower implements AutoCloseable {
  private final SupervisorApi api;
  private final ExecutorService worker;
  private final Clock clock;
  private final int maxLineChars;
  private final long historyBytes;
  // worker thread only: the open follows of each pane
  private final Map<Integer, List<LogFollow>> open = new HashMap<>();

  /**
   * @param worker a single-thread executor this follower owns (it is shut down on close)
   */
  public LogFollower(
      SupervisorApi api, ExecutorService worker, Clock clock, int maxLineChars, long historyBytes) {
    this.api = api;
    this.worker = worker;
    this.clock = clock;
    this.maxLineChars = maxLineChars;
    this.historyBytes = historyBytes;
  }

  /** Follows {@code namespec} into {@code inbox} (UI thread); whatever the pane had stops. */
  public void follow(int pane, LogInbox inbox, String namespec) {
    long gen = inbox.newGeneration();
    submit(
        () -> {
          closeFollows(pane);
          if (gen != inbox.generation()) {
            return; // a newer request for this pane is queued behind us
          }
          List<LogFollow> follows = new ArrayList<>(2);
          for (LogStream s : LogStream.values()) {
            try {
              follows.add(
                  api.followProcessLog(
                      namespec, s, historyBytes, listener(inbox, gen, namespec, s)));
            } catch (RuntimeException e) {
              inbox.offer(
                  gen, notice(namespec, "cannot follow " + s.word() + ": " + FaultWords.of(e)));
            }
          }
          open.put(pane, follows);
        });
  }

  /** Stops following for a pane (UI thread). */
  public void stop(int pane, LogInbox inbox) {
    inbox.newGeneration();
    submit(() -> closeFollows(pane));
  }

  private void submit(Runnable task) {
    try {
      worker.execute(task);
    } catch (RejectedExecutionException e) {
      // closing: nothing more to follow
    }
  }

  private void closeFollows(int pane) {
    List<LogFollow> old = open.remove(pane);
    if (old != null) {
      for (LogFollow f : old) {
        try {
          f.close();
        } catch (RuntimeException e) {
          // the server may be gone already; the follow is over either way
        }
      }
    }
  }

  private LogListener listener(LogInbox inbox, long gen, String namespec, LogStream stream) {
    LogDecoder decoder = new LogDecoder(maxLineChars);
    return new LogListener() {
      @Override
      public void onData(byte[] data) {
        LogDecoder.Result r = decoder.decode(data);
        long now = clock.millis();
        for (LogDecoder.Line l : r.lines()) {
          inbox.offer(gen, text(l, stream, namespec, now));
        }
        LogDecoder.Line p = r.partial();
        inbox.offerPartial(gen, stream, p == null ? null : text(p, stream, namespec, now));
      }

      @Override
      public void onGap(long bytes) {
        String what = bytes < 0 ? "some bytes" : Durations.bytes(bytes);
        inbox.offer(
            gen,
            notice(namespec, what + " of " + stream.word() + " lost (log rotated or overflowed)"));
      }

      @Override
      public void onClosed(String reason) {
        LogDecoder.Line rest = decoder.flush();
        if (rest != null) {
          inbox.offer(gen, text(rest, stream, namespec, clock.millis()));
        }
        inbox.offer(gen, notice(namespec, stream.word() + " follow ended: " + reason));
      }
    };
  }

  private static LogLine text(LogDecoder.Line l, LogStream s, String source, long now) {
    return new LogLine(0, LogLine.Kind.TEXT, s, source, now, l.text(), l.spans(), l.cutChars());
  }

  private LogLine notice(String source, String text) {
    return new LogLine(0, LogLine.Kind.NOTICE, null, source, clock.millis(), text, List.of(), 0);
  }

  @Override
  public void close() {
    submit(
        () -> {
          for (Integer pane : new ArrayList<>(open.keySet())) {
            closeFollows(pane);
          }
        });
    worker.shutdown();
  }
}
