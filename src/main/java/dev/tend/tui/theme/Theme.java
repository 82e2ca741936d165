package dev.tend.tui.theme;

import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/** A complete theme: a style for every {@link Role}. Immutable. */
public final class Theme {
  private final String name;
  private final Map<Role, Style> styles;

  Theme(String name, Map<Role, Style> styles) {
    this.name = name;
    EnumMap<Role, Style> all = new EnumMap<>(Role.class);
    for (Role r : Role.values()) {
      Style s = styles.get(r);
      if (s == null) {
        Role parent = r.parent();
        s = parent == null ? Style.PLAIN : all.get(parent);
      }
      all.put(r, s);
    }
    this.styles = all;
  }

  /**
   * The last resort when even the bundled default theme cannot be read: terminal colours, selection
   * in reverse video. Never fails.
   */
  public static Theme fallback() {
    Map<Role, Style> s = new EnumMap<>(Role.class);
    s.put(Role.TABLE_HEADER, Style.PLAIN.withBold(true));
    s.put(Role.TABLE_SELECTED, Style.PLAIN.withReverse(true));
    s.put(Role.STATE_FATAL, Style.PLAIN.withBold(true));
    s.put(Role.PANE_TITLE_FOCUSED, Style.PLAIN.withReverse(true));
    s.put(Role.FOOTER_KEY, Style.PLAIN.withBold(true));
    s.put(Role.MESSAGE_ERROR, Style.PLAIN.withBold(true));
    s.put(Role.COMPLETION_SELECTED, Style.PLAIN.withReverse(true));
    s.put(Role.LOG_MATCH, Style.PLAIN.withReverse(true));
    return new Theme("fallback", s);
  }

  public String name() {
    return name;
  }

  public Style style(Role role) {
    return Objects.requireNonNull(styles.get(role), "a theme styles every role");
  }

  /** This theme with every colour mapped down to what the terminal shows. */
  public Theme reducedTo(ColorDepth depth) {
    Map<Role, Style> reduced = new EnumMap<>(Role.class);
    styles.forEach((r, s) -> reduced.put(r, s.reducedTo(depth)));
    return new Theme(name, reduced);
  }
}
