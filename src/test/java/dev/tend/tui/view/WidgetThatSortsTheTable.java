package dev.tend.tui.view;

import dev.tend.tui.state.ProcessRow;
import dev.tend.tui.state.ProcessTable;
import java.util.List;

/**
 * Test fixture: a widget that brings the table's order up to a second while it draws (a read that
 * re-sorts and moves the selection), which the rules reject.
 */
public final class WidgetThatSortsTheTable {
  public List<ProcessRow> rows(ProcessTable table, long now) {
    return table.visibleRows(now);
  }
}
