package dev.tend.tui.theme;

/**
 * Maps colours down to what a terminal shows: RGB to the nearest xterm-256 entry (colour cube or
 * grey ramp) or the nearest of the 16 ANSI colours; anything to the default with no colour.
 * Distance is the "redmean" weighted RGB distance, close enough to perception for picking among few
 * colours.
 */
public final class ColourReducer {
  /** xterm's default RGB for ANSI 0..15, the reference for nearest-colour picks. */
  private static final int[] ANSI_RGB = {
    0x000000, 0xcd0000, 0x00cd00, 0xcdcd00, 0x0000ee, 0xcd00cd, 0x00cdcd, 0xe5e5e5,
    0x7f7f7f, 0xff0000, 0x00ff00, 0xffff00, 0x5c5cff, 0xff00ff, 0x00ffff, 0xffffff
  };

  private static final int[] CUBE = {0, 95, 135, 175, 215, 255};

  private ColourReducer() {}

  public static TermColour reduce(TermColour c, ColorDepth depth) {
    return switch (depth) {
      case NONE -> TermColour.DEFAULT;
      case TRUECOLOR -> c;
      case ANSI256 -> c instanceof TermColour.Rgb rgb ? new TermColour.Indexed(nearest256(rgb)) : c;
      case ANSI16 ->
          switch (c) {
            case TermColour.Default d -> d;
            case TermColour.Ansi a -> a;
            case TermColour.Indexed i when i.index() < 16 -> new TermColour.Ansi(i.index());
            case TermColour.Indexed i -> new TermColour.Ansi(nearestAnsi(rgbOf(i.index())));
            case TermColour.Rgb rgb -> new TermColour.Ansi(nearestAnsi(rgb));
          };
    };
  }

  /** The RGB an xterm shows for a 256-palette index (0..15 as xterm's defaults). */
  public static TermColour.Rgb rgbOf(int index) {
    if (index < 16) {
      int v = ANSI_RGB[index];
      return new TermColour.Rgb(v >> 16 & 0xff, v >> 8 & 0xff, v & 0xff);
    }
    if (index < 232) {
      int i = index - 16;
      return new TermColour.Rgb(CUBE[i / 36], CUBE[i / 6 % 6], CUBE[i % 6]);
    }
    int grey = 8 + 10 * (index - 232);
    return new TermColour.Rgb(grey, grey, grey);
  }

  static int nearest256(TermColour.Rgb c) {
    int cube =
        16 + 36 * nearestLevel(c.red()) + 6 * nearestLevel(c.green()) + nearestLevel(c.blue());
    int avg = (c.red() + c.green() + c.blue()) / 3;
    int greyIndex = avg < 8 ? 232 : avg > 238 ? 255 : 232 + Math.round((avg - 8) / 10f);
    greyIndex = Math.min(255, Math.max(232, greyIndex));
    return distance(c, rgbOf(greyIndex)) < distance(c, rgbOf(cube)) ? greyIndex : cube;
  }

  /**
   * Picks by hue rather than by distance: with only 16 colours a pink must stay red and an orange
   * yellow, where the nearest colour by distance is often a grey. Very dark colours are black,
   * unsaturated ones the grey of their lightness, saturated ones their hue, bright when strong.
   */
  static int nearestAnsi(TermColour.Rgb c) {
    int max = Math.max(c.red(), Math.max(c.green(), c.blue()));
    int min = Math.min(c.red(), Math.min(c.green(), c.blue()));
    double lightness = (max + min) / 510.0;
    double chroma = (max - min) / 255.0;
    if (lightness < 0.2) {
      return 0;
    }
    if (chroma < 0.15) {
      return lightness < 0.55 ? 8 : lightness < 0.85 ? 7 : 15;
    }
    double hue = hue(c, max, min);
    // sectors of 60 degrees centred on red(0) yellow(60) green(120) cyan(180) blue(240)
    // magenta(300)
    int sector = (int) Math.floor(((hue + 30) % 360) / 60);
    int[] ansiOfSector = {1, 3, 2, 6, 4, 5};
    return ansiOfSector[sector] + (max >= 0xe0 ? 8 : 0);
  }

  private static double hue(TermColour.Rgb c, int max, int min) {
    double d = max - min;
    double h;
    if (max == c.red()) {
      h = ((c.green() - c.blue()) / d) % 6;
    } else if (max == c.green()) {
      h = (c.blue() - c.red()) / d + 2;
    } else {
      h = (c.red() - c.green()) / d + 4;
    }
    return (h * 60 + 360) % 360;
  }

  private static int nearestLevel(int v) {
    int best = 0;
    for (int i = 1; i < CUBE.length; i++) {
      if (Math.abs(CUBE[i] - v) < Math.abs(CUBE[best] - v)) {
        best = i;
      }
    }
    return best;
  }

  private static double distance(TermColour.Rgb a, TermColour.Rgb b) {
    double rmean = (a.red() + b.red()) / 2.0;
    int dr = a.red() - b.red();
    int dg = a.green() - b.green();
    int db = a.blue() - b.blue();
    return (2 + rmean / 256) * dr * dr + 4 * dg * dg + (2 + (255 - rmean) / 256) * db * db;
  }
}
