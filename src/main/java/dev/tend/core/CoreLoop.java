package dev.tend.core;

/**
 * The single thread that owns every process's state (ARCHITECTURE decision 4). Other threads post
 * work with {@link #execute}; code on the loop schedules timers. Tests use a manual loop whose time
 * only moves when told.
 */
public interface CoreLoop {

  /** Runs the task on the loop thread, after the tasks posted before it. Any thread. */
  void execute(Runnable task);

  /** Runs the task on the loop thread after {@code delayMillis}. Loop thread only. */
  Timer schedule(long delayMillis, Runnable task);

  /** Whether the caller is the loop thread. */
  boolean inLoop();

  /** A scheduled task that has not run yet can be cancelled. */
  interface Timer {
    void cancel();
  }
}
