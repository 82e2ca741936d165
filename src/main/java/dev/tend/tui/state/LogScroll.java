package dev.tend.tui.state;

import java.util.ArrayList;
import java.util.List;

/**
 * Where a log pane is looking: following the end (sticky bottom), or anchored on a line (a position
 * of the pane's lines) and a wrapped row within it. Anchoring on a line, not a row count, keeps the
 * view on the same lines while new ones arrive. Only the rows on screen are ever laid out. The
 * lines are handed to each operation; this holds only the place. UI thread only.
 */
final class LogScroll {
  // all below: UI thread only
  private boolean follow = true;
  // top of the view when not following: a position and a wrapped row within its line
  private long topPos;
  private int topSub;
  // size of the text area at the last frame, for scrolling by pages; 1 or more each
  private int width = 80;
  private int height = 10;

  boolean following() {
    return follow;
  }

  int height() {
    return height;
  }

  void setViewport(int textWidth, int rows) {
    width = Math.max(1, textWidth);
    height = Math.max(1, rows);
  }

  void setFollow(ShownLines lines, boolean on) {
    if (on) {
      follow = true;
    } else if (follow) {
      anchorAtCurrentTop(lines);
    }
  }

  /** The wrapping changed: the anchor's row within its line is no longer meaningful. */
  void resetSub() {
    topSub = 0;
  }

  /** Scrolls by rows (negative is up); up pauses follow, reaching the end resumes it. */
  void scroll(ShownLines lines, int rows) {
    if (rows < 0) {
      if (follow) {
        anchorAtCurrentTop(lines);
      }
      for (int i = 0; i < -rows && up(lines); i++) {
        // one row per step
      }
    } else if (!follow) {
      for (int i = 0; i < rows && down(lines); i++) {
        // one row per step
      }
      resumeAtEnd(lines);
    }
  }

  /** Follows again when the anchored view already reaches the last line. */
  void resumeAtEnd(ShownLines lines) {
    if (!follow && rowsFrom(lines, topPos, topSub, height + 1).size() <= height) {
      follow = true;
    }
  }

  void toTop(ShownLines lines) {
    follow = false;
    topPos = lines.startPos();
    topSub = 0;
  }

  void toBottom() {
    follow = true;
  }

  /**
   * Shows the line at {@code pos} with a third of the screen above it for context, pausing follow;
   * a line already on screen does not move.
   */
  void reveal(ShownLines lines, long pos) {
    for (LogRow r : rows(lines)) {
      if (lines.positionOf(r.line()) == pos) {
        if (follow) {
          anchorAtCurrentTop(lines); // it stays where it is while lines arrive
        }
        return;
      }
    }
    follow = false;
    topPos = pos;
    topSub = 0;
    for (int i = 0; i < height / 3 && up(lines); i++) {
      // context above
    }
    if (rowsFrom(lines, topPos, topSub, height).size() < height) {
      anchorAtCurrentTop(lines); // near the end: a full screen ending with the last line
    }
  }

  /** The rows on screen. */
  List<LogRow> rows(ShownLines lines) {
    return follow ? bottomRows(lines) : rowsFrom(lines, topPos, topSub, height);
  }

  private List<LogRow> bottomRows(ShownLines lines) {
    List<LogRow> reversed = new ArrayList<>();
    long start = lines.startPos();
    for (long pos = lines.endPos() - 1; pos >= start && reversed.size() < height; pos--) {
      LogLine l = lines.lineAt(pos);
      if (l != null && lines.visible(l)) {
        List<LogRow> lr = lines.split(l, width);
        for (int i = lr.size() - 1; i >= 0 && reversed.size() < height; i--) {
          reversed.add(lr.get(i));
        }
      }
    }
    List<LogRow> out = new ArrayList<>(reversed.size());
    for (int i = reversed.size() - 1; i >= 0; i--) {
      out.add(reversed.get(i));
    }
    return out;
  }

  private List<LogRow> rowsFrom(ShownLines lines, long pos, int sub, int limit) {
    List<LogRow> out = new ArrayList<>();
    int skip = sub;
    long end = lines.endPos();
    for (long p = Math.max(pos, lines.startPos()); p < end && out.size() < limit; p++) {
      LogLine l = lines.lineAt(p);
      if (l == null || !lines.visible(l)) {
        continue;
      }
      List<LogRow> lr = lines.split(l, width);
      for (int i = Math.min(skip, lr.size() - 1); i < lr.size() && out.size() < limit; i++) {
        out.add(lr.get(i));
      }
      skip = 0;
    }
    return out;
  }

  private void anchorAtCurrentTop(ShownLines lines) {
    List<LogRow> rows = bottomRows(lines);
    follow = false;
    if (rows.isEmpty()) {
      topPos = lines.startPos();
      topSub = 0;
      return;
    }
    LogRow first = rows.get(0);
    topPos = lines.positionOf(first.line());
    topSub = Math.max(0, lines.split(first.line(), width).indexOf(first));
  }

  private boolean up(ShownLines lines) {
    if (topSub > 0) {
      topSub--;
      return true;
    }
    for (long p = topPos - 1; p >= lines.startPos(); p--) {
      LogLine l = lines.lineAt(p);
      if (l != null && lines.visible(l)) {
        topPos = p;
        topSub = lines.split(l, width).size() - 1;
        return true;
      }
    }
    return false;
  }

  private boolean down(ShownLines lines) {
    LogLine here = lines.lineAt(topPos);
    if (here != null && lines.visible(here) && topSub < lines.split(here, width).size() - 1) {
      topSub++;
      return true;
    }
    long end = lines.endPos();
    for (long p = topPos + 1; p < end; p++) {
      LogLine l = lines.lineAt(p);
      if (l != null && lines.visible(l)) {
        topPos = p;
        topSub = 0;
        return true;
      }
    }
    return false;
  }

  /** The anchor's line fell out of the buffer: the view starts at the oldest line kept. */
  void clamp(ShownLines lines) {
    if (topPos < lines.startPos()) {
      topPos = lines.startPos();
      topSub = 0;
    }
  }
}
