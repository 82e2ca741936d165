package dev.tend.tui.control;

import dev.tend.tui.keymap.Action;
import dev.tend.tui.keymap.KeyChord;
import org.jspecify.annotations.Nullable;

/** Runs a keymap action in its context: the global keys, the table's, or the log pane's. */
final class Actions {
  private final GlobalKeys global;
  private final TableKeys table;
  private final LogPaneKeys logs;

  Actions(GlobalKeys global, TableKeys table, LogPaneKeys logs) {
    this.global = global;
    this.table = table;
    this.logs = logs;
  }

  /** Runs an action as its key would ({@code key} is null from the command line). */
  void perform(Action a, @Nullable KeyChord key) {
    switch (a.context()) {
      case GLOBAL -> global.perform(a, key);
      case TABLE -> table.perform(a);
      case LOG -> logs.perform(a);
    }
  }
}
