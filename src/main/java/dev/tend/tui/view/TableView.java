package dev.tend.tui.view;

import dev.tend.tui.state.ConsoleModel;
import dev.tend.tui.state.Panes;
import dev.tend.tui.state.ProcessRow;
import dev.tend.tui.state.ProcessTable;
import dev.tend.tui.state.Rect;
import dev.tend.tui.text.DisplayWidth;
import dev.tend.tui.theme.Role;
import dev.tend.tui.theme.Style;
import java.util.List;

/**
 * The process table: a title row of columns (the sorted one marked), then one row per visible
 * process, from the first row the table was fitted to before the frame. Only the rows that fit are
 * formatted. The state and its reason are in the state's colour; the selected row is highlighted,
 * tagged rows carry a mark.
 */
final class TableView {
  private TableView() {}

  static void draw(Painter p, Styles st, ConsoleModel m, Rect area, long nowSeconds) {
    if (area.isEmpty()) {
      return;
    }
    ProcessTable t = m.table();
    List<ProcessRow> rows = t.visibleRows();
    int bodyRows = Math.max(0, area.height() - 1);
    int top = bodyRows > 0 ? t.top() : 0; // fitted to bodyRows before the frame
    int end = Math.min(rows.size(), top + bodyRows);
    int longestName = 4;
    int longestReason = 4;
    int longestServer = m.servers().many() ? 6 : 0; // no SERVER column with one server
    for (int i = top; i < end; i++) {
      longestName = Math.max(longestName, DisplayWidth.of(rows.get(i).localNamespec()));
      longestReason = Math.max(longestReason, DisplayWidth.of(rows.get(i).reason()));
      if (longestServer > 0) {
        longestServer = Math.max(longestServer, DisplayWidth.of(rows.get(i).server()));
      }
    }
    List<TableLayout.Placed> cols =
        TableLayout.fit(
            area.width(), longestName, longestReason, t.hasStats(), t.hasHealth(), longestServer);
    titles(p, st, t, cols, area);
    Style row = st.of(Role.TABLE_ROW);
    int drawn = end - top;
    p.fill(new Rect(area.x(), area.y() + 1 + drawn, area.width(), bodyRows - drawn), row);
    int selected = t.selectedIndex();
    boolean focused = m.focus() == Panes.TABLE;
    for (int i = top; i < end; i++) {
      drawRow(
          p,
          st,
          t,
          rows.get(i),
          cols,
          area,
          area.y() + 1 + i - top,
          i == selected,
          focused,
          m.servers().live(rows.get(i).server()),
          nowSeconds);
    }
    if (rows.isEmpty()) {
      String why = t.size() == 0 ? "no processes" : "no process matches (Esc clears the filter)";
      p.clipped(
          area.x() + TableLayout.GUTTER,
          area.y() + 1,
          area.width() - 2,
          why,
          st.of(Role.TABLE_DIM));
    }
  }

  private static void titles(
      Painter p, Styles st, ProcessTable t, List<TableLayout.Placed> cols, Rect area) {
    Style header = st.of(Role.TABLE_HEADER);
    p.fill(new Rect(area.x(), area.y(), area.width(), 1), header);
    for (TableLayout.Placed c : cols) {
      String title = c.column().title();
      if (c.column() == t.sortColumn()) {
        title += t.ascending() ? p.glyphs().ascending() : p.glyphs().descending();
      }
      cell(p, area.x() + c.x(), area.y(), c.width(), title, c.column().rightAligned(), header);
    }
  }

  private static void drawRow(
      Painter p,
      Styles st,
      ProcessTable t,
      ProcessRow r,
      List<TableLayout.Placed> cols,
      Rect area,
      int y,
      boolean selected,
      boolean focused,
      boolean live,
      long now) {
    // a row of a server that does not answer is greyed: its values are as last known
    Style base = st.of(live ? Role.TABLE_ROW : Role.TABLE_DIM);
    Style highlight = st.of(focused ? Role.TABLE_SELECTED : Role.PANE_TITLE);
    Style rowStyle = selected ? st.highlighted(base, highlight) : base;
    p.fill(new Rect(area.x(), y, area.width(), 1), rowStyle);
    if (t.isTagged(r.namespec())) {
      Style tag = st.of(Role.TABLE_TAGGED);
      p.text(
          area.x(),
          y,
          area.x() + 1,
          p.glyphs().tag(),
          selected ? st.highlighted(tag, highlight) : tag);
    }
    Style state = st.of(Styles.stateRole(r.state()));
    for (TableLayout.Placed c : cols) {
      Style s =
          switch (c.column()) {
            case STATE, REASON -> live ? state : base;
            case HEALTH -> live ? health(st, r, base) : base;
            case NAME -> t.isTagged(r.namespec()) ? st.of(Role.TABLE_TAGGED) : base;
            default -> base;
          };
      String text = c.column().cell(r, now);
      if (text.equals("-") && s == base) {
        s = st.of(Role.TABLE_DIM);
      }
      cell(
          p,
          area.x() + c.x(),
          y,
          c.width(),
          text,
          c.column().rightAligned(),
          selected ? st.highlighted(s, highlight) : s);
    }
  }

  /** Unhealthy in FATAL's colour, healthy in RUNNING's; no check or no result yet: plain. */
  private static Style health(Styles st, ProcessRow r, Style base) {
    return switch (r.info().health().status()) {
      case UNHEALTHY -> st.of(Role.STATE_FATAL);
      case HEALTHY -> st.of(Role.STATE_RUNNING);
      case UNKNOWN, NONE -> base;
    };
  }

  private static void cell(
      Painter p, int x, int y, int width, String text, boolean right, Style s) {
    if (width <= 0) {
      return;
    }
    String shown = DisplayWidth.truncate(text, width, p.glyphs().ellipsis());
    int pad = right ? width - DisplayWidth.of(shown) : 0;
    p.text(x + pad, y, x + width, shown, s);
  }
}
