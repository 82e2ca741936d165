package dev.tend.tui.feed;

import dev.tend.tui.theme.Style;
import dev.tend.tui.theme.TermColour;
import org.jspecify.annotations.Nullable;

/**
 * Applies an SGR escape's parameters ({@code ESC [ params m}) to a style: reset, bold, italic,
 * underline, reverse and their offs, the 8+8 ANSI colours, 256-colour and RGB colours in both the
 * {@code ;} and {@code :} forms. Unknown codes are ignored; bad values never throw.
 */
final class Sgr {
  private Sgr() {}

  static Style apply(Style start, String params) {
    int[] p = numbers(params.isEmpty() ? "0" : params);
    Style s = start;
    for (int i = 0; i < p.length; i++) {
      int code = p[i];
      switch (code) {
        case 0 -> s = Style.PLAIN;
        case 1 -> s = s.withBold(true);
        case 3 -> s = new Style(s.fg(), s.bg(), s.bold(), true, s.underline(), s.reverse());
        case 4 -> s = s.withUnderline(true);
        case 7 -> s = s.withReverse(true);
        case 22 -> s = s.withBold(false);
        case 23 -> s = new Style(s.fg(), s.bg(), s.bold(), false, s.underline(), s.reverse());
        case 24 -> s = s.withUnderline(false);
        case 27 -> s = s.withReverse(false);
        case 39 -> s = s.withFg(TermColour.DEFAULT);
        case 49 -> s = s.withBg(TermColour.DEFAULT);
        case 38, 48 -> {
          int[] used = {0};
          @Nullable TermColour c = extended(p, i + 1, used);
          i += used[0];
          if (c != null) {
            s = code == 38 ? s.withFg(c) : s.withBg(c);
          }
        }
        default -> s = basic(s, code);
      }
    }
    return s;
  }

  private static Style basic(Style s, int code) {
    if (code >= 30 && code <= 37) {
      return s.withFg(new TermColour.Ansi(code - 30));
    }
    if (code >= 40 && code <= 47) {
      return s.withBg(new TermColour.Ansi(code - 40));
    }
    if (code >= 90 && code <= 97) {
      return s.withFg(new TermColour.Ansi(code - 90 + 8));
    }
    if (code >= 100 && code <= 107) {
      return s.withBg(new TermColour.Ansi(code - 100 + 8));
    }
    return s;
  }

  /** {@code 5;n} or {@code 2;r;g;b} after a 38/48; {@code used[0]} gets how many it took. */
  private static @Nullable TermColour extended(int[] p, int at, int[] used) {
    if (at >= p.length) {
      return null;
    }
    if (p[at] == 5 && at + 1 < p.length) {
      used[0] = 2;
      return p[at + 1] >= 0 && p[at + 1] <= 255 ? new TermColour.Indexed(p[at + 1]) : null;
    }
    if (p[at] == 2 && at + 3 < p.length) {
      used[0] = 4;
      int r = p[at + 1];
      int g = p[at + 2];
      int b = p[at + 3];
      boolean ok = (r | g | b) >= 0 && r <= 255 && g <= 255 && b <= 255;
      return ok ? new TermColour.Rgb(r, g, b) : null;
    }
    used[0] = 1;
    return null;
  }

  /**
   * The parameters as numbers; an empty one is 0. The ITU form {@code 38:2::r:g:b} (with an empty
   * colour-space id) is read like {@code 38;2;r;g;b}.
   */
  private static int[] numbers(String params) {
    String normal = params.replace("38:2::", "38:2:").replace("48:2::", "48:2:").replace(':', ';');
    String[] parts = normal.split(";", -1);
    int[] n = new int[parts.length];
    for (int i = 0; i < parts.length; i++) {
      n[i] = parseOrMinus(parts[i]);
    }
    return n;
  }

  private static int parseOrMinus(String s) {
    if (s.isEmpty()) {
      return 0;
    }
    if (s.length() > 6) {
      return -1;
    }
    try {
      return Integer.parseInt(s);
    } catch (NumberFormatException e) {
      return -1;
    }
  }
}
