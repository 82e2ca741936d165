package dev.tend.control.client;

import dev.tend.api.ChangeBatch;
import dev.tend.api.ProcessInfo;
import dev.tend.api.SupervisorState;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;
import org.jspecify.annotations.Nullable;

/**
 * {@code waitForChanges} for a server that cannot push (supervisord): polls a snapshot (the
 * supervisor's state and every process) once a second, diffs it with the snapshot the caller's
 * cursor names, and answers as soon as something differs or the time runs out. A cursor is the
 * number of a snapshot this object kept; the last few are kept, so several callers can poll
 * independently. A cursor it no longer knows (or 0) gets the full set.
 *
 * <p>A process counts as changed when any field but {@code now} and {@code description} differs:
 * those two move every second for a running process and say nothing new (uptime follows from {@code
 * start} and {@code now}).
 *
 * <p>A snapshot of every process is what costs supervisord (its {@code getAllProcessInfo} of 400
 * programs is tens of milliseconds of Python): with a {@link Probe}, a quiet server is asked only
 * for a cheap mark each interval (its state and the end of its main log, where it writes every
 * spawn, exit and stop at level info), and the snapshot is taken again when the mark moves, while
 * changes are recent ({@code busyFor}), and at least every {@code fullEvery} (changes that log only
 * at debug level, or a main log at warn).
 */
final class PolledChanges {
  /** One snapshot, taken in one round trip. */
  record Snapshot(SupervisorState state, List<ProcessInfo> processes) {}

  /** Takes a snapshot from the server. */
  interface Source {
    Snapshot take();
  }

  /** A cheap look at the server whose answer moves whenever a process may have changed. */
  interface Probe {
    /** The mark, or an empty {@code logTail} when the server has no main log to read. */
    Mark mark();
  }

  /** The supervisor's state and the last bytes of its main log. */
  record Mark(SupervisorState state, String logTail) {}

  /** Pauses the polling thread; interruptible. */
  interface Sleeper {
    void sleep(Duration d) throws InterruptedException;
  }

  private static final int KEPT = 8;

  private final Source source;
  private final @Nullable Probe probe;
  private final long fullEveryNanos;
  private final long busyForNanos;
  private final Duration interval;
  private final Sleeper sleeper;
  private final LongSupplier nanoClock;
  private final ArrayDeque<Kept> kept = new ArrayDeque<>(); // guarded by this; newest first
  private long lastCursor; // guarded by this; cursor of the newest kept snapshot
  private @Nullable Mark lastMark; // guarded by this; the probe's mark taken before that snapshot
  private long lastFullAt; // guarded by this; nanoClock when that snapshot was taken
  private long lastChangeAt; // guarded by this; nanoClock when a snapshot last differed

  private record Kept(long cursor, Snapshot snapshot, Map<String, ProcessInfo> byName) {}

  PolledChanges(Source source, Duration interval, Sleeper sleeper, LongSupplier nanoClock) {
    this(source, null, Duration.ZERO, Duration.ZERO, interval, sleeper, nanoClock);
  }

  PolledChanges(
      Source source,
      @Nullable Probe probe,
      Duration fullEvery,
      Duration busyFor,
      Duration interval,
      Sleeper sleeper,
      LongSupplier nanoClock) {
    this.source = source;
    this.probe = probe;
    this.fullEveryNanos = fullEvery.toNanos();
    this.busyForNanos = busyFor.toNanos();
    this.interval = interval;
    this.sleeper = sleeper;
    this.nanoClock = nanoClock;
    this.lastChangeAt = nanoClock.getAsLong() - busyForNanos;
  }

  /**
   * The changes since {@code cursor}, waiting up to {@code timeout} for some. If the thread is
   * interrupted it returns at once, empty, with the interrupt flag still set.
   */
  ChangeBatch waitForChanges(long cursor, Duration timeout) {
    long deadline = nanoClock.getAsLong() + timeout.toNanos();
    while (true) {
      SupervisorState state;
      Mark mark = probe == null ? null : probe.mark();
      if (mark != null && quiet(cursor, mark)) {
        state = mark.state();
      } else {
        Snapshot now = source.take();
        ChangeBatch batch = compare(cursor, now, mark);
        if (batch != null) {
          return batch;
        }
        state = now.state();
      }
      long left = deadline - nanoClock.getAsLong();
      if (left <= 0 || Thread.currentThread().isInterrupted()) {
        return new ChangeBatch(cursor, false, state, List.of(), List.of());
      }
      try {
        sleeper.sleep(Duration.ofNanos(Math.min(left, interval.toNanos())));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return new ChangeBatch(cursor, false, state, List.of(), List.of());
      }
    }
  }

  /**
   * Whether the newest snapshot still stands without taking another: {@code cursor} names it, the
   * mark is readable and has not moved since, nothing changed lately and it is not too old.
   */
  private synchronized boolean quiet(long cursor, Mark mark) {
    long now = nanoClock.getAsLong();
    return cursor != 0
        && cursor == lastCursor
        && !mark.logTail().isEmpty()
        && mark.equals(lastMark)
        && now - lastChangeAt >= busyForNanos
        && now - lastFullAt < fullEveryNanos;
  }

  /** A batch when {@code now} differs from the cursor's snapshot (or it is unknown), else null. */
  private synchronized @Nullable ChangeBatch compare(
      long cursor, Snapshot now, @Nullable Mark mark) {
    long at = nanoClock.getAsLong();
    if (cursor == lastCursor) { // the newest snapshot stays the base: the mark and age go with it
      lastMark = mark;
      lastFullAt = at;
    }
    Kept base = null;
    for (Kept k : kept) {
      if (k.cursor == cursor && cursor != 0) {
        base = k;
        break;
      }
    }
    if (base == null) {
      return new ChangeBatch(keep(now, mark, at), true, now.state(), now.processes(), List.of());
    }
    List<ProcessInfo> changed = new ArrayList<>();
    Map<String, ProcessInfo> seen = new HashMap<>();
    for (ProcessInfo p : now.processes()) {
      seen.put(p.namespec(), p);
      ProcessInfo before = base.byName.get(p.namespec());
      if (before == null || !sameExceptClock(before, p)) {
        changed.add(p);
      }
    }
    List<String> removed = new ArrayList<>();
    for (String name : base.byName.keySet()) {
      if (!seen.containsKey(name)) {
        removed.add(name);
      }
    }
    if (changed.isEmpty() && removed.isEmpty() && now.state() == base.snapshot.state()) {
      return null;
    }
    lastChangeAt = at;
    return new ChangeBatch(keep(now, mark, at), false, now.state(), changed, removed);
  }

  private long keep(Snapshot s, @Nullable Mark mark, long at) {
    lastMark = mark;
    lastFullAt = at;
    Map<String, ProcessInfo> byName = new LinkedHashMap<>();
    for (ProcessInfo p : s.processes()) {
      byName.put(p.namespec(), p);
    }
    long cursor = ++lastCursor;
    kept.addFirst(new Kept(cursor, s, byName));
    if (kept.size() > KEPT) {
      kept.removeLast();
    }
    return cursor;
  }

  static boolean sameExceptClock(ProcessInfo a, ProcessInfo b) {
    return a.name().equals(b.name())
        && a.group().equals(b.group())
        && a.start() == b.start()
        && a.stop() == b.stop()
        && a.state() == b.state()
        && a.spawnerr().equals(b.spawnerr())
        && a.exitstatus() == b.exitstatus()
        && a.stdoutLogfile().equals(b.stdoutLogfile())
        && a.stderrLogfile().equals(b.stderrLogfile())
        && a.pid() == b.pid()
        && a.restarts() == b.restarts()
        && a.exitSignal() == b.exitSignal();
  }
}
