package dev.tend.tui.state;

import dev.tend.api.ProcessInfo;
import dev.tend.api.ProcessState;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Restart counts for servers that do not report them (supervisord: {@code restarts} is -1): a
 * restart is a new spawn ({@code start} moved forward) that did not follow a stop or a give-up,
 * i.e. the last state seen was BACKOFF, EXITED, STARTING or RUNNING, nor one this console asked for
 * ({@link #asked}): the supervisor's own restarts, as a tend daemon counts them. Counted from when
 * the console attached; a start asked by another client counts (the server cannot tell).
 */
final class ObservedRestarts {

  /** Restarts of one process and the epoch second of the last (0 when none). */
  record Restarts(int count, long lastAt) {}

  /** What the console last saw of a process. */
  private record Seen(long start, ProcessState state, int count, long lastAt) {}

  // UI thread only; one entry per process seen, removed with the process
  private final Map<String, Seen> seen = new HashMap<>();
  // UI thread only; processes whose next spawn this console asked for
  private final Set<String> asked = new HashSet<>();

  /** This console asked to start or restart the process: its next spawn is not counted. */
  void asked(String namespec) {
    asked.add(namespec);
  }

  /** The restarts to show for this new sight of a process. */
  Restarts observe(ProcessInfo info) {
    return observe(info.namespec(), info);
  }

  /** As {@link #observe(ProcessInfo)}, for the process the console keys as {@code key}. */
  Restarts observe(String key, ProcessInfo info) {
    if (info.restarts() >= 0) {
      seen.remove(key);
      asked.remove(key);
      return new Restarts(info.restarts(), info.restarts() > 0 ? info.start() : 0);
    }
    Seen before = seen.get(key);
    int count = before == null ? 0 : before.count();
    long lastAt = before == null ? 0 : before.lastAt();
    if (before != null
        && info.start() > before.start()
        && !asked.remove(key)
        && automatic(before.state())) {
      count++;
      lastAt = info.start();
    }
    seen.put(key, new Seen(info.start(), info.state(), count, lastAt));
    return new Restarts(count, lastAt);
  }

  void forget(String namespec) {
    seen.remove(namespec);
    asked.remove(namespec);
  }

  void clear() {
    seen.clear();
    asked.clear();
  }

  private static boolean automatic(ProcessState previous) {
    return switch (previous) {
      case BACKOFF, EXITED, STARTING, RUNNING -> true;
      case STOPPED, STOPPING, FATAL, UNKNOWN -> false;
    };
  }
}
