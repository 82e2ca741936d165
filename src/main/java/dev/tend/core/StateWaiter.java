package dev.tend.core;

import dev.tend.api.Fault;
import dev.tend.api.FaultException;
import dev.tend.api.ProcessState;
import java.util.concurrent.CompletableFuture;

/**
 * A caller waiting for one process to reach a state, checked on the loop thread at every change of
 * that process. {@link #check} completes the future and returns true when the wait is over.
 */
abstract class StateWaiter {
  final CompletableFuture<Void> done = new CompletableFuture<>();
  final String namespec;

  StateWaiter(String namespec) {
    this.namespec = namespec;
  }

  abstract boolean check(ProcessRuntime p);

  void abandon(RuntimeException why) {
    done.completeExceptionally(why);
  }

  /** startProcess(wait=true): RUNNING, or the fault supervisord's onwait() raises. */
  static StateWaiter untilRunning(String namespec) {
    return new StateWaiter(namespec) {
      @Override
      boolean check(ProcessRuntime p) {
        if (p.spawnerr() != null && p.state() != ProcessState.RUNNING) {
          done.completeExceptionally(new FaultException(Fault.SPAWN_ERROR, namespec));
          return true;
        }
        ProcessState s = p.state();
        if (s == ProcessState.RUNNING) {
          done.complete(null);
          return true;
        }
        if (s != ProcessState.STARTING) {
          done.completeExceptionally(new FaultException(Fault.ABNORMAL_TERMINATION, namespec));
          return true;
        }
        return false;
      }
    };
  }

  /** stopProcess(wait=true): any stopped state. */
  static StateWaiter untilStopped(String namespec) {
    return new StateWaiter(namespec) {
      @Override
      boolean check(ProcessRuntime p) {
        if (p.state().isStopped()) {
          done.complete(null);
          return true;
        }
        return false;
      }
    };
  }
}
