package dev.tend.control.server;

import dev.tend.core.MainLog;
import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * The main-log lines of what the server turned away, rate-limited so a storm cannot flood the log:
 * the first of each kind in a minute is logged at once with where and which limit; the rest of that
 * minute are counted and summed up in one line when the minute is over ({@link #flush}, which the
 * {@link Watchdog} calls when {@link #nanosToFlush} says; it is told when a minute first holds a
 * line back). Thread-safe.
 */
final class RefusalLog {
  private static final MainLog log = MainLog.of(ControlServer.class);
  private static final long WINDOW_NANOS = 60_000_000_000L;

  private final ServerLimits limits;
  private final LongSupplier nanoTime;
  private final Runnable heldBack;
  // Guarded by this: the minute of each kind seen (accept failures under null's stand-in).
  private final Map<Refusal, Window> windows = new EnumMap<>(Refusal.class);
  // Guarded by this: the minute of failing accepts, which have no Refusal.
  private final Window accepts = new Window();

  /** A minute of one kind of event; guarded by the RefusalLog. */
  private static final class Window {
    /** What {@link #count} returns for the first event held back in a minute. */
    static final long FIRST_HELD_BACK = -2;

    long start;
    // Events after the first of the minute, not logged yet; -1 when no minute is running.
    long heldBack = -1;

    /**
     * Counts an event; returns the events held back by the minute it ends, or -1 (held back), or
     * {@link #FIRST_HELD_BACK}.
     */
    long count(long now) {
      if (heldBack >= 0 && now - start < WINDOW_NANOS) {
        heldBack++;
        return heldBack == 1 ? FIRST_HELD_BACK : -1;
      }
      long previous = Math.max(0, heldBack);
      start = now;
      heldBack = 0;
      return previous;
    }

    /** Nanoseconds until this minute is over, if it held an event back; else Long.MAX_VALUE. */
    long nanosToEnd(long now) {
      return heldBack > 0 ? Math.max(0, start + WINDOW_NANOS - now) : Long.MAX_VALUE;
    }

    /** The events held back by a minute that is over (then forgotten), else 0. */
    long over(long now) {
      if (heldBack > 0 && now - start >= WINDOW_NANOS) {
        long n = heldBack;
        heldBack = -1;
        return n;
      }
      return 0;
    }
  }

  /**
   * @param heldBack told (outside any lock) when a minute holds back its first line, so that a
   *     flush is due when that minute ends
   */
  RefusalLog(ServerLimits limits, LongSupplier nanoTime, Runnable heldBack) {
    this.limits = limits;
    this.nanoTime = nanoTime;
    this.heldBack = heldBack;
  }

  /** A connection was closed (after a status line where one could be sent) for {@code why}. */
  void record(Refusal why, String url, String detail) {
    long previous;
    synchronized (this) {
      previous = windows.computeIfAbsent(why, k -> new Window()).count(nanoTime.getAsLong());
    }
    if (previous < 0) {
      if (previous == Window.FIRST_HELD_BACK) {
        heldBack.run();
      }
      return;
    }
    if (previous > 0) {
      log.warn(summary(previous, why));
    }
    String line = "control server " + url + ": closed a connection: " + why.describe(limits);
    if (why == Refusal.MALFORMED) {
      log.info(line + " [" + detail + "]");
    } else {
      log.warn(line);
    }
  }

  /** Accepting failed on a listener; it tries again after {@code backoffMillis}. */
  void acceptFailed(String url, IOException e, long backoffMillis) {
    long previous;
    synchronized (this) {
      previous = accepts.count(nanoTime.getAsLong());
    }
    if (previous < 0) {
      if (previous == Window.FIRST_HELD_BACK) {
        heldBack.run();
      }
      return;
    }
    log.error(
        "control server "
            + url
            + ": accepting a connection failed ("
            + e.getMessage()
            + "); trying again in "
            + backoffMillis
            + " ms"
            + (previous > 0 ? " (" + previous + " more failures in the minute before)" : ""));
  }

  void closingWithAnswersOwed() {
    log.warn("control server: closing with answers still being written");
  }

  /** Nanoseconds until a minute that held lines back is over (0: now), or Long.MAX_VALUE. */
  synchronized long nanosToFlush() {
    long now = nanoTime.getAsLong();
    long soonest = Long.MAX_VALUE;
    for (Window w : windows.values()) {
      soonest = Math.min(soonest, w.nanosToEnd(now));
    }
    return Math.min(soonest, accepts.nanosToEnd(now));
  }

  /** Logs what minutes that are over held back. */
  void flush() {
    long now = nanoTime.getAsLong();
    List<String> lines = new ArrayList<>();
    synchronized (this) {
      for (Map.Entry<Refusal, Window> e : windows.entrySet()) {
        long n = e.getValue().over(now);
        if (n > 0) {
          lines.add(summary(n, e.getKey()));
        }
      }
      long n = accepts.over(now);
      if (n > 0) {
        lines.add("control server: accepting a connection failed " + n + " more times in a minute");
      }
    }
    lines.forEach(log::warn);
  }

  private String summary(long n, Refusal why) {
    return "control server: closed "
        + n
        + " more connection"
        + (n == 1 ? "" : "s")
        + " in a minute: "
        + why.describe(limits);
  }
}
