package dev.tend.tui.theme;

import java.util.Locale;
import java.util.Map;

/** How many colours the terminal shows, from the environment. */
public enum ColorDepth {
  /** No colour at all ({@code NO_COLOR}, vt100, dumb): bold, underline and reverse only. */
  NONE,
  ANSI16,
  ANSI256,
  TRUECOLOR;

  /**
   * Decides from {@code NO_COLOR} (any non-empty value: no colour, see no-color.org), {@code
   * COLORTERM} ({@code truecolor}/{@code 24bit}) and {@code TERM}.
   */
  public static ColorDepth detect(Map<String, String> env) {
    String noColor = env.get("NO_COLOR");
    if (noColor != null && !noColor.isEmpty()) {
      return NONE;
    }
    String term = env.getOrDefault("TERM", "").toLowerCase(Locale.ROOT);
    if (term.isEmpty() || term.equals("dumb") || term.startsWith("vt1") || term.startsWith("vt2")) {
      return NONE;
    }
    String colorterm = env.getOrDefault("COLORTERM", "").toLowerCase(Locale.ROOT);
    if (colorterm.equals("truecolor") || colorterm.equals("24bit") || term.contains("direct")) {
      return TRUECOLOR;
    }
    if (term.contains("256color")) {
      return ANSI256;
    }
    return ANSI16;
  }
}
