package dev.tend.platform;

import java.io.IOException;

/** A spawned child, until it is reaped. Thread-safe. */
public interface ChildProcess {

  int pid();

  /**
   * When it started ({@link ProcessStart#of}: ticks since boot), which with the pid names it for
   * good; -1 when it is already gone.
   */
  default long startTime() {
    return ProcessStart.of(pid());
  }

  /**
   * Sends a signal to the child (through its pidfd, so a recycled pid is never hit), or to its
   * whole process group when {@code toGroup}. Returns 0, or the errno of the failure ({@code ESRCH}
   * = 3 when it is already gone).
   */
  int signal(Signal signal, boolean toGroup);

  /** Writes to the child's stdin pipe. Throws when the pipe is closed (the child closed it). */
  void writeStdin(byte[] data) throws IOException;
}
