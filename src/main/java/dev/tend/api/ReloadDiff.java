package dev.tend.api;

import java.util.List;

/** What {@code reloadConfig} found: group names added, changed and removed since the last load. */
public record ReloadDiff(List<String> added, List<String> changed, List<String> removed) {
  public ReloadDiff {
    added = List.copyOf(added);
    changed = List.copyOf(changed);
    removed = List.copyOf(removed);
  }

  public boolean isEmpty() {
    return added.isEmpty() && changed.isEmpty() && removed.isEmpty();
  }
}
