package dev.tend.core;

import dev.tend.api.ProcessState;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * The stop of shutdown and restart. supervisord stops one group at a time, in descending priority,
 * waiting for each (spec §2.6): 100 programs take half a minute. This keeps its order between
 * priority levels but stops every group of one level together. Loop thread only.
 */
final class OrderedStop {
  private static final long WAITING_LOG_MILLIS = 3000;

  private final SupervisorCore core;
  private final CoreLoop loop;
  private final Runnable whenStopped;
  // The priority level being stopped (its groups were told to stop), or null before the first.
  private List<GroupRuntime> level = List.of();
  // Whether whenStopped has run.
  private boolean finished;
  private CoreLoop.Timer waitingLog;

  OrderedStop(SupervisorCore core, CoreLoop loop, Runnable whenStopped) {
    this.core = core;
    this.loop = loop;
    this.whenStopped = whenStopped;
    this.waitingLog = loop.schedule(WAITING_LOG_MILLIS, this::logWaiting);
  }

  /** Stops the next level when the current one is done; finishes when nothing is left. */
  void advance() {
    while (!finished && level.stream().allMatch(GroupRuntime::allStopped)) {
      List<GroupRuntime> next = nextLevel();
      if (next.isEmpty()) {
        finished = true;
        waitingLog.cancel();
        core.orderedStopFinished();
        whenStopped.run();
        return;
      }
      level = next;
      for (GroupRuntime g : level) {
        stopAll(g);
      }
    }
  }

  /** The groups of the highest priority value that still have unstopped processes. */
  private List<GroupRuntime> nextLevel() {
    TreeMap<Integer, List<GroupRuntime>> byPriority = new TreeMap<>();
    for (GroupRuntime g : core.groupsByPriority()) {
      if (!g.allStopped()) {
        byPriority.computeIfAbsent(g.priority(), k -> new ArrayList<>()).add(g);
      }
    }
    return byPriority.isEmpty() ? List.of() : byPriority.lastEntry().getValue();
  }

  /**
   * supervisord's stop_all: descending process priority; BACKOFF gives up. A process with running
   * dependants (tend's depends_on) is stopped after them, even those of a later level.
   */
  private void stopAll(GroupRuntime g) {
    List<ProcessRuntime> processes = g.processesByPriority();
    java.util.Collections.reverse(processes);
    for (ProcessRuntime p : processes) {
      ProcessState s = p.state();
      if (s == ProcessState.RUNNING || s == ProcessState.STARTING) {
        core.stopAfterDependants(p);
      } else if (s == ProcessState.BACKOFF) {
        p.giveUp();
      }
    }
  }

  private void logWaiting() {
    if (finished) {
      return;
    }
    List<ProcessRuntime> unstopped = new ArrayList<>();
    for (GroupRuntime g : level) {
      unstopped.addAll(g.unstopped());
    }
    if (!unstopped.isEmpty()) {
      core.logWaiting(unstopped);
    }
    waitingLog = loop.schedule(WAITING_LOG_MILLIS, this::logWaiting);
  }
}
