package dev.tend.tui.keymap;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Which keys run which actions: immutable. Built from {@link Action}'s defaults, changed by a
 * keys.conf ({@link KeymapFile}), narrowed by {@code --read-only}. A key is resolved in the focused
 * context first, then in {@link KeyContext#GLOBAL}.
 */
public final class Keymap {
  private final Map<Action, List<KeyChord>> keysByAction;
  private final Map<KeyContext, Map<KeyChord, Action>> actionsByKey;

  private Keymap(Map<Action, List<KeyChord>> keysByAction) {
    EnumMap<Action, List<KeyChord>> keys = new EnumMap<>(Action.class);
    keysByAction.forEach((a, k) -> keys.put(a, List.copyOf(k)));
    this.keysByAction = Collections.unmodifiableMap(keys);
    EnumMap<KeyContext, Map<KeyChord, Action>> index = new EnumMap<>(KeyContext.class);
    for (KeyContext c : KeyContext.values()) {
      index.put(c, new HashMap<>());
    }
    keys.forEach(
        (a, ks) ->
            ks.forEach(
                k -> index.computeIfAbsent(a.context(), c -> new HashMap<>()).putIfAbsent(k, a)));
    this.actionsByKey = index;
  }

  /** Every action with its default keys. */
  public static Keymap defaults() {
    Map<Action, List<KeyChord>> keys = new EnumMap<>(Action.class);
    for (Action a : Action.values()) {
      keys.put(a, a.defaultKeys());
    }
    return new Keymap(keys);
  }

  /** A keymap with exactly these bindings (actions left out are not available). */
  static Keymap of(Map<Action, List<KeyChord>> keysByAction) {
    return new Keymap(keysByAction);
  }

  /** The action a key runs when {@code focus} is focused: that context's binding, else global. */
  public Optional<Action> resolve(KeyContext focus, KeyChord key) {
    Action a = actionsByKey.getOrDefault(focus, Map.of()).get(key);
    if (a == null) {
      a = actionsByKey.getOrDefault(KeyContext.GLOBAL, Map.of()).get(key);
    }
    return Optional.ofNullable(a);
  }

  /** The keys bound to an action, in preference order; empty when it is unavailable. */
  public List<KeyChord> keysOf(Action action) {
    return keysByAction.getOrDefault(action, List.of());
  }

  /** Whether the action can be run at all (read-only mode removes some). */
  public boolean has(Action action) {
    return keysByAction.containsKey(action);
  }

  /** The actions available, in declaration order. */
  public Set<Action> actions() {
    return keysByAction.keySet();
  }

  /** This keymap without any action that changes the programs ({@code --read-only}). */
  public Keymap readOnly() {
    Map<Action, List<KeyChord>> keys = new EnumMap<>(Action.class);
    keysByAction.forEach(
        (a, k) -> {
          if (!a.effect().changesPrograms()) {
            keys.put(a, k);
          }
        });
    return new Keymap(keys);
  }

  /**
   * What is wrong with this keymap: an available action without a key, a key bound twice in one
   * context. Empty for a good keymap; the defaults must be good (a test checks).
   */
  public List<String> problems() {
    List<String> problems = new ArrayList<>();
    Map<KeyContext, Map<KeyChord, Action>> seen = new EnumMap<>(KeyContext.class);
    for (Map.Entry<Action, List<KeyChord>> e : keysByAction.entrySet()) {
      Action a = e.getKey();
      if (e.getValue().isEmpty()) {
        problems.add("action '" + a.id() + "' has no key");
      }
      Map<KeyChord, Action> inContext =
          seen.computeIfAbsent(a.context(), c -> new LinkedHashMap<>());
      for (KeyChord k : e.getValue()) {
        Action other = inContext.putIfAbsent(k, a);
        if (other != null && other != a) {
          problems.add(
              "key "
                  + k
                  + " is bound to both '"
                  + other.id()
                  + "' and '"
                  + a.id()
                  + "' in the "
                  + a.context().title().toLowerCase(java.util.Locale.ROOT)
                  + " context");
        }
      }
    }
    return problems;
  }

  /** The key as shown to people: the first binding, or empty when unbound. */
  public String primaryKey(Action action) {
    List<KeyChord> keys = keysOf(action);
    return keys.isEmpty() ? "" : keys.get(0).toString();
  }
}
