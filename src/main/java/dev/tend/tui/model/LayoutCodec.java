package dev.tend.tui.model;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A {@link PaneLayout} as one line of text: a pane is its number, a split is {@code h(...)} (side
 * by side) or {@code v(...)} (stacked) around {@code weight:child} pairs, e.g. {@code
 * v(45:0,55:h(50:1,50:2))}.
 */
final class LayoutCodec {
  private static final int MAX_DEPTH = 32;

  private LayoutCodec() {}

  static String encode(PaneLayout l) {
    StringBuilder out = new StringBuilder();
    write(l, out);
    return out.toString();
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

  static PaneLayout decode(String text) {
    Reader r = new Reader(text.strip());
    PaneLayout l = r.layout(0);
    if (r.at < r.text.length()) {
      throw r.problem("unexpected '" + r.text.charAt(r.at) + "'");
    }
    return l;
  }

  /** A recursive-descent reader over the text, refusing repeated panes and deep nesting. */
  private static final class Reader {
    final String text;
    // the index of the next character to read
    int at;
    final Set<Integer> seen = new HashSet<>();

    Reader(String text) {
      this.text = text;
    }

    PaneLayout layout(int depth) {
      if (depth > MAX_DEPTH) {
        throw problem("nested deeper than " + MAX_DEPTH);
      }
      if (at < text.length() && (text.charAt(at) == 'h' || text.charAt(at) == 'v')) {
        PaneLayout.Direction d =
            text.charAt(at) == 'h'
                ? PaneLayout.Direction.SIDE_BY_SIDE
                : PaneLayout.Direction.STACKED;
        at++;
        expect('(');
        List<PaneLayout> children = new ArrayList<>();
        List<Integer> weights = new ArrayList<>();
        do {
          int w = number();
          if (w < 1) {
            throw problem("a weight must be at least 1");
          }
          expect(':');
          weights.add(w);
          children.add(layout(depth + 1));
        } while (accept(','));
        expect(')');
        if (children.size() < 2) {
          throw problem("a split needs two or more panes");
        }
        return new PaneLayout.Split(d, children, weights);
      }
      int pane = number();
      if (!seen.add(pane)) {
        throw problem("pane " + pane + " appears twice");
      }
      return new PaneLayout.Leaf(pane);
    }

    int number() {
      int start = at;
      while (at < text.length() && Character.isDigit(text.charAt(at)) && at - start < 6) {
        at++;
      }
      if (start == at) {
        throw problem("a number expected");
      }
      return Integer.parseInt(text.substring(start, at));
    }

    void expect(char c) {
      if (!accept(c)) {
        throw problem("'" + c + "' expected");
      }
    }

    boolean accept(char c) {
      if (at < text.length() && text.charAt(at) == c) {
        at++;
        return true;
      }
      return false;
    }

    IllegalArgumentException problem(String what) {
      return new IllegalArgumentException(
          "bad layout '" + text + "' at character " + (at + 1) + ": " + what);
    }
  }
}
