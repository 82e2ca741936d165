package dev.tend.tui.view;

import dev.tend.api.LogStream;
import dev.tend.tui.model.ConsoleModel;
import dev.tend.tui.model.DisplayWidth;
import dev.tend.tui.model.LogLine;
import dev.tend.tui.model.LogPane;
import dev.tend.tui.model.Rect;
import dev.tend.tui.theme.Role;
import dev.tend.tui.theme.Style;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * A log pane: a title row (process, streams, follow or paused, wrap), then the rows the pane's
 * viewport gives, stderr tinted, the child's colours on top, markers and notices as bars. Only the
 * visible rows are laid out.
 */
final class LogView {
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss ");
  private static final int TIME_WIDTH = 9;

  private LogView() {}

  static void draw(Painter p, Styles st, ConsoleModel m, LogPane pane, Rect area, boolean focused) {
    if (area.isEmpty()) {
      return;
    }
    title(p, st, pane, area, focused);
    Rect text = new Rect(area.x(), area.y() + 1, area.width(), area.height() - 1);
    if (text.isEmpty()) {
      return;
    }
    int gutter = pane.showsTimestamps() ? TIME_WIDTH : 0;
    int textWidth = Math.max(1, text.width() - gutter);
    var rows = pane.viewport(textWidth, text.height());
    ZoneId zone = m.options().zone();
    int y = text.y();
    for (LogPane.Row r : rows) {
      LogLine l = r.line();
      int x = text.x();
      if (gutter > 0) {
        String time =
            r.start() == 0
                ? LocalTime.ofInstant(Instant.ofEpochMilli(l.receivedAt()), zone).format(TIME)
                : " ".repeat(TIME_WIDTH);
        x = p.text(x, y, x + gutter, time, st.of(Role.LOG_TIMESTAMP));
      }
      int end = line(p, st, r, x, y, text.x() + text.width());
      p.fill(
          new Rect(end, y, Math.max(0, text.x() + text.width() - end), 1), st.of(Role.LOG_STDOUT));
      y++;
    }
    p.fill(
        new Rect(text.x(), y, text.width(), text.y() + text.height() - y), st.of(Role.LOG_STDOUT));
    if (rows.isEmpty()) {
      String hint = pane.buffer().dropped() == 0 ? "no output yet" : "";
      p.clipped(text.x() + 1, text.y(), text.width() - 1, hint, st.of(Role.TABLE_DIM));
    }
  }

  private static void title(Painter p, Styles st, LogPane pane, Rect area, boolean focused) {
    Style s = st.of(focused ? Role.PANE_TITLE_FOCUSED : Role.PANE_TITLE);
    p.fill(new Rect(area.x(), area.y(), area.width(), 1), s);
    String sep = p.glyphs().separator();
    String left = " " + pane.namespec() + sep + pane.streams().label();
    StringBuilder right = new StringBuilder();
    right.append(pane.following() ? "following" : "PAUSED (G follows)");
    if (!pane.wraps()) {
      right.append(sep).append("no wrap");
    }
    int n = pane.buffer().size();
    right.append(sep).append(n).append(n == 1 ? " line " : " lines ");
    int limit = area.x() + area.width();
    int x = p.text(area.x(), area.y(), limit, left, s);
    if (x + 2 + DisplayWidth.of(right.toString()) <= limit) {
      p.right(limit, area.y(), right.toString(), s);
    }
  }

  /** Draws one row; returns the column after it. */
  private static int line(Painter p, Styles st, LogPane.Row r, int x, int y, int limit) {
    LogLine l = r.line();
    if (l.kind() != LogLine.Kind.TEXT) {
      String bar = p.glyphs().horizontal().repeat(2);
      Style s = st.of(Role.LOG_MARKER);
      int end = p.text(x, y, limit, bar + " " + l.text() + " ", s);
      while (end < limit) {
        end = p.text(end, y, limit, p.glyphs().horizontal(), s);
      }
      return end;
    }
    Style base = st.of(l.stream() == LogStream.STDERR ? Role.LOG_STDERR : Role.LOG_STDOUT);
    int at = r.start();
    int col = x;
    for (LogLine.Span span : l.spans()) {
      if (span.end() <= at || span.start() >= r.end()) {
        continue;
      }
      if (span.start() > at) {
        col = p.text(col, y, limit, l.text(), at, span.start(), base);
        at = span.start();
      }
      int to = Math.min(span.end(), r.end());
      col = p.text(col, y, limit, l.text(), at, to, st.child(span.style(), base));
      at = to;
    }
    if (at < r.end()) {
      col = p.text(col, y, limit, l.text(), at, r.end(), base);
    }
    if (r.last() && l.cutChars() > 0) {
      col =
          p.text(
              col,
              y,
              limit,
              " " + p.glyphs().ellipsis() + "+" + l.cutChars() + " chars cut",
              st.of(Role.LOG_TIMESTAMP));
    }
    return col;
  }
}
