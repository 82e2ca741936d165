package dev.tend.tui.control;

import dev.tend.tui.state.LogPane;
import dev.tend.tui.state.PaneLayout;
import dev.tend.tui.state.PaneSource;

/**
 * What the table's keys, the log pane's keys and the {@code :} line ask of the log panes: open one,
 * split one, close one, move one to another process.
 */
interface PaneOpener {
  /** Opens the pane that shows the selected process (or focuses it when it is open). */
  void openSelectionPane(boolean focusIt);

  /** Opens a pane pinned to {@code source} and focuses it. */
  void openPane(PaneSource source);

  /** The selection pane shows the selected process's log, with these streams, focused. */
  void showSelection(LogPane.Streams streams);

  /** Splits a log pane; the new pane shows the same log, pinned, and takes focus. */
  void split(LogPane from, PaneLayout.Direction direction);

  /** Closes a log pane. */
  void close(int id);

  /** {@code [} and {@code ]} on a pinned pane: the previous or next process, or group. */
  void step(LogPane p, int step);
}
