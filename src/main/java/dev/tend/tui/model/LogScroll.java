package dev.tend.tui.model;

import java.util.ArrayList;
import java.util.List;

/**
 * Where a log pane is looking: following the end (sticky bottom), or anchored on a line (a
 * position, see {@link LogPane}) and a wrapped row within it. Anchoring on a line, not a row count,
 * keeps the view on the same lines while new ones arrive. Only the rows on screen are ever laid
 * out. UI thread only.
 */
final class LogScroll {
  private final LogPane pane;
  // all below: UI thread only
  private boolean follow = true;
  // top of the view when not following: a position and a wrapped row within its line
  private long topPos;
  private int topSub;
  // size of the text area at the last render, for scrolling by pages
  private int width = 80;
  private int height = 10;

  LogScroll(LogPane pane) {
    this.pane = pane;
  }

  boolean following() {
    return follow;
  }

  int width() {
    return width;
  }

  int height() {
    return height;
  }

  void setViewport(int textWidth, int rows) {
    width = Math.max(1, textWidth);
    height = Math.max(1, rows);
  }

  void setFollow(boolean on) {
    if (on) {
      follow = true;
    } else if (follow) {
      anchorAtCurrentTop();
    }
  }

  /** The wrapping changed: the anchor's row within its line is no longer meaningful. */
  void resetSub() {
    topSub = 0;
  }

  /** Scrolls by rows (negative is up); up pauses follow, reaching the end resumes it. */
  void scroll(int rows) {
    if (rows < 0) {
      if (follow) {
        anchorAtCurrentTop();
      }
      for (int i = 0; i < -rows && up(); i++) {
        // one row per step
      }
    } else if (!follow) {
      for (int i = 0; i < rows && down(); i++) {
        // one row per step
      }
      resumeAtEnd();
    }
  }

  /** Follows again when the anchored view already reaches the last line. */
  void resumeAtEnd() {
    if (!follow && rowsFrom(topPos, topSub, height + 1).size() <= height) {
      follow = true;
    }
  }

  void toTop() {
    follow = false;
    topPos = pane.startPos();
    topSub = 0;
  }

  void toBottom() {
    follow = true;
  }

  /**
   * Shows the line at {@code pos} with a third of the screen above it for context, pausing follow;
   * a line already on screen does not move.
   */
  void reveal(long pos) {
    for (LogPane.Row r : rows()) {
      if (pane.positionOf(r.line()) == pos) {
        if (follow) {
          anchorAtCurrentTop(); // it stays where it is while lines arrive
        }
        return;
      }
    }
    follow = false;
    topPos = pos;
    topSub = 0;
    for (int i = 0; i < height / 3 && up(); i++) {
      // context above
    }
    if (rowsFrom(topPos, topSub, height).size() < height) {
      anchorAtCurrentTop(); // near the end: a full screen ending with the last line
    }
  }

  /** The rows on screen. */
  List<LogPane.Row> rows() {
    return follow ? bottomRows() : rowsFrom(topPos, topSub, height);
  }

  private List<LogPane.Row> bottomRows() {
    List<LogPane.Row> reversed = new ArrayList<>();
    long start = pane.startPos();
    for (long pos = pane.endPos() - 1; pos >= start && reversed.size() < height; pos--) {
      LogLine l = pane.lineAt(pos);
      if (l != null && pane.visible(l)) {
        List<LogPane.Row> lr = pane.split(l, width);
        for (int i = lr.size() - 1; i >= 0 && reversed.size() < height; i--) {
          reversed.add(lr.get(i));
        }
      }
    }
    List<LogPane.Row> out = new ArrayList<>(reversed.size());
    for (int i = reversed.size() - 1; i >= 0; i--) {
      out.add(reversed.get(i));
    }
    return out;
  }

  private List<LogPane.Row> rowsFrom(long pos, int sub, int limit) {
    List<LogPane.Row> out = new ArrayList<>();
    int skip = sub;
    long end = pane.endPos();
    for (long p = Math.max(pos, pane.startPos()); p < end && out.size() < limit; p++) {
      LogLine l = pane.lineAt(p);
      if (l == null || !pane.visible(l)) {
        continue;
      }
      List<LogPane.Row> lr = pane.split(l, width);
      for (int i = Math.min(skip, lr.size() - 1); i < lr.size() && out.size() < limit; i++) {
        out.add(lr.get(i));
      }
      skip = 0;
    }
    return out;
  }

  private void anchorAtCurrentTop() {
    List<LogPane.Row> rows = bottomRows();
    follow = false;
    if (rows.isEmpty()) {
      topPos = pane.startPos();
      topSub = 0;
      return;
    }
    LogPane.Row first = rows.get(0);
    topPos = pane.positionOf(first.line());
    topSub = Math.max(0, pane.split(first.line(), width).indexOf(first));
  }

  private boolean up() {
    if (topSub > 0) {
      topSub--;
      return true;
    }
    for (long p = topPos - 1; p >= pane.startPos(); p--) {
      LogLine l = pane.lineAt(p);
      if (l != null && pane.visible(l)) {
        topPos = p;
        topSub = pane.split(l, width).size() - 1;
        return true;
      }
    }
    return false;
  }

  private boolean down() {
    LogLine here = pane.lineAt(topPos);
    if (here != null && pane.visible(here) && topSub < pane.split(here, width).size() - 1) {
      topSub++;
      return true;
    }
    long end = pane.endPos();
    for (long p = topPos + 1; p < end; p++) {
      LogLine l = pane.lineAt(p);
      if (l != null && pane.visible(l)) {
        topPos = p;
        topSub = 0;
        return true;
      }
    }
    return false;
  }

  /** The anchor's line fell out of the buffer: the view starts at the oldest line kept. */
  void clamp() {
    if (topPos < pane.startPos()) {
      topPos = pane.startPos();
      topSub = 0;
    }
  }
}
