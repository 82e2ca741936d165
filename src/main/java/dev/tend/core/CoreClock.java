package dev.tend.core;

/**
 * Time as the core sees it: wall-clock milliseconds for what is reported (start, stop, now) and
 * monotonic milliseconds for what is decided (startsecs, backoff, stopwaitsecs), so a clock step
 * never makes a process look older or younger than it is.
 */
public interface CoreClock {

  long wallMillis();

  long monotonicMillis();

  /** The machine's clocks. */
  CoreClock SYSTEM =
      new CoreClock() {
        @Override
        public long wallMillis() {
          return System.currentTimeMillis();
        }

        @Override
        public long monotonicMillis() {
          return System.nanoTime() / 1_000_000L;
        }
      };
}
