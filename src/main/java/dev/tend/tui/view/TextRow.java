package dev.tend.tui.view;

import dev.tend.api.LogStream;
import dev.tend.tui.state.LogLine;
import dev.tend.tui.state.LogQuery;
import dev.tend.tui.state.LogRow;
import dev.tend.tui.theme.Role;
import dev.tend.tui.theme.Style;
import java.util.List;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * One row of a text line: its characters in the line's colour (stderr tinted), the child's colours
 * over it, search matches over those, and copy mode's selection under everything; then, on a line's
 * last row, how much was cut from it.
 */
final class TextRow {
  private TextRow() {}

  /**
   * What is marked on a row.
   *
   * @param search the pane's search, or null
   * @param current whether the row's line is the one n/N landed on
   * @param selected whether copy mode selects the row's line
   * @param cursor whether copy mode's cursor is on the row's line (drawn underlined)
   */
  record Marks(@Nullable LogQuery search, boolean current, boolean selected, boolean cursor) {}

  /** Draws the row from column x; returns the column after it. */
  static int draw(Painter p, Styles st, LogRow r, Marks marks, int x, int y, int limit) {
    LogLine l = r.line();
    Style base = st.of(l.stream() == LogStream.STDERR ? Role.LOG_STDERR : Role.LOG_STDOUT);
    List<LogQuery.Match> matches =
        marks.search() == null ? List.of() : marks.search().find(l.text());
    TreeSet<Integer> cuts = new TreeSet<>();
    cuts.add(r.start());
    cuts.add(r.end());
    for (LogLine.Span s : l.spans()) {
      cuts.add(s.start());
      cuts.add(s.end());
    }
    for (LogQuery.Match m : matches) {
      cuts.add(m.start());
      cuts.add(m.end());
    }
    Style match = st.of(marks.current() ? Role.LOG_MATCH_CURRENT : Role.LOG_MATCH);
    Style selection = st.of(Role.LOG_SELECTION);
    int col = x;
    Integer from = r.start();
    for (Integer to = cuts.higher(from); to != null && to <= r.end() && col < limit; ) {
      Style s = style(st, l, matches, from, base, match);
      if (marks.selected()) {
        s = st.highlighted(s, selection);
      }
      if (marks.cursor()) {
        s = s.withUnderline(true).withBold(true);
      }
      col = p.text(col, y, limit, l.text(), from, to, s);
      from = to;
      to = cuts.higher(from);
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

  /** The style of the characters from {@code at} to the next cut. */
  private static Style style(
      Styles st, LogLine l, List<LogQuery.Match> matches, int at, Style base, Style match) {
    for (LogQuery.Match m : matches) {
      if (m.start() <= at && at < m.end()) {
        return match;
      }
    }
    for (LogLine.Span s : l.spans()) {
      if (s.start() <= at && at < s.end()) {
        return st.child(s.style(), base);
      }
    }
    return base;
  }
}
