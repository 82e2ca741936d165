package dev.tend.tui.view;

import dev.tend.tui.state.LogPane;
import dev.tend.tui.state.LogQuery;
import dev.tend.tui.state.Rect;
import dev.tend.tui.text.DisplayWidth;
import dev.tend.tui.theme.Role;
import dev.tend.tui.theme.Style;

/**
 * A log pane's title row: its number (what 1-9 focus), what it shows and which streams, then on the
 * right its filter and search, following or paused, wrapping, and how many lines it keeps. What
 * does not fit goes, least important first.
 */
final class LogTitle {
  private LogTitle() {}

  static void draw(Painter p, Styles st, LogPane pane, Rect area, int number, boolean focused) {
    Style s = st.of(focused ? Role.PANE_TITLE_FOCUSED : Role.PANE_TITLE);
    p.fill(new Rect(area.x(), area.y(), area.width(), 1), s);
    String sep = p.glyphs().separator();
    StringBuilder left = new StringBuilder(" ");
    if (number > 0) {
      left.append(number).append(' ');
    }
    left.append(pane.source().label());
    int members = pane.members().size();
    int followed = pane.followed().size();
    if (pane.source().merged()) {
      left.append(
          followed < members
              ? " (following " + followed + " of " + members + ")"
              : " (" + members + ")");
    }
    left.append(sep).append(pane.streams().label());
    String[] right = rightParts(pane);
    int limit = area.x() + area.width();
    int x = p.text(area.x(), area.y(), limit, left.toString(), s);
    // drop the least important parts (from the end) until the rest fits
    for (int n = right.length; n > 0; n--) {
      String text = String.join(sep, java.util.Arrays.copyOf(right, n)) + " ";
      if (x + 2 + DisplayWidth.of(text) <= limit) {
        p.right(limit, area.y(), text, s);
        return;
      }
    }
  }

  /** The right side's parts, most important first. */
  private static String[] rightParts(LogPane pane) {
    java.util.List<String> parts = new java.util.ArrayList<>();
    parts.add(pane.following() ? "following" : "PAUSED (G follows)");
    LogQuery f = pane.filter();
    if (f != null) {
      parts.add(0, "only " + f.describe());
    }
    LogQuery q = pane.search();
    if (q != null) {
      parts.add("/" + q.text() + (q.regex() ? "/re" : ""));
    }
    if (!pane.wraps()) {
      parts.add("no wrap" + (pane.hscroll() > 0 ? " +" + pane.hscroll() : ""));
    }
    int n = pane.buffer().size();
    parts.add(n + (n == 1 ? " line" : " lines"));
    return parts.toArray(String[]::new);
  }
}
