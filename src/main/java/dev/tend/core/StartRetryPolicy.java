package dev.tend.core;

import dev.tend.config.ProcessConfig;

/**
 * When a process is started again after a failed start or an exit, and when it is given up (FATAL).
 * A policy only answers; {@link ProcessRuntime} keeps the count of failed starts (the {@code tries}
 * of supervisord's events), the timers and the states. One per process, made from its config by
 * {@link #of}; called on the loop thread.
 *
 * <p>A new rule (tend's {@code backoff = linear | exponential}, {@code backoff_initial}, {@code
 * backoff_max}, {@code backoff_reset_after}) is a new implementation chosen in {@link #of} from the
 * program's config; the state machine does not change.
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
   * A start failed: the spawn was refused, or the process exited before startsecs.
   *
   * @param failures failed starts in a row, this one included
   * @param nowMillis the monotonic time of the failure
   */
  Retry afterFailedStart(int failures, long nowMillis);

  /**
   * The count of failed starts to keep once a run went well: the process reached RUNNING, or it
   * exited on its own after startsecs, {@code upMillis} after it was spawned.
   */
  int failuresAfterGoodRun(int failures, long upMillis);

  /**
   * How long an autorestart waits after an exit (EXITED to STARTING); 0 restarts at once.
   *
   * @param failures the count of failed starts, as {@link #failuresAfterGoodRun} left it
   */
  long autorestartDelayMillis(int failures, long nowMillis);

  /** The policy a program's config asks for: supervisord's, the only one so far. */
  static StartRetryPolicy of(ProcessConfig config) {
    return new SupervisordRetry(config.startretries());
  }
}
