package dev.tend.control.server;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one scheduler of a server's deadlines: a virtual thread that wakes at the earliest deadline
 * of the open connections and expires what is due. It sleeps at most the shortest timeout, so a
 * deadline armed after it went to sleep (which is at least that far off) is never missed, and it
 * sleeps for good while no connection is open: an idle daemon is not woken for it. A connection
 * opening wakes it only from that sleep: in a storm of new connections, a wake (and a walk over
 * every open connection) per connection cost O(n) each.
 */
final class DeadlineSweeper {
  private static final Logger log = LoggerFactory.getLogger(DeadlineSweeper.class);
  private static final long MIN_SLEEP_NANOS = 1_000_000;

  private final Set<Connection> open;
  private final long maxSleepNanos;
  private final Thread thread;
  // Set by the sweeper before it sleeps for good (it then looks at the set once more); cleared when
  // it wakes. A connection added to the set while it is set unparks the sweeper.
  private volatile boolean sleepsForGood;
  // Sweeps made, ever (for tests).
  private final AtomicLong sweeps = new AtomicLong();
  // Set once by close().
  private volatile boolean closed;

  DeadlineSweeper(Set<Connection> open, Duration shortestTimeout) {
    this.open = open;
    this.maxSleepNanos = shortestTimeout.toNanos();
    this.thread = Thread.ofVirtual().name("tend-http-deadlines").start(this::run);
  }

  /** A connection was added to the set: wakes the sweeper if it sleeps for good. */
  void connectionOpened() {
    if (sleepsForGood) {
      LockSupport.unpark(thread);
    }
  }

  private void run() {
    while (!closed) {
      long sleep;
      try {
        sleep = sweep(System.nanoTime());
      } catch (RuntimeException e) {
        log.warn("deadline sweep failed", e);
        sleep = maxSleepNanos;
      }
      if (sleep == Long.MAX_VALUE) {
        sleepsForGood = true;
        if (open.isEmpty()) { // added before the flag was seen set: woken, or seen here
          LockSupport.park(this);
        }
        sleepsForGood = false;
      } else {
        LockSupport.parkNanos(this, Math.max(MIN_SLEEP_NANOS, sleep));
      }
    }
  }

  /** Expires what is due; returns how long to sleep (Long.MAX_VALUE: nothing is open). */
  private long sweep(long now) {
    sweeps.incrementAndGet();
    if (open.isEmpty()) {
      return Long.MAX_VALUE;
    }
    long next = maxSleepNanos;
    for (Connection c : open) {
      Deadline d = c.deadline();
      Deadline.Phase phase = d.phase();
      if (d.expireIfDue(now, false)) {
        c.expired(phase);
      } else {
        next = Math.min(next, d.remaining(now));
      }
    }
    return next;
  }

  /** Sweeps made since the server started (for tests). */
  long sweeps() {
    return sweeps.get();
  }

  void close() {
    closed = true;
    LockSupport.unpark(thread);
  }
}
