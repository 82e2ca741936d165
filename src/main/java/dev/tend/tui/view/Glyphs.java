package dev.tend.tui.view;

/**
 * The few non-letter characters the console draws, with ASCII stand-ins for non-UTF-8 terminals.
 */
public record Glyphs(
    String horizontal,
    String vertical,
    String ellipsis,
    String ascending,
    String descending,
    String tag,
    String separator,
    String corners) {

  public static final Glyphs UNICODE = new Glyphs("─", "│", "…", "▲", "▼", "●", " · ", "╭╮╰╯");
  public static final Glyphs ASCII = new Glyphs("-", "|", "~", "^", "v", "*", " | ", "++++");

  public static Glyphs of(boolean unicode) {
    return unicode ? UNICODE : ASCII;
  }
}
