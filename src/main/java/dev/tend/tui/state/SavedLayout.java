package dev.tend.tui.state;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * The panes of a console as kept between runs for one config or server: the layout tree, what each
 * log pane shows and how, which pane had focus. Written as {@code key = value} lines:
 *
 * <pre>
 * layout = v(45:0,55:h(50:1,50:2))
 * focus = 2
 * pane 1 = both wrap notime selection
 * pane 2 = stderr nowrap time process web:web_00
 * pane 3 = both wrap notime group web
 * pane 4 = both wrap notime tagged web:web_00 worker:worker_01
 * pane 5 = both wrap notime all
 * </pre>
 *
 * Pane 0 is the process table; {@code selection} is the pane that shows the selected process.
 */
public record SavedLayout(PaneLayout layout, Map<Integer, Pane> panes, int focus) {

  /** A log pane: what it shows (null: the table's selection) and how. */
  public record Pane(
      @Nullable PaneSource source, LogPane.Streams streams, boolean wrap, boolean timestamps) {}

  public SavedLayout {
    panes = Map.copyOf(panes);
    Set<Integer> inLayout = new TreeSet<>(layout.panes());
    Set<Integer> described = new TreeSet<>(panes.keySet());
    described.add(Panes.TABLE);
    if (!inLayout.equals(described)) {
      throw new IllegalArgumentException(
          "the layout has panes " + inLayout + " but describes " + described);
    }
    if (!inLayout.contains(focus)) {
      focus = Panes.TABLE;
    }
  }

  /** The lines of the file (without its comment). */
  public String encode() {
    StringBuilder out = new StringBuilder();
    out.append("layout = ").append(layout.encode()).append('\n');
    out.append("focus = ").append(focus).append('\n');
    new java.util.TreeMap<>(panes)
        .forEach(
            (id, p) -> {
              out.append("pane ").append(id).append(" = ");
              out.append(p.streams().name().toLowerCase(Locale.ROOT)).append(' ');
              out.append(p.wrap() ? "wrap " : "nowrap ");
              out.append(p.timestamps() ? "time " : "notime ");
              out.append(source(p.source())).append('\n');
            });
    return out.toString();
  }

  private static String source(@Nullable PaneSource s) {
    return switch (s) {
      case null -> "selection";
      case PaneSource.Process p -> "process " + p.namespec();
      case PaneSource.Group g -> "group " + g.name();
      case PaneSource.Tagged t -> "tagged " + String.join(" ", t.namespecs());
      case PaneSource.All a -> "all";
    };
  }

  /**
   * Reads what {@link #encode} wrote ({@code #} comments and blank lines ignored).
   *
   * @throws IllegalArgumentException naming the line that is wrong
   */
  public static SavedLayout parse(String text) {
    PaneLayout layout = null;
    int focus = Panes.TABLE;
    Map<Integer, Pane> panes = new LinkedHashMap<>();
    int n = 0;
    for (String raw : text.split("\n", -1)) {
      n++;
      String line = raw.strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      int eq = line.indexOf('=');
      if (eq < 0) {
        throw new IllegalArgumentException("line " + n + " is not 'key = value': " + line);
      }
      String key = line.substring(0, eq).strip();
      String value = line.substring(eq + 1).strip();
      try {
        if (key.equals("layout")) {
          layout = PaneLayout.parse(value);
        } else if (key.equals("focus")) {
          focus = Integer.parseInt(value);
        } else if (key.startsWith("pane ")) {
          panes.put(Integer.parseInt(key.substring(5).strip()), pane(value));
        }
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("line " + n + " (" + line + "): " + e.getMessage(), e);
      }
    }
    if (layout == null) {
      throw new IllegalArgumentException("no 'layout =' line");
    }
    return new SavedLayout(layout, panes, focus);
  }

  private static Pane pane(String value) {
    List<String> w = new ArrayList<>(Arrays.asList(value.split("\\s+")));
    if (w.size() < 4) {
      throw new IllegalArgumentException("expected 'STREAMS wrap|nowrap time|notime SOURCE'");
    }
    LogPane.Streams streams = LogPane.Streams.valueOf(w.get(0).toUpperCase(Locale.ROOT));
    boolean wrap = flag(w.get(1), "wrap");
    boolean time = flag(w.get(2), "time");
    List<String> args = w.subList(4, w.size());
    PaneSource source =
        switch (w.get(3)) {
          case "selection" -> null;
          case "process" -> new PaneSource.Process(one(args));
          case "group" -> new PaneSource.Group(one(args));
          case "tagged" -> new PaneSource.Tagged(args);
          case "all" -> new PaneSource.All();
          default -> throw new IllegalArgumentException("unknown source '" + w.get(3) + "'");
        };
    return new Pane(source, streams, wrap, time);
  }

  private static boolean flag(String word, String name) {
    if (word.equals(name) || word.equals("no" + name)) {
      return word.equals(name);
    }
    throw new IllegalArgumentException("'" + name + "' or 'no" + name + "' expected, got " + word);
  }

  private static String one(List<String> args) {
    if (args.size() != 1) {
      throw new IllegalArgumentException("one name expected, got " + args);
    }
    return args.get(0);
  }
}
