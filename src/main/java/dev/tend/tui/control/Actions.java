package dev.tend.tui.control;

import dev.tend.tui.keymap.Action;
import dev.tend.tui.keymap.KeyChord;
import org.jspecify.annotations.Nullable;

/**
 * Runs a keymap action in its context: the global keys, the table's, the log pane's, or the servers
 * view's.
 */
final class Actions {
  private final GlobalKeys global;
  private final TableKeys table;
  private final LogPaneKeys logs;
  private final ServerKeys servers;

  Actions(GlobalKeys global, TableKeys table, LogPaneKeys logs, ServerKeys servers) {
    this.global = global;
    this.table = table;
    this.logs = logs;
    this.servers = servers;
  }

  /** Runs an action as its key would ({@code key} is null from the command line). */
  void perform(Action a, @Nullable KeyChord key) {
    switch (a.context()) {
      case GLOBAL -> global.perform(a, key);
      case TABLE -> table.perform(a);
      case LOG -> logs.perform(a);
      case SERVERS -> servers.perform(a);
    }
  }
}
