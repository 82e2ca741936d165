package dev.tend.tui.view;

import dev.tend.api.ProcessState;
import dev.tend.tui.theme.ColorDepth;
import dev.tend.tui.theme.ColourReducer;
import dev.tend.tui.theme.Role;
import dev.tend.tui.theme.Style;
import dev.tend.tui.theme.TermColour;
import dev.tend.tui.theme.Theme;

/** Theme roles as the widgets need them: per state, selected rows, child colours over a line's. */
final class Styles {
  private final Theme theme;
  private final ColorDepth depth;

  Styles(Theme theme, ColorDepth depth) {
    this.theme = theme;
    this.depth = depth;
  }

  Style of(Role r) {
    return theme.style(r);
  }

  static Role stateRole(ProcessState s) {
    return switch (s) {
      case RUNNING -> Role.STATE_RUNNING;
      case STARTING -> Role.STATE_STARTING;
      case BACKOFF -> Role.STATE_BACKOFF;
      case STOPPING -> Role.STATE_STOPPING;
      case STOPPED -> Role.STATE_STOPPED;
      case EXITED -> Role.STATE_EXITED;
      case FATAL -> Role.STATE_FATAL;
      case UNKNOWN -> Role.STATE_UNKNOWN;
    };
  }

  /**
   * A cell of a highlighted row (selected, or a focused title): the highlight's background and
   * attributes, the cell's own foreground when it has one (state colours stay readable).
   */
  Style highlighted(Style cell, Style highlight) {
    TermColour fg =
        cell.fg() instanceof TermColour.Default || cell.equals(theme.style(Role.TABLE_ROW))
            ? highlight.fg()
            : cell.fg();
    TermColour bg = highlight.bg() instanceof TermColour.Default ? cell.bg() : highlight.bg();
    return new Style(
        fg,
        bg,
        cell.bold() || highlight.bold(),
        cell.italic() || highlight.italic(),
        cell.underline() || highlight.underline(),
        cell.reverse() || highlight.reverse());
  }

  /**
   * A child's styled span over its line's base style: the child's colours win, mapped down to the
   * terminal; default colours mean the line's own (so stderr stays tinted).
   */
  Style child(Style span, Style base) {
    TermColour fg =
        span.fg() instanceof TermColour.Default
            ? base.fg()
            : ColourReducer.reduce(span.fg(), depth);
    TermColour bg =
        span.bg() instanceof TermColour.Default
            ? base.bg()
            : ColourReducer.reduce(span.bg(), depth);
    return new Style(
        fg,
        bg,
        span.bold() || base.bold(),
        span.italic() || base.italic(),
        span.underline() || base.underline(),
        span.reverse() != base.reverse());
  }
}
