package dev.tend.tui.view;

import com.googlecode.lanterna.TerminalPosition;
import com.googlecode.lanterna.screen.Screen;
import dev.tend.tui.state.Rect;
import dev.tend.tui.text.DisplayWidth;
import dev.tend.tui.theme.Style;
import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Draws text into the screen's back buffer, clipped to a width, in a style. Anything that is not
 * printable becomes {@code ?}, so no server-supplied name can move the cursor; wide characters take
 * two cells and are never cut in half. UI thread only.
 */
final class Painter {
  private final Screen screen;
  private final Glyphs glyphs;
  // UI thread only; cleared when the theme changes, bounded (child colours are many)
  private final Map<Style, Pen> pens = new HashMap<>();
  // UI thread only: the last style asked for and its pen
  private @Nullable Style lastStyle;
  private @Nullable Pen lastPen;
  // UI thread only: the size of the frame being drawn
  private int width;
  private int height;

  Painter(Screen screen, Glyphs glyphs) {
    this.screen = screen;
    this.glyphs = glyphs;
  }

  /** Starts a frame of this size. */
  void begin(int w, int h) {
    width = w;
    height = h;
  }

  void forgetStyles() {
    pens.clear();
    lastStyle = null;
    lastPen = null;
  }

  int width() {
    return width;
  }

  int height() {
    return height;
  }

  Glyphs glyphs() {
    return glyphs;
  }

  private Pen pen(Style s) {
    if (s == lastStyle && lastPen != null) {
      return lastPen; // runs of one style are the common case
    }
    Pen p = pens.get(s);
    if (p == null) {
      if (pens.size() > 2048) {
        pens.clear();
      }
      p = new Pen(s);
      pens.put(s, p);
    }
    lastStyle = s;
    lastPen = p;
    return p;
  }

  /** Fills a rectangle with spaces. */
  void fill(Rect r, Style s) {
    Pen p = pen(s);
    int x1 = Math.min(width, r.x() + r.width());
    int y1 = Math.min(height, r.y() + r.height());
    for (int y = Math.max(0, r.y()); y < y1; y++) {
      for (int x = Math.max(0, r.x()); x < x1; x++) {
        screen.setCharacter(x, y, p.cell(' '));
      }
    }
  }

  /**
   * Draws {@code s} at (x, y), stopping before column {@code limit}; returns the column after the
   * last character drawn.
   */
  int text(int x, int y, int limit, String s, Style style) {
    return text(x, y, limit, s, 0, s.length(), style);
  }

  /** Draws characters [from, to) of {@code s}. */
  int text(int x, int y, int limit, String s, int from, int to, Style style) {
    if (y < 0 || y >= height) {
      return x;
    }
    int end = Math.min(limit, width);
    Pen p = pen(style);
    int col = x;
    for (int i = from; i < to && col < end; ) {
      int cp = s.codePointAt(i);
      int n = Character.charCount(cp);
      i += n;
      if (cp < 0x20 || (cp >= 0x7f && cp < 0xa0)) {
        cp = '?';
      }
      int w = DisplayWidth.of(cp);
      if (col + w > end) {
        screen.setCharacter(col, y, p.cell(' ')); // half a wide character: leave a space
        col++;
        break;
      }
      if (col >= 0) {
        screen.setCharacter(
            col, y, n == 1 && w == 1 ? p.cell((char) cp) : p.cell(Character.toString(cp)));
      }
      col += w;
    }
    return col;
  }

  /** Draws {@code s} cut to {@code columns} with an ellipsis when cut; returns the next column. */
  int clipped(int x, int y, int columns, String s, Style style) {
    return text(x, y, x + columns, DisplayWidth.truncate(s, columns, glyphs.ellipsis()), style);
  }

  /** Draws {@code s} right-aligned so it ends at column {@code right} (exclusive). */
  int right(int right, int y, String s, Style style) {
    int w = DisplayWidth.of(s);
    return text(right - w, y, right, s, style);
  }

  /** A box with a border and a title in the top edge; the inside is filled. */
  void box(Rect r, String title, Style border, Style titleStyle, Style inside) {
    fill(r, inside);
    String h = glyphs.horizontal();
    String v = glyphs.vertical();
    int x1 = r.x() + r.width() - 1;
    int y1 = r.y() + r.height() - 1;
    for (int x = r.x(); x <= x1; x++) {
      text(x, r.y(), x + 1, h, border);
      text(x, y1, x + 1, h, border);
    }
    for (int y = r.y(); y <= y1; y++) {
      text(r.x(), y, r.x() + 1, v, border);
      text(x1, y, x1 + 1, v, border);
    }
    String c = glyphs.corners();
    text(r.x(), r.y(), r.x() + 1, c.substring(0, 1), border);
    text(x1, r.y(), x1 + 1, c.substring(1, 2), border);
    text(r.x(), y1, r.x() + 1, c.substring(2, 3), border);
    text(x1, y1, x1 + 1, c.substring(3, 4), border);
    if (!title.isEmpty()) {
      clipped(r.x() + 2, r.y(), r.width() - 4, " " + title + " ", titleStyle);
    }
  }

  /** Where the text cursor shows, or null to hide it. */
  void cursor(@Nullable TerminalPosition p) {
    screen.setCursorPosition(p);
  }
}
