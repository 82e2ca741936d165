package dev.tend.control.server;

import java.util.concurrent.atomic.AtomicLong;

/**
 * The one deadline a connection has at a time: for the next request to begin (idle), for its head
 * or body to arrive, or for a write to go through. The connection's own thread arms and disarms it;
 * the {@link DeadlineSweeper} expires it. Exactly one of "disarmed in time" and "expired" wins, by
 * a compare-and-set, so a request that completes as its time runs out is either served or cut off,
 * never both.
 */
final class Deadline {
  /** What the connection is waiting for, which decides what expiry does and says. */
  enum Phase {
    /** Between requests, no byte of the next one yet: expiry closes quietly. */
    IDLE,
    /** A request's line and headers: expiry answers 408. */
    HEAD,
    /** A request's body: expiry answers 408. */
    BODY,
    /** A write the client does not take: expiry closes (no answer can get through). */
    WRITE,
    /** After a refusal, reading what the client still sends before closing: expiry closes. */
    LINGER;

    /** Whether expiry ends a read (so the owner can still answer) rather than the connection. */
    boolean reading() {
      return this == IDLE || this == HEAD || this == BODY;
    }
  }

  private static final long NONE = Long.MIN_VALUE;
  private static final long EXPIRED = Long.MIN_VALUE + 1;

  // System.nanoTime() by which the phase must end; NONE when disarmed, EXPIRED once expired.
  private final AtomicLong at = new AtomicLong(NONE);
  // The phase of the armed deadline; written by the owner before arming, read by the sweeper.
  private volatile Phase phase = Phase.IDLE;

  /** Arms for {@code phase}, to end within {@code nanos}; false when already expired. */
  boolean arm(Phase phase, long nanos) {
    long now = System.nanoTime();
    long when = now + nanos;
    if (when == NONE || when == EXPIRED) {
      when = EXPIRED + 1;
    }
    long current = at.get();
    if (current == EXPIRED) {
      return false;
    }
    this.phase = phase;
    return at.compareAndSet(current, when);
  }

  /** Ends the armed phase in time; false when it expired first. */
  boolean disarm() {
    long current = at.get();
    return current != EXPIRED && (current == NONE || at.compareAndSet(current, NONE));
  }

  boolean expired() {
    return at.get() == EXPIRED;
  }

  Phase phase() {
    return phase;
  }

  /** Whether the connection waits between requests (a candidate to make room for another). */
  boolean idle() {
    long current = at.get();
    return phase == Phase.IDLE && current != NONE && current != EXPIRED;
  }

  /**
   * Expires the deadline if it is due at {@code now} (or at once when {@code force}); true when
   * this call expired it. Called by the sweeper and by the connection limit, never by the owner.
   */
  boolean expireIfDue(long now, boolean force) {
    long current = at.get();
    if (current == NONE || current == EXPIRED || (!force && now - current < 0)) {
      return false;
    }
    return at.compareAndSet(current, EXPIRED);
  }

  /** Nanoseconds until it is due (negative when overdue), or Long.MAX_VALUE when not armed. */
  long remaining(long now) {
    long current = at.get();
    return current == NONE || current == EXPIRED ? Long.MAX_VALUE : current - now;
  }
}
