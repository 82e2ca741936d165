package dev.tend.cli;

import dev.tend.api.Health;
import dev.tend.api.ProcessInfo;
import dev.tend.api.ProcessState;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code status} lines (spec §4.4): {@code '%-Ws%-10s%s' % (namespec, state, description)} with W =
 * max(30, longest namespec) + 3, not stripped. With colour, states are coloured by what they mean
 * and a process up for less than {@link #RECENT_SECONDS} has its description highlighted (it may be
 * restarting in a loop); the columns stay where they are. A process a tend daemon found unhealthy
 * (its health check) ends with {@link #UNHEALTHY}; a supervisord never says so, so against it the
 * lines are supervisorctl's, byte for byte.
 */
final class StatusTable {
  /** Uptimes shorter than this are highlighted. */
  static final long RECENT_SECONDS = 60;

  static final String RESET = "\033[0m";
  private static final String GREEN = "\033[32m";
  private static final String CYAN = "\033[36m";
  private static final String YELLOW = "\033[33m";
  private static final String RED = "\033[31m";
  private static final String BOLD_RED = "\033[1;31m";
  private static final String MAGENTA = "\033[35m";
  private static final String DIM = "\033[2m";
  private static final String BOLD_YELLOW = "\033[1;33m";

  /** The marker after the description of an unhealthy process. */
  static final String UNHEALTHY = " [unhealthy]";

  private StatusTable() {}

  static List<String> lines(List<ProcessInfo> infos, boolean colour) {
    int width = 30;
    List<String> names = new ArrayList<>(infos.size());
    for (ProcessInfo info : infos) {
      String name = Namespec.format(info.group(), info.name());
      names.add(name);
      width = Math.max(width, PythonFormat.length(name));
    }
    List<String> lines = new ArrayList<>(infos.size());
    for (int i = 0; i < infos.size(); i++) {
      ProcessInfo info = infos.get(i);
      String name = PythonFormat.padRight(names.get(i), width + 3);
      String state = info.statename();
      boolean unhealthy = info.health().status() == Health.Status.UNHEALTHY;
      if (!colour) {
        lines.add(
            name
                + PythonFormat.padRight(state, 10)
                + info.description()
                + (unhealthy ? UNHEALTHY : ""));
        continue;
      }
      String padding = PythonFormat.padRight("", 10 - Math.min(10, state.length()));
      String description = info.description();
      if (isRecent(info)) {
        description = BOLD_YELLOW + description + RESET;
      }
      if (unhealthy) {
        description += BOLD_RED + UNHEALTHY + RESET;
      }
      lines.add(name + stateColour(info.state()) + state + RESET + padding + description);
    }
    return lines;
  }

  /** Up, and not for long. */
  static boolean isRecent(ProcessInfo info) {
    long up = info.now() - info.start();
    return info.state() == ProcessState.RUNNING
        && info.start() > 0
        && up >= 0
        && up < RECENT_SECONDS;
  }

  static String stateColour(ProcessState state) {
    return switch (state) {
      case RUNNING -> GREEN;
      case STARTING -> CYAN;
      case STOPPING, EXITED -> YELLOW;
      case BACKOFF -> RED;
      case FATAL -> BOLD_RED;
      case UNKNOWN -> MAGENTA;
      case STOPPED -> DIM;
    };
  }
}
