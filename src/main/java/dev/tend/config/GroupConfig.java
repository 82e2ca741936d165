package dev.tend.config;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A process group: the unit that {@code add}, {@code remove} and {@code update} act on.
 *
 * @param processes in supervisord's order, which its autostart follows: a program's processes by
 *     name; a {@code [group:x]}'s in {@code programs=} order, each program's by name (priority does
 *     not reorder them; supervisord sorts by priority only for group start/stop calls)
 * @param listener set only for {@link GroupKind#EVENT_LISTENER}
 * @param socket set only for {@link GroupKind#FCGI_PROGRAM}
 */
public record GroupConfig(
    String name,
    GroupKind kind,
    int priority,
    List<ProcessConfig> processes,
    @Nullable EventListenerConfig listener,
    @Nullable FcgiSocketConfig socket) {

  public GroupConfig {
    processes = List.copyOf(processes);
  }

  /** Same name, priority, kind and process settings (origins ignored): "unchanged" for update. */
  public boolean sameSettings(GroupConfig o) {
    if (!name.equals(o.name)
        || kind != o.kind
        || priority != o.priority
        || processes.size() != o.processes.size()
        || !java.util.Objects.equals(listener, o.listener)
        || !java.util.Objects.equals(socket, o.socket)) {
      return false;
    }
    for (int i = 0; i < processes.size(); i++) {
      if (!processes.get(i).sameSettings(o.processes.get(i))) {
        return false;
      }
    }
    return true;
  }
}
