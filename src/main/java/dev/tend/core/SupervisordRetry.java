package dev.tend.core;

/**
 * supervisord 4.2.5's rule (spec §2): after the n-th failed start in a row, wait n seconds and try
 * again, until more than {@code startretries} have failed; reaching RUNNING forgets the failures;
 * an autorestart after an exit happens at once.
 */
final class SupervisordRetry implements StartRetryPolicy {
  private final int startretries;

  SupervisordRetry(int startretries) {
    this.startretries = startretries;
  }

  @Override
  public Retry afterFailedStart(int failures, long nowMillis) {
    return failures > startretries ? Retry.GIVE_UP : Retry.after(failures * 1000L);
  }

  @Override
  public int failuresWhenRunning(int failures) {
    return 0;
  }

  @Override
  public int failuresAfterRun(int failures, long upMillis) {
    return 0;
  }

  @Override
  public long autorestartDelayMillis(int failures, long nowMillis) {
    return 0;
  }
}
