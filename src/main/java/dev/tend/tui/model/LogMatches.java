package dev.tend.tui.model;

import org.jspecify.annotations.Nullable;

/** Finding lines in a pane: the next match of a search, and counting matches for the prompt. */
final class LogMatches {
  private LogMatches() {}

  /**
   * The first shown text line after {@code from} (newer) or before it (older) that matches, or -1.
   */
  static long find(LogPane pane, LogQuery q, long from, boolean newer) {
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

  /** How many shown text lines match (what the prompt says while the pattern is typed). */
  static int count(LogPane pane, LogQuery q) {
    int n = 0;
    for (long p = pane.startPos(); p < pane.endPos(); p++) {
      if (hit(pane, q, pane.lineAt(p))) {
        n++;
      }
    }
    return n;
  }

  private static boolean hit(LogPane pane, LogQuery q, @Nullable LogLine l) {
    return l != null && l.kind() == LogLine.Kind.TEXT && pane.visible(l) && q.matches(l.text());
  }
}
