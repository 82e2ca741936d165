package dev.tend.tui.keymap;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads {@code ~/.config/tend/keys.conf}: one line per action, {@code action-name = key, key ...};
 * a line replaces all the default keys of that action. When a rebound key was another action's
 * default, that action loses it; two lines claiming one key: the later loses. A line starting with
 * {@code #} is a comment. Every problem is a warning naming the file and line; the console always
 * starts.
 */
public final class KeymapFile {

  /** The keymap to use and what was wrong on the way. */
  public record Result(Keymap keymap, List<String> warnings) {
    public Result {
      warnings = List.copyOf(warnings);
    }
  }

  private KeymapFile() {}

  /** Loads the file; a missing file is no error (the defaults, no warnings). */
  public static Result load(Path file) {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      return new Result(Keymap.defaults(), List.of());
    } catch (IOException | RuntimeException e) {
      return new Result(
          Keymap.defaults(),
          List.of(file + ": cannot read (" + e.getMessage() + "); default keys"));
    }
    return parse(text, file.toString());
  }

  /** Applies keys.conf text to the defaults; {@code origin} names the file in warnings. */
  public static Result parse(String text, String origin) {
    List<String> warnings = new ArrayList<>();
    Map<Action, List<KeyChord>> rebound = new LinkedHashMap<>();
    Map<Action, Integer> lineOf = new EnumMap<>(Action.class);
    String[] lines = text.split("\\R", -1);
    for (int i = 0; i < lines.length; i++) {
      String where = origin + " line " + (i + 1);
      String line = stripComment(lines[i]).strip();
      if (line.isEmpty()) {
        continue;
      }
      int eq = line.indexOf('=');
      if (eq < 0) {
        warnings.add(where + ": expected 'action = keys', got '" + line + "'");
        continue;
      }
      String name = line.substring(0, eq).strip();
      Optional<Action> action = Action.byId(name);
      if (action.isEmpty()) {
        warnings.add(where + ": unknown action '" + name + "'");
        continue;
      }
      List<KeyChord> keys = parseKeys(line.substring(eq + 1), where, warnings);
      if (keys.isEmpty()) {
        warnings.add(where + ": '" + name + "' has no valid key; keeping its default keys");
        continue;
      }
      for (KeyChord k : keys) {
        flowControlWarning(k, where, warnings);
      }
      rebound.put(action.get(), keys);
      lineOf.put(action.get(), i + 1);
    }
    return new Result(merge(rebound, lineOf, origin, warnings), warnings);
  }

  private static Keymap merge(
      Map<Action, List<KeyChord>> rebound,
      Map<Action, Integer> lineOf,
      String origin,
      List<String> warnings) {
    Map<Action, List<KeyChord>> keys = new EnumMap<>(Action.class);
    // user lines first, in file order: a key claimed twice in one context stays with the first
    Map<KeyContext, Map<KeyChord, Action>> claimed = new EnumMap<>(KeyContext.class);
    for (Map.Entry<Action, List<KeyChord>> e : rebound.entrySet()) {
      Action a = e.getKey();
      List<KeyChord> kept = new ArrayList<>();
      for (KeyChord k : e.getValue()) {
        Action owner =
            claimed.computeIfAbsent(a.context(), c -> new LinkedHashMap<>()).putIfAbsent(k, a);
        if (owner == null || owner == a) {
          kept.add(k);
        } else {
          warnings.add(
              origin
                  + " line "
                  + lineOf.get(a)
                  + ": key "
                  + k
                  + " is already bound to '"
                  + owner.id()
                  + "' (line "
                  + lineOf.get(owner)
                  + "); not bound to '"
                  + a.id()
                  + "'");
        }
      }
      keys.put(a, kept);
    }
    // then the defaults of the others, minus keys the user gave away
    for (Action a : Action.values()) {
      if (rebound.containsKey(a)) {
        continue;
      }
      Map<KeyChord, Action> taken = claimed.getOrDefault(a.context(), Map.of());
      List<KeyChord> kept = new ArrayList<>();
      for (KeyChord k : a.defaultKeys()) {
        if (!taken.containsKey(k)) {
          kept.add(k);
        }
      }
      if (kept.isEmpty()) {
        warnings.add(
            origin
                + ": '"
                + a.id()
                + "' lost all its keys to other actions; bind it to a key of its own");
      }
      keys.put(a, kept);
    }
    return Keymap.of(keys);
  }

  private static List<KeyChord> parseKeys(String text, String where, List<String> warnings) {
    List<KeyChord> keys = new ArrayList<>();
    for (String token : text.strip().split("\\s+")) {
      String t =
          token.length() > 1 && token.endsWith(",")
              ? token.substring(0, token.length() - 1)
              : token;
      if (t.isEmpty()) {
        continue;
      }
      try {
        KeyChord k = KeyChord.parse(t);
        if (!keys.contains(k)) {
          keys.add(k);
        }
      } catch (IllegalArgumentException e) {
        warnings.add(where + ": " + e.getMessage());
      }
    }
    return keys;
  }

  private static void flowControlWarning(KeyChord k, String where, List<String> warnings) {
    if (k.ctrl() && (k.key().equals("S") || k.key().equals("Q"))) {
      warnings.add(
          where + ": " + k + " is flow control in many terminals and may never reach tend");
    }
  }

  private static String stripComment(String line) {
    // only whole-line comments: '#' is a key people bind
    return line.strip().startsWith("#") ? "" : line;
  }
}
