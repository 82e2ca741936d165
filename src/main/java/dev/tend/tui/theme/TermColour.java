package dev.tend.tui.theme;

/**
 * A colour as a terminal can show it: the terminal's own default, one of the 16 ANSI colours, one
 * of xterm's 256, or 24-bit RGB. Child output uses all four; themes mostly RGB. {@link
 * ColourReducer} maps each down to what the terminal supports.
 */
public sealed interface TermColour {

  /** The terminal's default foreground or background. */
  TermColour DEFAULT = new Default();

  /** The terminal's default colour (SGR 39/49). */
  record Default() implements TermColour {}

  /**
   * ANSI colour 0..15: 0-7 normal (black red green yellow blue magenta cyan white), 8-15 bright.
   */
  record Ansi(int index) implements TermColour {
    public Ansi {
      if (index < 0 || index > 15) {
        throw new IllegalArgumentException("ANSI colour index must be 0..15, got " + index);
      }
    }
  }

  /** An xterm 256-colour palette index. */
  record Indexed(int index) implements TermColour {
    public Indexed {
      if (index < 0 || index > 255) {
        throw new IllegalArgumentException("xterm colour index must be 0..255, got " + index);
      }
    }
  }

  /** A 24-bit colour. */
  record Rgb(int red, int green, int blue) implements TermColour {
    public Rgb {
      if ((red | green | blue) < 0 || red > 255 || green > 255 || blue > 255) {
        throw new IllegalArgumentException(
            "RGB components must be 0..255, got " + red + "," + green + "," + blue);
      }
    }

    /** {@code #rrggbb}. */
    public static Rgb parse(String hex) {
      if (hex.length() != 7 || hex.charAt(0) != '#') {
        throw new IllegalArgumentException("not a #rrggbb colour: '" + hex + "'");
      }
      try {
        int v = Integer.parseInt(hex.substring(1), 16);
        return new Rgb(v >> 16 & 0xff, v >> 8 & 0xff, v & 0xff);
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("not a #rrggbb colour: '" + hex + "'", e);
      }
    }

    @Override
    public String toString() {
      return String.format(java.util.Locale.ROOT, "#%02x%02x%02x", red, green, blue);
    }
  }
}
