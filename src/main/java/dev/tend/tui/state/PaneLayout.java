package dev.tend.tui.state;

import java.text.ParsePosition;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.ObjIntConsumer;

/**
 * How the body of the screen is divided among panes: a tree of splits whose leaves are pane ids
 * (the process table is a pane too). Immutable; every operation returns a new layout. Splitting a
 * leaf in the direction of its parent adds a sibling (three side by side, not nested halves);
 * closing a leaf gives its room to its siblings and collapses a split left with one child.
 *
 * <p>As one line of text, a pane is its number and a split is {@code h(...)} (side by side) or
 * {@code v(...)} (stacked) around {@code weight:child} pairs, e.g. {@code v(45:0,55:h(50:1,50:2))}.
 */
public sealed interface PaneLayout {
  /** Layouts nest no deeper than this (a saved layout is read from a file). */
  int MAX_DEPTH = 32;

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
    if (weight < 1 || weight > 99) {
      throw new IllegalArgumentException("split weight must be 1..99, got " + weight);
    }
    return splitAt(this, pane, direction, newPane, weight);
  }

  /** Removes a pane; the layout of a single pane cannot lose it (returns itself). */
  default PaneLayout close(int pane) {
    return closeAt(this, pane);
  }

  /** Moves {@code percent} of its split's room to {@code pane} (negative: away from it). */
  default PaneLayout resize(int pane, int percent) {
    return adjust(this, pane, (weights, i) -> moveRoom(weights, i, percent));
  }

  /** Gives {@code pane} and its siblings the same room. */
  default PaneLayout equalize(int pane) {
    return adjust(this, pane, (weights, i) -> weights.replaceAll(w -> 100));
  }

  /** The layout as one line of text, which {@link #parse} reads back. */
  default String encode() {
    StringBuilder out = new StringBuilder();
    write(this, out);
    return out.toString();
  }

  /**
   * Reads a layout written by {@link #encode}.
   *
   * @throws IllegalArgumentException naming the text and where it went wrong
   */
  static PaneLayout parse(String text) {
    String t = text.strip();
    ParsePosition at = new ParsePosition(0);
    PaneLayout l = read(t, at, new HashSet<>(), 0);
    if (at.getIndex() < t.length()) {
      throw problem(t, at, "unexpected '" + t.charAt(at.getIndex()) + "'");
    }
    return l;
  }

  /** Where each pane is drawn in {@code area}: sizes by weight, a remainder to the last child. */
  default Map<Integer, Rect> place(Rect area) {
    Map<Integer, Rect> out = new LinkedHashMap<>();
    placeIn(this, area, out);
    return out;
  }

  private static PaneLayout splitAt(
      PaneLayout l, int pane, PaneLayout.Direction dir, int newPane, int weight) {
    return switch (l) {
      case PaneLayout.Leaf leaf ->
          leaf.pane() == pane
              ? new PaneLayout.Split(
                  dir, List.of(leaf, new PaneLayout.Leaf(newPane)), List.of(100 - weight, weight))
              : leaf;
      case PaneLayout.Split s -> splitInside(s, pane, dir, newPane, weight);
    };
  }

  private static PaneLayout splitInside(
      PaneLayout.Split s, int pane, PaneLayout.Direction dir, int newPane, int weight) {
    List<PaneLayout> children = new ArrayList<>();
    List<Integer> weights = new ArrayList<>();
    for (int i = 0; i < s.children().size(); i++) {
      PaneLayout c = s.children().get(i);
      int w = s.weights().get(i);
      if (c instanceof PaneLayout.Leaf leaf && leaf.pane() == pane && s.direction() == dir) {
        int given = Math.max(1, w * weight / 100);
        children.add(c);
        weights.add(Math.max(1, w - given));
        children.add(new PaneLayout.Leaf(newPane));
        weights.add(given);
      } else {
        children.add(splitAt(c, pane, dir, newPane, weight));
        weights.add(w);
      }
    }
    return new PaneLayout.Split(s.direction(), children, weights);
  }

  private static PaneLayout closeAt(PaneLayout l, int pane) {
    if (!(l instanceof PaneLayout.Split s)) {
      return l;
    }
    List<PaneLayout> children = new ArrayList<>();
    List<Integer> weights = new ArrayList<>();
    for (int i = 0; i < s.children().size(); i++) {
      PaneLayout c = s.children().get(i);
      if (c instanceof PaneLayout.Leaf leaf && leaf.pane() == pane) {
        continue;
      }
      children.add(closeAt(c, pane));
      weights.add(s.weights().get(i));
    }
    return children.size() == 1
        ? children.get(0)
        : new PaneLayout.Split(s.direction(), children, weights);
  }

  private static void placeIn(PaneLayout l, Rect area, Map<Integer, Rect> out) {
    switch (l) {
      case PaneLayout.Leaf leaf -> out.put(leaf.pane(), area);
      case PaneLayout.Split s -> {
        boolean across = s.direction() == PaneLayout.Direction.SIDE_BY_SIDE;
        int total = across ? area.width() : area.height();
        int sum = s.weights().stream().mapToInt(Integer::intValue).sum();
        int offset = 0;
        for (int i = 0; i < s.children().size(); i++) {
          boolean last = i == s.children().size() - 1;
          int size = last ? total - offset : total * s.weights().get(i) / sum;
          size = Math.max(0, Math.min(size, total - offset));
          Rect r =
              across
                  ? new Rect(area.x() + offset, area.y(), size, area.height())
                  : new Rect(area.x(), area.y() + offset, area.width(), size);
          placeIn(s.children().get(i), r, out);
          offset += size;
        }
      }
    }
  }

  /**
   * Moves {@code percent} of the room of the split whose child {@code i} holds the pane to it from
   * its next sibling (the previous one for the last child); negative gives room away. A child keeps
   * at least a tenth of the split.
   */
  private static void moveRoom(List<Integer> weights, int i, int percent) {
    int sum = weights.stream().mapToInt(Integer::intValue).sum();
    int j = i + 1 < weights.size() ? i + 1 : i - 1;
    int min = Math.max(1, sum / 10);
    int step = Math.max(1, Math.abs(sum * percent / 100)) * Integer.signum(percent);
    step = Math.min(step, weights.get(j) - min); // growing takes no more than j can give
    step = Math.max(step, min - weights.get(i)); // shrinking gives no more than i has
    weights.set(i, weights.get(i) + step);
    weights.set(j, weights.get(j) - step);
  }

  /**
   * The layout with the weights of the split holding {@code pane} changed by {@code change} (given
   * the weights and the index of the child that holds the pane); a pane alone is left as it is.
   */
  private static PaneLayout adjust(PaneLayout l, int pane, ObjIntConsumer<List<Integer>> change) {
    if (!(l instanceof PaneLayout.Split s)) {
      return l;
    }
    List<PaneLayout> children = new ArrayList<>(s.children());
    List<Integer> weights = new ArrayList<>(s.weights());
    for (int i = 0; i < children.size(); i++) {
      PaneLayout c = children.get(i);
      if (c instanceof PaneLayout.Leaf leaf && leaf.pane() == pane) {
        change.accept(weights, i);
        return new PaneLayout.Split(s.direction(), children, weights);
      }
      if (c.contains(pane)) {
        children.set(i, adjust(c, pane, change));
        return new PaneLayout.Split(s.direction(), children, weights);
      }
    }
    return l;
  }

  private static void write(PaneLayout l, StringBuilder out) {
    switch (l) {
      case PaneLayout.Leaf leaf -> out.append(leaf.pane());
      case PaneLayout.Split s -> {
        out.append(s.direction() == PaneLayout.Direction.SIDE_BY_SIDE ? "h(" : "v(");
        for (int i = 0; i < s.children().size(); i++) {
          if (i > 0) {
            out.append(',');
          }
          out.append(s.weights().get(i)).append(':');
          write(s.children().get(i), out);
        }
        out.append(')');
      }
    }
  }

  private static PaneLayout read(String t, ParsePosition at, Set<Integer> seen, int depth) {
    if (depth > MAX_DEPTH) {
      throw problem(t, at, "nested deeper than " + MAX_DEPTH);
    }
    int i = at.getIndex();
    if (i < t.length() && (t.charAt(i) == 'h' || t.charAt(i) == 'v')) {
      PaneLayout.Direction d =
          t.charAt(i) == 'h' ? PaneLayout.Direction.SIDE_BY_SIDE : PaneLayout.Direction.STACKED;
      at.setIndex(i + 1);
      expect(t, at, '(');
      List<PaneLayout> children = new ArrayList<>();
      List<Integer> weights = new ArrayList<>();
      do {
        int w = number(t, at);
        if (w < 1) {
          throw problem(t, at, "a weight must be at least 1");
        }
        expect(t, at, ':');
        weights.add(w);
        children.add(read(t, at, seen, depth + 1));
      } while (accept(t, at, ','));
      expect(t, at, ')');
      if (children.size() < 2) {
        throw problem(t, at, "a split needs two or more panes");
      }
      return new PaneLayout.Split(d, children, weights);
    }
    int pane = number(t, at);
    if (!seen.add(pane)) {
      throw problem(t, at, "pane " + pane + " appears twice");
    }
    return new PaneLayout.Leaf(pane);
  }

  private static int number(String t, ParsePosition at) {
    int start = at.getIndex();
    int i = start;
    while (i < t.length() && Character.isDigit(t.charAt(i)) && i - start < 6) {
      i++;
    }
    at.setIndex(i);
    if (start == i) {
      throw problem(t, at, "a number expected");
    }
    return Integer.parseInt(t.substring(start, i));
  }

  private static void expect(String t, ParsePosition at, char c) {
    if (!accept(t, at, c)) {
      throw problem(t, at, "'" + c + "' expected");
    }
  }

  private static boolean accept(String t, ParsePosition at, char c) {
    int i = at.getIndex();
    if (i < t.length() && t.charAt(i) == c) {
      at.setIndex(i + 1);
      return true;
    }
    return false;
  }

  private static IllegalArgumentException problem(String t, ParsePosition at, String what) {
    return new IllegalArgumentException(
        "bad layout '" + t + "' at character " + (at.getIndex() + 1) + ": " + what);
  }
}
