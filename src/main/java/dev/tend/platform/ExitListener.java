package dev.tend.platform;

/** Told, on the platform's I/O thread, that a spawned child was reaped. */
@FunctionalInterface
public interface ExitListener {
  /**
   * The child is gone and reaped. Before this call the platform has drained whatever the child's
   * pipes held at that moment, so output written before exit reaches the sinks first.
   */
  void onExit(int pid, ExitStatus status);
}
