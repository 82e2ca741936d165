package dev.tend.core;

import dev.tend.api.ReloadDiff;
import dev.tend.config.GroupConfig;
import dev.tend.config.SupervisorConfig;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code reloadConfig}'s answer: the groups a config adds, changes and removes. */
final class ReloadDiffs {
  private ReloadDiffs() {}

  static ReloadDiff between(List<GroupRuntime> running, SupervisorConfig next) {
    Map<String, GroupRuntime> current = new LinkedHashMap<>();
    for (GroupRuntime g : running) {
      current.put(g.name(), g);
    }
    List<String> added = new ArrayList<>();
    List<String> changed = new ArrayList<>();
    List<String> removed = new ArrayList<>();
    for (GroupConfig g : next.groups()) {
      GroupRuntime now = current.get(g.name());
      if (now == null) {
        added.add(g.name());
      } else if (!now.config().sameSettings(g)) {
        changed.add(g.name());
      }
    }
    for (String name : current.keySet()) {
      if (next.group(name).isEmpty()) {
        removed.add(name);
      }
    }
    return new ReloadDiff(added, changed, removed);
  }
}
