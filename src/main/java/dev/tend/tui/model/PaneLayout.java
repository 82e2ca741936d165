package dev.tend.tui.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How the body of the screen is divided among panes: a tree of splits whose leaves are pane ids
 * (the process table is a pane too). Immutable; every operation returns a new layout. Splitting a
 * leaf in the direction of its parent adds a sibling (three side by side, not nested halves);
 * closing a leaf gives its room to its siblings and collapses a split left with one child.
 */
public sealed interface PaneLayout {

  /** Side by side ({@code |}) or one above the other ({@code -}). */
  enum Direction {
    SIDE_BY_SIDE,
    STACKED
  }

  /** A pane. */
  record Leaf(int pane) implements PaneLayout {}

  /** Children sharing the space by weight, in order (left to right or top to bottom). */
  record Split(Direction direction, List<PaneLayout> children, List<Integer> weights)
      implements PaneLayout {
    public Split {
      children = List.copyOf(children);
      weights = List.copyOf(weights);
      if (children.size() < 2 || children.size() != weights.size()) {
        throw new IllegalArgumentException(
            "a split needs 2+ children with a weight each: " + children + " " + weights);
      }
    }
  }

  static PaneLayout single(int pane) {
    return new Leaf(pane);
  }

  /** The pane ids in reading order (Tab order, and what 1-9 count). */
  default List<Integer> panes() {
    List<Integer> out = new ArrayList<>();
    collect(this, out);
    return out;
  }

  private static void collect(PaneLayout l, List<Integer> out) {
    switch (l) {
      case Leaf leaf -> out.add(leaf.pane());
      case Split s -> s.children().forEach(c -> collect(c, out));
    }
  }

  default boolean contains(int pane) {
    return panes().contains(pane);
  }

  /**
   * Splits {@code pane}, putting {@code newPane} after it with {@code weight} of the space out of
   * 100 (the rest stays with {@code pane}).
   */
  default PaneLayout split(int pane, Direction direction, int newPane, int weight) {
    return PaneLayoutOps.split(this, pane, direction, newPane, weight);
  }

  /** Removes a pane; the layout of a single pane cannot lose it (returns itself). */
  default PaneLayout close(int pane) {
    return PaneLayoutOps.close(this, pane);
  }

  /** Moves {@code percent} of its split's room to {@code pane} (negative: away from it). */
  default PaneLayout resize(int pane, int percent) {
    return PaneLayoutOps.resize(this, pane, percent);
  }

  /** Gives {@code pane} and its siblings the same room. */
  default PaneLayout equalize(int pane) {
    return PaneLayoutOps.equalize(this, pane);
  }

  /** The layout as one line of text, which {@link #parse} reads back. */
  default String encode() {
    return LayoutCodec.encode(this);
  }

  /**
   * Reads a layout written by {@link #encode}.
   *
   * @throws IllegalArgumentException naming the text and where it went wrong
   */
  static PaneLayout parse(String text) {
    return LayoutCodec.decode(text);
  }

  /** Where each pane is drawn in {@code area}: sizes by weight, a remainder to the last child. */
  default Map<Integer, Rect> place(Rect area) {
    Map<Integer, Rect> out = new LinkedHashMap<>();
    PaneLayoutOps.place(this, area, out);
    return out;
  }
}
