package dev.tend.tui.view;

import dev.tend.tui.state.ProcessTable;

/** Test fixture: a widget that changes the state while it draws, which the rules reject. */
public final class WidgetThatPagesTheTable {
  public void draw(ProcessTable table, int rows) {
    table.fitTo(rows, 0);
  }
}
