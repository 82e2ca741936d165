package dev.tend.testing;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Waits for a condition with a deadline, polling briefly; the one way tests wait (never a bare
 * sleep). A timeout fails with the description and, when given, the last value seen.
 */
public final class Await {
  private static final Duration DEFAULT = Duration.ofSeconds(20);
  private static final long POLL_MILLIS = 10;

  private Await() {}

  public static void until(String what, BooleanSupplier condition) {
    until(what, DEFAULT, condition);
  }

  public static void until(String what, Duration timeout, BooleanSupplier condition) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() - deadline > 0) {
        throw new AssertionError(
            "timed out after " + timeout.toMillis() + " ms waiting for " + what);
      }
      pause();
    }
  }

  /** Waits until {@code value} returns something {@code accept} likes; returns it. */
  public static <T> T value(
      String what, Duration timeout, Supplier<T> value, java.util.function.Predicate<T> accept) {
    long deadline = System.nanoTime() + timeout.toNanos();
    T last = value.get();
    while (!accept.test(last)) {
      if (System.nanoTime() - deadline > 0) {
        throw new AssertionError(
            "timed out after "
                + timeout.toMillis()
                + " ms waiting for "
                + what
                + "; last: "
                + last);
      }
      pause();
      last = value.get();
    }
    return last;
  }

  public static <T> T value(
      String what, Supplier<T> value, java.util.function.Predicate<T> accept) {
    return value(what, DEFAULT, value, accept);
  }

  private static void pause() {
    try {
      Thread.sleep(POLL_MILLIS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted while waiting", e);
    }
  }
}
