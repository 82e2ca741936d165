package dev.tend.control.server;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Bytes of request bodies held at once over every connection of a server: each body is bounded by
 * itself, and this bounds a crowd of them, so a thousand clients each sending the largest body
 * cannot exhaust the heap. Thread-safe.
 */
final class BodyBudget {
  private final long max;
  // Bytes reserved by bodies being read or handled; never above max.
  private final AtomicLong held = new AtomicLong();

  BodyBudget(long max) {
    this.max = max;
  }

  /** Reserves {@code bytes}; false (and nothing reserved) when that would exceed the budget. */
  boolean reserve(long bytes) {
    while (true) {
      long now = held.get();
      if (now + bytes > max) {
        return false;
      }
      if (held.compareAndSet(now, now + bytes)) {
        return true;
      }
    }
  }

  void release(long bytes) {
    held.addAndGet(-bytes);
  }

  long held() {
    return held.get();
  }
}
