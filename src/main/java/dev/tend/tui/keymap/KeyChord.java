package dev.tend.tui.keymap;

import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * One key press as the console understands it, independent of any terminal library: a printable
 * character ({@code j}, {@code K}, {@code ?}) or a named key ({@code Enter}, {@code PgUp}, {@code
 * F1}), optionally with Ctrl or Alt. Shift with a letter is the upper-case letter; Shift-Tab is its
 * own named key, as terminals report it.
 *
 * @param key a single character (never a space: that is the named key {@code Space}), or one of
 *     {@link #NAMED_KEYS}
 */
public record KeyChord(String key, boolean ctrl, boolean alt) {

  /** The named keys, in their canonical spelling. */
  public static final Set<String> NAMED_KEYS =
      Set.of(
          "Space",
          "Enter",
          "Esc",
          "Tab",
          "Shift-Tab",
          "Backspace",
          "Delete",
          "Insert",
          "Up",
          "Down",
          "Left",
          "Right",
          "Home",
          "End",
          "PgUp",
          "PgDn",
          "F1",
          "F2",
          "F3",
          "F4",
          "F5",
          "F6",
          "F7",
          "F8",
          "F9",
          "F10",
          "F11",
          "F12");

  private static final Map<String, String> ALIASES =
      Map.ofEntries(
          Map.entry("escape", "Esc"),
          Map.entry("return", "Enter"),
          Map.entry("backtab", "Shift-Tab"),
          Map.entry("s-tab", "Shift-Tab"),
          Map.entry("shift+tab", "Shift-Tab"),
          Map.entry("pageup", "PgUp"),
          Map.entry("pagedown", "PgDn"),
          Map.entry("page-up", "PgUp"),
          Map.entry("page-down", "PgDn"),
          Map.entry("del", "Delete"),
          Map.entry("ins", "Insert"),
          Map.entry("bs", "Backspace"));

  public KeyChord {
    if (key.isEmpty()) {
      throw new IllegalArgumentException("a key chord needs a key");
    }
    if (key.codePointCount(0, key.length()) != 1 && !NAMED_KEYS.contains(key)) {
      throw new IllegalArgumentException("not a key: '" + key + "'");
    }
    if (key.equals(" ")) {
      key = "Space";
    }
    if (ctrl && key.length() == 1 && Character.isLetter(key.charAt(0))) {
      key = key.toUpperCase(Locale.ROOT);
    }
  }

  /** A plain printable character. */
  public static KeyChord of(char c) {
    return new KeyChord(String.valueOf(c), false, false);
  }

  /** A named key without modifiers, e.g. {@code named("PgUp")}. */
  public static KeyChord named(String name) {
    if (!NAMED_KEYS.contains(name)) {
      throw new IllegalArgumentException("not a named key: '" + name + "'");
    }
    return new KeyChord(name, false, false);
  }

  /** Ctrl with a letter, e.g. {@code ctrl('l')}; letters are case-insensitive under Ctrl. */
  public static KeyChord ctrl(char c) {
    return new KeyChord(String.valueOf(c), true, false);
  }

  public boolean isCharacter() {
    return !NAMED_KEYS.contains(key);
  }

  /** The character of an unmodified printable key, or 0 for anything else. */
  public char character() {
    return isCharacter() && !ctrl && !alt ? key.charAt(0) : 0;
  }

  public boolean isFunctionKey() {
    return key.length() >= 2 && key.charAt(0) == 'F' && Character.isDigit(key.charAt(1));
  }

  /**
   * Parses a key as written in keys.conf: {@code j}, {@code K}, {@code Space}, {@code PgUp}, {@code
   * Ctrl-L} (also {@code Ctrl+L}, {@code C-l}, {@code ^L}), {@code Alt-x} (also {@code M-x}).
   *
   * @throws IllegalArgumentException naming the text when it is not a key
   */
  public static KeyChord parse(String text) {
    String t = text.strip();
    if (t.isEmpty()) {
      throw new IllegalArgumentException("empty key");
    }
    if (t.length() == 1) {
      return new KeyChord(t, false, false);
    }
    String lower = t.toLowerCase(Locale.ROOT);
    if (t.length() == 2 && t.charAt(0) == '^') {
      return modified(t.substring(1), true, false, text);
    }
    for (String prefix : new String[] {"ctrl-", "ctrl+", "c-"}) {
      if (lower.startsWith(prefix) && t.length() > prefix.length()) {
        return modified(t.substring(prefix.length()), true, false, text);
      }
    }
    for (String prefix : new String[] {"alt-", "alt+", "m-", "meta-"}) {
      if (lower.startsWith(prefix) && t.length() > prefix.length()) {
        return modified(t.substring(prefix.length()), false, true, text);
      }
    }
    return new KeyChord(canonicalName(t, text), false, false);
  }

  private static KeyChord modified(String rest, boolean ctrl, boolean alt, String original) {
    String key = rest.length() == 1 ? rest : canonicalName(rest, original);
    return new KeyChord(key, ctrl, alt);
  }

  private static String canonicalName(String name, String original) {
    String lower = name.toLowerCase(Locale.ROOT);
    String alias = ALIASES.get(lower);
    if (alias != null) {
      return alias;
    }
    for (String named : NAMED_KEYS) {
      if (named.toLowerCase(Locale.ROOT).equals(lower)) {
        return named;
      }
    }
    throw new IllegalArgumentException("not a key: '" + original + "'");
  }

  /** The canonical spelling, which {@link #parse} reads back. */
  @Override
  public String toString() {
    return (ctrl ? "Ctrl-" : "") + (alt ? "Alt-" : "") + key;
  }
}
