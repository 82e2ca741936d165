package dev.tend.testing;

import dev.tend.core.CoreClock;
import dev.tend.core.CoreLoop;
import java.util.ArrayDeque;
import java.util.PriorityQueue;

/**
 * A core loop and clock for unit tests: the test thread is the loop thread, posted tasks run when
 * the test calls {@link #runPending} or {@link #advance}, and time moves only when told.
 */
public final class ManualLoop implements CoreLoop, CoreClock {
  private final ArrayDeque<Runnable> tasks = new ArrayDeque<>();
  private final PriorityQueue<Scheduled> timers = new PriorityQueue<>();
  private long nowMillis = 1_700_000_000_000L;
  private long monoMillis = 1_000_000L;
  private long sequence;

  @Override
  public void execute(Runnable task) {
    tasks.add(task);
  }

  @Override
  public Timer schedule(long delayMillis, Runnable task) {
    Scheduled s = new Scheduled(monoMillis + Math.max(0, delayMillis), sequence++, task);
    timers.add(s);
    return s;
  }

  @Override
  public boolean inLoop() {
    return true;
  }

  @Override
  public long wallMillis() {
    return nowMillis;
  }

  @Override
  public long monotonicMillis() {
    return monoMillis;
  }

  /** Runs posted tasks and timers that are due now, until none is left. */
  public void runPending() {
    while (true) {
      Runnable t = tasks.poll();
      if (t != null) {
        t.run();
        continue;
      }
      Scheduled due = timers.peek();
      if (due != null && due.due <= monoMillis) {
        timers.poll();
        if (!due.cancelled) {
          due.task.run();
        }
        continue;
      }
      return;
    }
  }

  /** Moves time forward, running every timer on its due time in order, and posted tasks. */
  public void advance(long millis) {
    long target = monoMillis + millis;
    runPending();
    while (true) {
      Scheduled next = timers.peek();
      if (next == null || next.due > target) {
        break;
      }
      long step = Math.max(0, next.due - monoMillis);
      monoMillis += step;
      nowMillis += step;
      runPending();
    }
    nowMillis += target - monoMillis;
    monoMillis = target;
    runPending();
  }

  public void advanceSeconds(double seconds) {
    advance(Math.round(seconds * 1000));
  }

  /** Wall-clock step without monotonic change (a clock adjustment). */
  public void stepWallClock(long millis) {
    nowMillis += millis;
  }

  public int pendingTimers() {
    return (int) timers.stream().filter(t -> !t.cancelled).count();
  }

  private static final class Scheduled implements Timer, Comparable<Scheduled> {
    final long due;
    final long seq;
    final Runnable task;
    boolean cancelled;

    Scheduled(long due, long seq, Runnable task) {
      this.due = due;
      this.seq = seq;
      this.task = task;
    }

    @Override
    public void cancel() {
      cancelled = true;
    }

    @Override
    public int compareTo(Scheduled o) {
      int c = Long.compare(due, o.due);
      return c != 0 ? c : Long.compare(seq, o.seq);
    }
  }
}
