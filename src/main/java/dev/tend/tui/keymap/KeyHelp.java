package dev.tend.tui.keymap;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The help screen and the footer, generated from a {@link Keymap}: what you read is what the keys
 * do, including user rebinding and read-only mode.
 */
public final class KeyHelp {

  /** One line of help: the keys, what the action does, and whether it is confirmed first. */
  public record Entry(Action action, String keys, String description, boolean dangerous) {}

  /** A help section: a context's title and its entries, in declaration order. */
  public record Section(String title, List<Entry> entries) {
    public Section {
      entries = List.copyOf(entries);
    }
  }

  /** One footer item: the key to press and a one-word label. */
  public record Hint(String key, String label) {}

  private KeyHelp() {}

  /** Every available action, grouped by context, in declaration order. */
  public static List<Section> sections(Keymap keymap) {
    List<Section> sections = new ArrayList<>();
    for (KeyContext c : KeyContext.values()) {
      List<Entry> entries = new ArrayList<>();
      for (Action a : keymap.actions()) {
        if (a.context() == c) {
          entries.add(new Entry(a, keysText(keymap, a), a.description(), a.dangerous()));
        }
      }
      if (!entries.isEmpty()) {
        sections.add(new Section(c.title(), entries));
      }
    }
    return sections;
  }

  /**
   * The footer for a focused context: help first (so it is there on the narrowest screen), then
   * that context's footer actions, then the other global ones, each with its first key that works
   * there (a key the context shadows is skipped).
   */
  public static List<Hint> footer(Keymap keymap, KeyContext focus) {
    List<Action> order = new ArrayList<>();
    order.add(Action.HELP);
    for (KeyContext c : List.of(focus, KeyContext.GLOBAL)) {
      for (Action a : keymap.actions()) {
        if (a.context() == c && a.footerLabel() != null && !order.contains(a)) {
          order.add(a);
        }
      }
    }
    List<Hint> hints = new ArrayList<>();
    for (Action a : order) {
      String label = a.footerLabel();
      KeyChord key = keymap.has(a) ? firstReachableKey(keymap, a, focus) : null;
      if (key != null && label != null) {
        hints.add(new Hint(key.toString(), label));
      }
    }
    return hints;
  }

  /** The footer of a view that takes only its own context's keys (the servers view). */
  public static List<Hint> viewFooter(Keymap keymap, KeyContext view) {
    List<Hint> hints = new ArrayList<>();
    for (Action a : keymap.actions()) {
      String label = a.footerLabel();
      List<KeyChord> keys = keymap.keysOf(a);
      if (a.context() == view && label != null && !keys.isEmpty()) {
        hints.add(new Hint(keys.get(0).toString(), label));
      }
    }
    return hints;
  }

  private static @org.jspecify.annotations.Nullable KeyChord firstReachableKey(
      Keymap keymap, Action a, KeyContext focus) {
    for (KeyChord k : keymap.keysOf(a)) {
      if (keymap.resolve(focus, k).orElse(null) == a) {
        return k;
      }
    }
    return null;
  }

  /** All keys of an action for the help screen, e.g. {@code j Down}; digits 1..9 as {@code 1-9}. */
  static String keysText(Keymap keymap, Action a) {
    List<KeyChord> keys = keymap.keysOf(a);
    if (a == Action.FOCUS_PANE && keys.equals(a.defaultKeys())) {
      return "1-9";
    }
    return keys.stream().map(KeyChord::toString).collect(Collectors.joining(" "));
  }
}
