package dev.tend.core;

import dev.tend.platform.HeldPipes;
import dev.tend.platform.PidHandle;

/**
 * A process a previous daemon left running, found again, for its program to take over: either as it
 * is ({@code replace} false: adopted, RUNNING with its pid) or to be stopped and started anew
 * ({@code replace} true: its program changed since, or the config says {@code orphans = stop}).
 *
 * @param entry what the previous daemon recorded of it
 * @param process a handle on it (it may have exited meanwhile: then its exit is reported at once)
 * @param pipes its pipe ends, when something held them while no daemon ran
 * @param startedWallMillis when it started (wall time)
 * @param replace whether it is to be stopped (and its program started again) rather than kept
 */
public record Orphan(
    RosterEntry entry,
    PidHandle process,
    HeldPipes pipes,
    long startedWallMillis,
    boolean replace) {

  /** Closes what this holds (when nobody takes it). */
  public void discard() {
    process.close();
    pipes.close();
  }
}
