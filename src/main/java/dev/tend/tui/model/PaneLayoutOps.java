package dev.tend.tui.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The tree operations behind {@link PaneLayout}. */
final class PaneLayoutOps {
  private PaneLayoutOps() {}

  static PaneLayout split(
      PaneLayout l, int pane, PaneLayout.Direction dir, int newPane, int weight) {
    if (weight < 1 || weight > 99) {
      throw new IllegalArgumentException("split weight must be 1..99, got " + weight);
    }
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
        children.add(split(c, pane, dir, newPane, weight));
        weights.add(w);
      }
    }
    return new PaneLayout.Split(s.direction(), children, weights);
  }

  static PaneLayout close(PaneLayout l, int pane) {
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
      children.add(close(c, pane));
      weights.add(s.weights().get(i));
    }
    return children.size() == 1
        ? children.get(0)
        : new PaneLayout.Split(s.direction(), children, weights);
  }

  static void place(PaneLayout l, Rect area, Map<Integer, Rect> out) {
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
          place(s.children().get(i), r, out);
          offset += size;
        }
      }
    }
  }

  /**
   * Moves {@code percent} of the room of the split holding {@code pane} to it from its next sibling
   * (the previous one for the last child); negative gives room away. A child keeps at least a tenth
   * of the split. A pane alone is left as it is.
   */
  static PaneLayout resize(PaneLayout l, int pane, int percent) {
    return adjust(
        l,
        pane,
        (weights, i) -> {
          int sum = weights.stream().mapToInt(Integer::intValue).sum();
          int j = i + 1 < weights.size() ? i + 1 : i - 1;
          int min = Math.max(1, sum / 10);
          int step = Math.max(1, Math.abs(sum * percent / 100)) * Integer.signum(percent);
          step = Math.min(step, weights.get(j) - min); // growing takes no more than j can give
          step = Math.max(step, min - weights.get(i)); // shrinking gives no more than i has
          weights.set(i, weights.get(i) + step);
          weights.set(j, weights.get(j) - step);
        });
  }

  /** Gives every child of the split holding {@code pane} the same room. */
  static PaneLayout equalize(PaneLayout l, int pane) {
    return adjust(l, pane, (weights, i) -> weights.replaceAll(w -> 100));
  }

  /** How the weights of a split change, given its child at {@code i} holds the pane. */
  private interface WeightChange {
    void apply(List<Integer> weights, int i);
  }

  private static PaneLayout adjust(PaneLayout l, int pane, WeightChange change) {
    if (!(l instanceof PaneLayout.Split s)) {
      return l;
    }
    List<PaneLayout> children = new ArrayList<>(s.children());
    List<Integer> weights = new ArrayList<>(s.weights());
    for (int i = 0; i < children.size(); i++) {
      PaneLayout c = children.get(i);
      if (c instanceof PaneLayout.Leaf leaf && leaf.pane() == pane) {
        change.apply(weights, i);
        return new PaneLayout.Split(s.direction(), children, weights);
      }
      if (c.contains(pane)) {
        children.set(i, adjust(c, pane, change));
        return new PaneLayout.Split(s.direction(), children, weights);
      }
    }
    return l;
  }
}
