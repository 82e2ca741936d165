package dev.tend.tui.theme;

/** How a piece of text looks: colours and the attributes every terminal has. */
public record Style(
    TermColour fg,
    TermColour bg,
    boolean bold,
    boolean italic,
    boolean underline,
    boolean reverse) {

  /** The terminal's default colours, no attributes. */
  public static final Style PLAIN =
      new Style(TermColour.DEFAULT, TermColour.DEFAULT, false, false, false, false);

  public Style withFg(TermColour c) {
    return new Style(c, bg, bold, italic, underline, reverse);
  }

  public Style withBg(TermColour c) {
    return new Style(fg, c, bold, italic, underline, reverse);
  }

  public Style withBold(boolean b) {
    return new Style(fg, bg, b, italic, underline, reverse);
  }

  public Style withUnderline(boolean u) {
    return new Style(fg, bg, bold, italic, u, reverse);
  }

  public Style withReverse(boolean r) {
    return new Style(fg, bg, bold, italic, underline, r);
  }

  /** This style with both colours mapped down to what the terminal shows. */
  public Style reducedTo(ColorDepth depth) {
    return new Style(
        ColourReducer.reduce(fg, depth),
        ColourReducer.reduce(bg, depth),
        bold,
        italic,
        underline,
        reverse);
  }
}
