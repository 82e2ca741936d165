package dev.tend.core;

import dev.tend.api.ProcessInfo;

/**
 * What a process's state machine tells the supervisor it belongs to, and the one thing it asks.
 * Implemented by {@link SupervisorCore}, which hands itself to each process it makes. Loop thread.
 */
interface ProcessHost {

  /** False once the supervisor is shutting down or restarting: nothing is spawned then. */
  boolean mayStart();

  /** A transition, after the process took its new state. */
  void stateChanged(StateChange change);

  /**
   * What the process reports changed without a state change (the pid of a STARTING process once the
   * spawn returned).
   */
  void infoChanged(ProcessInfo info);

  /**
   * Only a detail that clients need not be woken for changed (the time of the last health check):
   * the latest info is kept, no change is announced.
   */
  void infoRefreshed(ProcessInfo info);
}
