package dev.tend.tui.state;

import java.util.HashMap;
import java.util.Map;

/**
 * The colour of each process's name prefix in a merged pane: one of {@link #SLOTS}, picked from a
 * hash of the name, so a process has the same colour in every pane and every run; when two names of
 * one pane hash alike, the later one takes the next free slot. A slot once given never changes
 * while the pane lives. UI thread only.
 */
public final class SourcePalette {
  /** How many prefix colours a theme has ({@code log.source.1} to {@code log.source.8}). */
  public static final int SLOTS = 8;

  // UI thread only: the slot of each name seen, and which slots are taken
  private final Map<String, Integer> slots = new HashMap<>();
  private final boolean[] taken = new boolean[SLOTS];

  /** The slot of {@code name} (0 to {@link #SLOTS} - 1), giving it one the first time. */
  public int slotOf(String name) {
    Integer s = slots.get(name);
    if (s != null) {
      return s;
    }
    int preferred = preferred(name);
    int slot = preferred;
    for (int i = 0; i < SLOTS; i++) {
      int candidate = (preferred + i) % SLOTS;
      if (!taken[candidate]) {
        slot = candidate;
        break;
      }
    }
    taken[slot] = true;
    slots.put(name, slot);
    return slot;
  }

  /** The slot {@code name} was given, or the one it would prefer when it has none (gives none). */
  public int slotIfGiven(String name) {
    Integer s = slots.get(name);
    return s != null ? s : preferred(name);
  }

  /** The slot a name gets when nothing else in its pane claimed it first. */
  static int preferred(String name) {
    int h = 0;
    for (int i = 0; i < name.length(); i++) {
      h = h * 31 + name.charAt(i); // String.hashCode's rule, written out so it never changes
    }
    return Math.floorMod(h ^ (h >>> 16), SLOTS);
  }
}
