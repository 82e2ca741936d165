package dev.tend.tui.view;

import com.googlecode.lanterna.SGR;
import com.googlecode.lanterna.TextCharacter;
import com.googlecode.lanterna.TextColor;
import dev.tend.tui.theme.Style;
import dev.tend.tui.theme.TermColour;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;

/**
 * A theme style in lanterna's terms, with its characters made once: building a lanterna {@code
 * TextCharacter} runs a text segmenter, far too slow to do for every cell of every frame.
 */
final class Pen {
  private static final TextColor.ANSI[] ANSI = {
    TextColor.ANSI.BLACK,
    TextColor.ANSI.RED,
    TextColor.ANSI.GREEN,
    TextColor.ANSI.YELLOW,
    TextColor.ANSI.BLUE,
    TextColor.ANSI.MAGENTA,
    TextColor.ANSI.CYAN,
    TextColor.ANSI.WHITE,
    TextColor.ANSI.BLACK_BRIGHT,
    TextColor.ANSI.RED_BRIGHT,
    TextColor.ANSI.GREEN_BRIGHT,
    TextColor.ANSI.YELLOW_BRIGHT,
    TextColor.ANSI.BLUE_BRIGHT,
    TextColor.ANSI.MAGENTA_BRIGHT,
    TextColor.ANSI.CYAN_BRIGHT,
    TextColor.ANSI.WHITE_BRIGHT
  };

  private final TextColor fg;
  private final TextColor bg;
  private final EnumSet<SGR> sgr;
  // UI thread only: the printable ASCII characters, made on first use
  private final TextCharacter[] ascii = new TextCharacter[128];
  // UI thread only: other characters, bounded
  private final Map<String, TextCharacter> others = new HashMap<>();

  Pen(Style style) {
    this.fg = colour(style.fg());
    this.bg = colour(style.bg());
    this.sgr = EnumSet.noneOf(SGR.class);
    if (style.bold()) {
      sgr.add(SGR.BOLD);
    }
    if (style.italic()) {
      sgr.add(SGR.ITALIC);
    }
    if (style.underline()) {
      sgr.add(SGR.UNDERLINE);
    }
    if (style.reverse()) {
      sgr.add(SGR.REVERSE);
    }
  }

  static TextColor colour(TermColour c) {
    return switch (c) {
      case TermColour.Default d -> TextColor.ANSI.DEFAULT;
      case TermColour.Ansi a -> ANSI[a.index()];
      case TermColour.Indexed i -> new TextColor.Indexed(i.index());
      case TermColour.Rgb rgb -> new TextColor.RGB(rgb.red(), rgb.green(), rgb.blue());
    };
  }

  /** The cell for a printable character (never a control character). */
  TextCharacter cell(char c) {
    if (c < 128) {
      TextCharacter t = ascii[c];
      if (t == null) {
        t = make(String.valueOf(c));
        ascii[c] = t;
      }
      return t;
    }
    return cell(String.valueOf(c));
  }

  /** The cell for one code point given as a string (a surrogate pair for non-BMP). */
  TextCharacter cell(String codePoint) {
    TextCharacter t = others.get(codePoint);
    if (t == null) {
      if (others.size() > 512) {
        others.clear();
      }
      t = make(codePoint);
      others.put(codePoint, t);
    }
    return t;
  }

  private TextCharacter make(String s) {
    return s.length() == 1
        ? new Cell(s.charAt(0), fg, bg, sgr)
        : TextCharacter.fromString(s, fg, bg, sgr)[0];
  }
}
