package dev.tend.tui.view;

import dev.tend.api.LogStream;
import dev.tend.tui.control.ScreenMeasure;
import dev.tend.tui.state.ConsoleModel;
import dev.tend.tui.state.LogLine;
import dev.tend.tui.state.LogPane;
import dev.tend.tui.state.LogRow;
import dev.tend.tui.state.Overlay;
import dev.tend.tui.state.Rect;
import dev.tend.tui.text.DisplayWidth;
import dev.tend.tui.theme.Role;
import dev.tend.tui.theme.Style;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A log pane: a title row, then the rows the pane's viewport gives: the time received and the
 * process name (merged panes, in the process's colour) in a gutter, stderr tinted, the child's
 * colours, search matches highlighted (the current one more), copy mode's selection, markers and
 * notices as bars. Only the visible rows are laid out.
 */
final class LogView {
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss ");
  private static final int TIME_WIDTH = 9;

  private LogView() {}

  /** What copy mode selects in this pane: positions from..to and the cursor's; null for none. */
  private record Selection(long from, long to, long cursor) {}

  /**
   * The text area of a pane drawn in {@code area}: the columns right of the time and name gutter,
   * the rows below the title; null when there is none.
   */
  static ScreenMeasure.@Nullable TextArea textArea(LogPane pane, Rect area) {
    Rect text = textRect(area);
    if (area.isEmpty() || text.isEmpty()) {
      return null;
    }
    return new ScreenMeasure.TextArea(
        Math.max(1, text.width() - timeWidth(pane) - prefixWidth(pane, text)), text.height());
  }

  private static Rect textRect(Rect area) {
    return new Rect(area.x(), area.y() + 1, area.width(), Math.max(0, area.height() - 1));
  }

  private static int timeWidth(LogPane pane) {
    return pane.showsTimestamps() ? TIME_WIDTH : 0;
  }

  /** The name prefix of a merged pane, narrowed so that some text still fits. */
  private static int prefixWidth(LogPane pane, Rect text) {
    return Math.min(pane.prefixWidth(), Math.max(0, text.width() - timeWidth(pane) - 8));
  }

  /** Draws the pane's rows at the text area it was measured for. */
  static void draw(
      Painter p, Styles st, ConsoleModel m, LogPane pane, Rect area, int number, boolean focused) {
    if (area.isEmpty()) {
      return;
    }
    LogTitle.draw(p, st, pane, area, number, focused);
    Rect text = textRect(area);
    if (text.isEmpty()) {
      return;
    }
    int time = timeWidth(pane);
    int prefix = prefixWidth(pane, text);
    List<LogRow> rows = pane.rowsOnScreen();
    @Nullable Selection sel =
        m.overlay() instanceof Overlay.CopyMode c && c.pane() == pane.id()
            ? new Selection(c.from(), c.to(), c.cursor())
            : null;
    ZoneId zone = m.options().zone();
    int limit = text.x() + text.width();
    int y = text.y();
    for (LogRow r : rows) {
      LogLine l = r.line();
      long pos = sel == null && pane.search() == null ? -1 : pane.positionOf(l);
      boolean selected = sel != null && pos >= sel.from() && pos <= sel.to();
      int x = time > 0 ? time(p, st, pane, r, zone, text.x(), y) : text.x();
      if (prefix > 0 && l.kind() == LogLine.Kind.TEXT) {
        x = prefix(p, st, pane, r, x, y, prefix);
      }
      int end =
          l.kind() == LogLine.Kind.TEXT
              ? TextRow.draw(
                  p,
                  st,
                  r,
                  new TextRow.Marks(
                      pane.search(),
                      pos >= 0 && pos == pane.searchPosition(),
                      selected,
                      sel != null && pos == sel.cursor()),
                  x,
                  y,
                  limit)
              : bar(p, st, l, x, y, limit);
      Style rest = selected ? st.highlighted(base(st, l), st.of(Role.LOG_SELECTION)) : base(st, l);
      p.fill(new Rect(end, y, Math.max(0, limit - end), 1), rest);
      y++;
    }
    p.fill(
        new Rect(text.x(), y, text.width(), text.y() + text.height() - y), st.of(Role.LOG_STDOUT));
    if (rows.isEmpty()) {
      String hint =
          pane.filter() != null ? "no line matches the filter (& shows all)" : "no output yet";
      p.clipped(text.x() + 1, text.y(), text.width() - 1, hint, st.of(Role.TABLE_DIM));
    }
  }

  /** When the line arrived, on its first row (a wrapped line's later rows leave it blank). */
  private static int time(Painter p, Styles st, LogPane pane, LogRow r, ZoneId zone, int x, int y) {
    String t =
        r.start() == 0 || !pane.wraps()
            ? LocalTime.ofInstant(Instant.ofEpochMilli(r.line().receivedAt()), zone).format(TIME)
            : " ".repeat(TIME_WIDTH);
    return p.text(x, y, x + TIME_WIDTH, t, st.of(Role.LOG_TIMESTAMP));
  }

  private static Style base(Styles st, LogLine l) {
    return st.of(l.stream() == LogStream.STDERR ? Role.LOG_STDERR : Role.LOG_STDOUT);
  }

  /** The process's name in its colour, padded; blank on a wrapped line's later rows. */
  private static int prefix(Painter p, Styles st, LogPane pane, LogRow r, int x, int y, int width) {
    String name = r.start() == 0 || !pane.wraps() ? r.line().source() : "";
    Style s = st.of(Role.source(pane.sourceSlot(r.line().source())));
    int end = p.text(x, y, x + width - 1, DisplayWidth.truncate(name, width - 1, "~"), s);
    p.fill(new Rect(end, y, x + width - end, 1), st.of(Role.LOG_STDOUT));
    return x + width;
  }

  /** A marker or notice: a bar across the row. */
  private static int bar(Painter p, Styles st, LogLine l, int x, int y, int limit) {
    String h = p.glyphs().horizontal();
    Style s = st.of(Role.LOG_MARKER);
    int end = p.text(x, y, limit, h + h + " " + l.text() + " ", s);
    while (end < limit) {
      end = p.text(end, y, limit, h, s);
    }
    return end;
  }
}
