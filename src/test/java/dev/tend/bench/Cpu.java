package dev.tend.bench;

/** CPU used between two samples of one process. */
final class Cpu {
  private static final long TICK_SLACK = 2 * ProcStats.NANOS_PER_TICK;

  private Cpu() {}

  /**
   * Nanoseconds of CPU from {@code a} to {@code b}: the live threads' schedstat sum (precise to the
   * nanosecond), unless it falls clearly below the tick count (a thread that ended took its
   * schedstat with it), then the ticks (10 ms each).
   */
  static long between(ProcStats.Sample a, ProcStats.Sample b) {
    long ticks = (b.cpuTicks() - a.cpuTicks()) * ProcStats.NANOS_PER_TICK;
    long sched = b.schedNanos() - a.schedNanos();
    return sched >= ticks - TICK_SLACK ? sched : ticks;
  }

  /** CPU of {@code pid} over {@code millis} of sleep, in nanoseconds. */
  static long over(DaemonRun d, long millis) throws InterruptedException {
    ProcStats.Sample a = d.sample();
    long t0 = System.nanoTime();
    Thread.sleep(millis);
    ProcStats.Sample b = d.sample();
    long elapsed = System.nanoTime() - t0;
    // scale to exactly the window asked, so rates are per second of wall time
    return Math.round(between(a, b) * (millis * 1e6 / elapsed));
  }
}
