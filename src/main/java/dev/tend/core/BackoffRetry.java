package dev.tend.core;

import dev.tend.config.TendSettings.Backoff;

/**
 * tend's {@code backoff} keys: the n-th failure in a row waits {@code backoff_initial × n} (linear)
 * or {@code backoff_initial × 2^(n-1)} (exponential), never more than {@code backoff_max}. A
 * failure is a failed start, as under supervisord (more than {@code startretries} of them in a row
 * still give up), and also a run that ended on its own before {@code backoff_reset_after}: so a
 * program that crashes a few seconds after it started is restarted later and later, not at once
 * forever. Reaching RUNNING keeps the count; running {@code backoff_reset_after} seconds forgets
 * it.
 */
final class BackoffRetry implements StartRetryPolicy {
  private final Backoff backoff;
  private final int startretries;

  BackoffRetry(Backoff backoff, int startretries) {
    this.backoff = backoff;
    this.startretries = startretries;
  }

  /** The wait after the n-th failure in a row, in milliseconds. */
  long delayMillis(int failures) {
    long initial = backoff.initialSecs() * 1000L;
    long max = backoff.maxSecs() * 1000L;
    long n = Math.max(1, failures);
    long delay =
        switch (backoff.kind()) {
          case LINEAR -> initial * n;
          case EXPONENTIAL -> n > 40 ? max : initial << (n - 1);
        };
    return Math.min(max, delay < 0 ? max : delay);
  }

  @Override
  public Retry afterFailedStart(int failures, long nowMillis) {
    return failures > startretries ? Retry.GIVE_UP : Retry.after(delayMillis(failures));
  }

  @Override
  public int failuresWhenRunning(int failures) {
    return backoff.resetAfterSecs() == 0 ? 0 : failures;
  }

  @Override
  public int failuresAfterRun(int failures, long upMillis) {
    return upMillis >= backoff.resetAfterSecs() * 1000L ? 0 : failures + 1;
  }

  @Override
  public long autorestartDelayMillis(int failures, long nowMillis) {
    return failures == 0 ? 0 : delayMillis(failures);
  }
}
