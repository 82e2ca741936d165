package dev.tend.tui.state;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The order in which a tend daemon starts what a process depends on ({@code depends_on}) and stops
 * what depends on it, read from the rows' resolved dependencies: what {@code :deps NAME} says. A
 * supervisord reports no dependencies, so there is nothing to order.
 */
public final class DependencyOrder {
  private DependencyOrder() {}

  /**
   * {@code start: web, worker · stop: queue:consumer_00, worker} for {@code name} (a namespec or
   * {@code group:*}); what to say when the name matches no row or nothing depends on anything.
   */
  public static String describe(Collection<ProcessRow> rows, String name) {
    List<String> targets = targets(rows, name);
    if (targets.isEmpty()) {
      return "no process " + name;
    }
    Map<String, List<String>> needs = new HashMap<>();
    Map<String, List<String>> neededBy = new HashMap<>();
    for (ProcessRow r : rows) {
      needs.put(r.namespec(), r.info().dependsOn());
      for (String d : r.info().dependsOn()) {
        neededBy.computeIfAbsent(d, k -> new ArrayList<>()).add(r.namespec());
      }
    }
    List<String> start = postOrder(targets, needs);
    List<String> stop = postOrder(targets, neededBy);
    if (start.size() == targets.size() && stop.size() == targets.size()) {
      return name + ": no dependencies, nothing depends on it";
    }
    return "start: " + String.join(", ", start) + " · stop: " + String.join(", ", stop);
  }

  private static List<String> targets(Collection<ProcessRow> rows, String name) {
    List<String> out = new ArrayList<>();
    for (ProcessRow r : rows) {
      boolean group = name.endsWith(":*") && r.group().equals(name.substring(0, name.length() - 2));
      if (group || r.namespec().equals(name)) {
        out.add(r.namespec());
      }
    }
    return out;
  }

  /** Each node after everything it leads to (a cycle, which tend refuses to load, is cut). */
  private static List<String> postOrder(List<String> from, Map<String, List<String>> edges) {
    Set<String> done = new LinkedHashSet<>();
    Set<String> onPath = new LinkedHashSet<>();
    for (String t : from) {
      visit(t, edges, done, onPath);
    }
    return new ArrayList<>(done);
  }

  private static void visit(
      String n, Map<String, List<String>> edges, Set<String> done, Set<String> onPath) {
    if (done.contains(n) || !onPath.add(n)) {
      return;
    }
    for (String next : edges.getOrDefault(n, List.of())) {
      visit(next, edges, done, onPath);
    }
    onPath.remove(n);
    done.add(n);
  }
}
