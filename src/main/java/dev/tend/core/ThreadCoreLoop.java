package dev.tend.core;

import java.util.PriorityQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The real loop: one platform thread that runs posted tasks in order and timers when due, and parks
 * otherwise (no polling: an idle supervisor costs nothing).
 */
public final class ThreadCoreLoop implements CoreLoop, AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(ThreadCoreLoop.class);

  private final CoreClock clock;
  private final Thread thread;
  // Any thread adds; the loop thread drains.
  private final ConcurrentLinkedQueue<Runnable> tasks = new ConcurrentLinkedQueue<>();
  // Loop thread only: pending timers ordered by due time, then by scheduling order.
  private final PriorityQueue<ScheduledTask> timers = new PriorityQueue<>();
  // Loop thread only: tie-breaker so timers due together run in the order scheduled.
  private long sequence;
  // Written by close(), read by the loop thread.
  private volatile boolean closed;

  public ThreadCoreLoop(CoreClock clock, String name) {
    this.clock = clock;
    this.thread = new Thread(this::run, name);
    this.thread.setDaemon(true);
  }

  public void start() {
    thread.start();
  }

  @Override
  public void execute(Runnable task) {
    tasks.add(task);
    LockSupport.unpark(thread);
  }

  @Override
  public Timer schedule(long delayMillis, Runnable task) {
    if (!inLoop()) {
      throw new IllegalStateException("timers are scheduled from the loop thread only");
    }
    ScheduledTask t =
        new ScheduledTask(clock.monotonicMillis() + Math.max(0, delayMillis), sequence++, task);
    timers.add(t);
    return t;
  }

  @Override
  public boolean inLoop() {
    return Thread.currentThread() == thread;
  }

  private void run() {
    while (!closed) {
      Runnable task;
      while ((task = tasks.poll()) != null) {
        runSafely(task);
      }
      long now = clock.monotonicMillis();
      ScheduledTask due;
      while ((due = timers.peek()) != null && due.dueMillis <= now) {
        timers.poll();
        if (!due.cancelled) {
          runSafely(due.task);
        }
      }
      if (!tasks.isEmpty()) {
        continue;
      }
      ScheduledTask next = timers.peek();
      if (next == null) {
        LockSupport.park(this);
      } else {
        LockSupport.parkNanos(this, (next.dueMillis - clock.monotonicMillis()) * 1_000_000L);
      }
    }
  }

  private static void runSafely(Runnable task) {
    try {
      task.run();
    } catch (RuntimeException | Error e) {
      // One failing task must not take the supervisor down with every process it watches.
      log.error("CRIT unexpected error in the supervisor loop", e);
    }
  }

  /** Stops the loop thread after the task it is running; waits for it to end. */
  @Override
  public void close() {
    closed = true;
    LockSupport.unpark(thread);
    if (!inLoop()) {
      try {
        thread.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private static final class ScheduledTask implements Timer, Comparable<ScheduledTask> {
    final long dueMillis;
    final long seq;
    final Runnable task;
    // Loop thread only.
    boolean cancelled;

    ScheduledTask(long dueMillis, long seq, Runnable task) {
      this.dueMillis = dueMillis;
      this.seq = seq;
      this.task = task;
    }

    @Override
    public void cancel() {
      cancelled = true;
    }

    @Override
    public int compareTo(ScheduledTask o) {
      int c = Long.compare(dueMillis, o.dueMillis);
      return c != 0 ? c : Long.compare(seq, o.seq);
    }
  }
}
