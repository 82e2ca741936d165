package dev.tend.core;

import dev.tend.config.GroupConfig;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/** A process group as added to the supervisor. Loop thread only. */
final class GroupRuntime {
  /** Processes by (priority, name): the order supervisord starts them in. */
  static final Comparator<ProcessRuntime> BY_PRIORITY =
      Comparator.comparingInt((ProcessRuntime p) -> p.config().priority())
          .thenComparing(ProcessRuntime::name);

  private final GroupConfig config;
  // Processes by name: lexical order, as getAllProcessInfo lists them.
  private final Map<String, ProcessRuntime> processes = new TreeMap<>();
  // An fcgi-program's socket, shared by its processes; null for other groups.
  private final @Nullable GroupSocket socket;

  GroupRuntime(GroupConfig config, List<ProcessRuntime> members, @Nullable GroupSocket socket) {
    this.config = config;
    this.socket = socket;
    for (ProcessRuntime p : members) {
      processes.put(p.name(), p);
    }
  }

  String name() {
    return config.name();
  }

  int priority() {
    return config.priority();
  }

  GroupConfig config() {
    return config;
  }

  @Nullable ProcessRuntime process(String name) {
    return processes.get(name);
  }

  /** Lexical order. */
  List<ProcessRuntime> processesByName() {
    return new ArrayList<>(processes.values());
  }

  /** Ascending (priority, name). */
  List<ProcessRuntime> processesByPriority() {
    List<ProcessRuntime> list = new ArrayList<>(processes.values());
    list.sort(BY_PRIORITY);
    return list;
  }

  /** Closes the fcgi-program socket, if any: at removal and at shutdown. */
  void closeSocket() {
    if (socket != null) {
      socket.close();
    }
  }

  boolean allStopped() {
    return processes.values().stream().allMatch(p -> p.state().isStopped());
  }

  List<ProcessRuntime> unstopped() {
    return processes.values().stream().filter(p -> !p.state().isStopped()).toList();
  }
}
