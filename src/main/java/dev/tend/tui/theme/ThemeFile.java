package dev.tend.tui.theme;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Parses a theme file: a {@code [palette]} of named colours, then {@code [roles]} mapping each
 * {@link Role} key to palette names and attributes:
 *
 * <pre>
 * [palette]
 * green = #5faf5f          # or an ANSI name (bright-red), or idx:N (xterm 256)
 * [roles]
 * state.running = green bold
 * table.selected = default on blue
 * </pre>
 *
 * An unknown role, colour or attribute is a warning naming the file, line and key, and that entry
 * is skipped (the role then looks like its parent). A file that is not a theme at all (text outside
 * a section, an unknown section, no roles) is broken: no theme, a warning, and the caller falls
 * back.
 */
public final class ThemeFile {

  /** The theme, or null when the file is broken; and everything worth telling the user. */
  public record Result(@Nullable Theme theme, List<String> warnings) {
    public Result {
      warnings = List.copyOf(warnings);
    }
  }

  private static final List<String> ANSI_NAMES =
      List.of("black", "red", "green", "yellow", "blue", "magenta", "cyan", "white");

  /** A role's entry before inheritance: what it sets, null for what it leaves to the parent. */
  private record Partial(
      @Nullable TermColour fg, @Nullable TermColour bg, @Nullable List<String> attributes) {}

  private ThemeFile() {}

  /** Parses theme text; {@code origin} (a path) names the file in warnings. */
  public static Result parse(String name, String text, String origin) {
    List<String> warnings = new ArrayList<>();
    Map<String, TermColour> palette = new HashMap<>();
    Map<Role, Partial> roles = new EnumMap<>(Role.class);
    String section = "";
    String[] lines = text.split("\\R", -1);
    for (int i = 0; i < lines.length; i++) {
      String where = origin + " line " + (i + 1);
      String line = stripComment(lines[i]);
      if (line.isEmpty()) {
        continue;
      }
      if (line.startsWith("[") && line.endsWith("]")) {
        section = line.substring(1, line.length() - 1).strip();
        if (!section.equals("palette") && !section.equals("roles")) {
          return broken(warnings, where + ": unknown section [" + section + "]", origin);
        }
        continue;
      }
      int eq = line.indexOf('=');
      if (eq < 0 || section.isEmpty()) {
        return broken(warnings, where + ": expected 'key = value' in [palette] or [roles]", origin);
      }
      String key = line.substring(0, eq).strip();
      String value = line.substring(eq + 1).strip();
      if (section.equals("palette")) {
        Optional<TermColour> c = colourValue(value);
        if (c.isEmpty()) {
          warnings.add(where + ": " + key + ": not a colour: '" + value + "'");
        } else {
          palette.put(key, c.get());
        }
      } else {
        Optional<Role> role = Role.byKey(key);
        if (role.isEmpty()) {
          warnings.add(where + ": unknown role '" + key + "'");
        } else {
          roles.put(role.get(), roleValue(key, value, palette, where, warnings));
        }
      }
    }
    if (roles.isEmpty()) {
      return broken(warnings, origin + ": no [roles] in this theme", origin);
    }
    return new Result(new Theme(name, resolve(roles)), warnings);
  }

  private static Result broken(List<String> warnings, String why, String origin) {
    warnings.add(why + " (" + origin + " is not used)");
    return new Result(null, warnings);
  }

  private static Map<Role, Style> resolve(Map<Role, Partial> roles) {
    Map<Role, Style> styles = new EnumMap<>(Role.class);
    for (Role r : Role.values()) { // parents come before their children
      Role parentRole = r.parent();
      Style parent =
          parentRole == null
              ? Style.PLAIN
              : Objects.requireNonNull(styles.get(parentRole), "a parent comes first");
      Partial p = roles.get(r);
      if (p == null) {
        styles.put(r, parent);
        continue;
      }
      TermColour fg = p.fg() != null ? p.fg() : parent.fg();
      TermColour bg = p.bg() != null ? p.bg() : parent.bg();
      List<String> a = p.attributes();
      styles.put(
          r,
          a == null
              ? new Style(
                  fg, bg, parent.bold(), parent.italic(), parent.underline(), parent.reverse())
              : new Style(
                  fg,
                  bg,
                  a.contains("bold"),
                  a.contains("italic"),
                  a.contains("underline"),
                  a.contains("reverse")));
    }
    return styles;
  }

  private static Partial roleValue(
      String key, String value, Map<String, TermColour> palette, String where, List<String> w) {
    TermColour fg = null;
    TermColour bg = null;
    List<String> attributes = null;
    String[] tokens = value.split("\\s+");
    for (int t = 0; t < tokens.length; t++) {
      String token = tokens[t].toLowerCase(Locale.ROOT);
      switch (token) {
        case "" -> {}
        case "bold", "italic", "underline", "reverse" -> {
          attributes = attributes == null ? new ArrayList<>() : attributes;
          attributes.add(token);
        }
        case "plain" -> attributes = attributes == null ? new ArrayList<>() : attributes;
        case "on" -> {
          if (t + 1 == tokens.length) {
            w.add(where + ": " + key + ": 'on' needs a background colour");
          } else {
            bg = paletteColour(tokens[++t], key, palette, where, w);
          }
        }
        default -> {
          if (fg == null) {
            fg = paletteColour(tokens[t], key, palette, where, w);
          } else {
            w.add(where + ": " + key + ": unexpected '" + tokens[t] + "'");
          }
        }
      }
    }
    return new Partial(fg, bg, attributes);
  }

  private static @Nullable TermColour paletteColour(
      String name, String key, Map<String, TermColour> palette, String where, List<String> w) {
    if (name.equals("default")) {
      return TermColour.DEFAULT;
    }
    TermColour c = palette.get(name);
    if (c == null) {
      w.add(where + ": " + key + ": unknown colour '" + name + "' (not in [palette])");
    }
    return c;
  }

  /**
   * {@code #rrggbb}, an ANSI name ({@code red}, {@code bright-red}), {@code idx:N}, {@code
   * default}.
   */
  static Optional<TermColour> colourValue(String value) {
    String v = value.toLowerCase(Locale.ROOT);
    try {
      if (v.equals("default")) {
        return Optional.of(TermColour.DEFAULT);
      }
      if (v.startsWith("#")) {
        return Optional.of(TermColour.Rgb.parse(v));
      }
      if (v.startsWith("idx:")) {
        return Optional.of(new TermColour.Indexed(Integer.parseInt(v.substring(4))));
      }
      boolean bright = v.startsWith("bright-");
      int index = ANSI_NAMES.indexOf(bright ? v.substring(7) : v);
      return index < 0
          ? Optional.empty()
          : Optional.of(new TermColour.Ansi(index + (bright ? 8 : 0)));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  private static String stripComment(String line) {
    // a comment is a line starting with '#', or '#' then a space; '#5faf5f' is a colour
    if (line.strip().startsWith("#")) {
      return "";
    }
    for (int i = 0; i < line.length(); i++) {
      boolean startsWord = i == 0 || Character.isWhitespace(line.charAt(i - 1));
      boolean endsWord = i + 1 == line.length() || Character.isWhitespace(line.charAt(i + 1));
      if (line.charAt(i) == '#' && startsWord && endsWord) {
        return line.substring(0, i).strip();
      }
    }
    return line.strip();
  }
}
