package dev.tend.tui.state;

import org.jspecify.annotations.Nullable;

/** Finding the next line of a pane that matches a search. */
final class LogMatches {
  private LogMatches() {}

  /**
   * The first shown text line after {@code from} (newer) or before it (older) that matches, or -1.
   */
  static long find(ShownLines pane, LogQuery q, long from, boolean newer) {
    long start = pane.startPos();
    long end = pane.endPos();
    if (newer) {
      for (long p = Math.max(from + 1, start); p < end; p++) {
        if (hit(pane, q, pane.lineAt(p))) {
          return p;
        }
      }
    } else {
      for (long p = Math.min(from - 1, end - 1); p >= start; p--) {
        if (hit(pane, q, pane.lineAt(p))) {
          return p;
        }
      }
    }
    return -1;
  }

  private static boolean hit(ShownLines pane, LogQuery q, @Nullable LogLine l) {
    return l != null && l.kind() == LogLine.Kind.TEXT && pane.visible(l) && q.matches(l.text());
  }
}
