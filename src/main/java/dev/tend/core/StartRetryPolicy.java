package dev.tend.core;

import dev.tend.config.ProcessConfig;
import dev.tend.config.TendSettings;

/**
 * When a process is started again after a failed start or an exit, and when it is given up (FATAL).
 * A policy only answers; {@link ProcessRuntime} keeps the count of failures in a row (the {@code
 * tries} of supervisord's events), the timers and the states. One per process, made from its config
 * by {@link #of}; called on the loop thread.
 */
interface StartRetryPolicy {

  /** What follows a failed start: a retry after a delay, or giving up. */
  record Retry(boolean giveUp, long delayMillis) {
    static final Retry GIVE_UP = new Retry(true, 0);

    static Retry after(long delayMillis) {
      return new Retry(false, delayMillis);
    }
  }

  /**
   * A start failed: the spawn was refused, or the process exited before startsecs (or before it was
   * ready).
   *
   * @param failures failures in a row, this one included
   * @param nowMillis the monotonic time of the failure
   */
  Retry afterFailedStart(int failures, long nowMillis);

  /** The count of failures to keep when the process reaches RUNNING. */
  int failuresWhenRunning(int failures);

  /**
   * The count of failures to keep when a process exits on its own after startsecs, {@code upMillis}
   * after it was spawned.
   */
  int failuresAfterRun(int failures, long upMillis);

  /**
   * How long an autorestart waits after an exit (EXITED to STARTING); 0 restarts at once.
   *
   * @param failures the count of failures, as {@link #failuresAfterRun} left it
   */
  long autorestartDelayMillis(int failures, long nowMillis);

  /**
   * The policy a program's config asks for: supervisord's, unless it sets tend's {@code backoff}
   * keys.
   */
  static StartRetryPolicy of(ProcessConfig config) {
    TendSettings.Backoff b = config.tend().backoff();
    return b == null
        ? new SupervisordRetry(config.startretries())
        : new BackoffRetry(b, config.startretries());
  }
}
