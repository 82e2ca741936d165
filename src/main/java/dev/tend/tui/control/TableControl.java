package dev.tend.tui.control;

import dev.tend.tui.state.Column;

/**
 * What other parts ask of the process table's view: move or set the selection, filter, sort. The
 * table's keys do the same themselves; everything that changes how the table is looked at goes
 * through here.
 */
interface TableControl {
  /** Moves the selection by {@code rows}, stopping at the ends. */
  void moveSelection(int rows);

  /** Selects a process, clearing the filter when it hides it. */
  void select(String namespec);

  /** Shows only processes whose name contains {@code text} or whose state starts with it. */
  void filter(String text);

  /** Clears the filter; false when there was none. */
  boolean clearFilter();

  /** Sorts by a column; the same column again reverses the order. */
  void sortBy(Column column);

  /** Selects the first row of a server, clearing the filter when it hides them. */
  void jumpToServer(String server);

  /** Holds the rows shown still ({@code true}) while updates keep arriving, or shows them live. */
  void freeze(boolean on);
}
