package dev.tend.config;

import dev.tend.api.PythonText;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * Checks every {@code depends_on} once the groups are known: each name must name a program, a
 * process or a group, and no process may depend on itself, directly or in a cycle. Errors are
 * reported at the {@code depends_on} line of the section that names the bad dependency (for a
 * cycle, of the first section on it).
 */
final class DependencyCheck {
  private final IniDocument doc;
  private final Diagnostics diagnostics;
  private final List<GroupConfig> groups;
  // namespec -> namespecs it depends on, in the order written
  private final Map<String, Set<String>> edges = new LinkedHashMap<>();
  // namespec -> the section that wrote its depends_on
  private final Map<String, String> sections = new HashMap<>();

  private DependencyCheck(IniDocument doc, Diagnostics diagnostics, List<GroupConfig> groups) {
    this.doc = doc;
    this.diagnostics = diagnostics;
    this.groups = groups;
  }

  static void check(IniDocument doc, Diagnostics diagnostics, List<GroupConfig> groups) {
    DependencyCheck c = new DependencyCheck(doc, diagnostics, groups);
    c.resolveAll();
    c.findCycles();
  }

  private void resolveAll() {
    for (GroupConfig g : groups) {
      for (ProcessConfig p : g.processes()) {
        if (p.tend().dependsOn().isEmpty()) {
          continue;
        }
        String self = namespec(g.name(), p.name());
        sections.put(self, p.origin().section());
        Set<String> targets = new LinkedHashSet<>();
        for (DependencySpec spec : p.tend().dependsOn()) {
          List<String> found = resolve(spec);
          if (found.isEmpty()) {
            error(p.origin().section(), unknown(spec));
          } else if (found.contains(self)) {
            error(p.origin().section(), self + " depends on itself (through '" + spec + "')");
          }
          targets.addAll(found);
        }
        targets.remove(self);
        edges.put(self, targets);
      }
    }
  }

  private List<String> resolve(DependencySpec spec) {
    List<String> found = new ArrayList<>();
    for (GroupConfig g : groups) {
      for (ProcessConfig p : g.processes()) {
        if (spec.matches(g.name(), p)) {
          found.add(namespec(g.name(), p.name()));
        }
      }
    }
    return found;
  }

  private String unknown(DependencySpec spec) {
    String group = spec.group();
    if (group == null) {
      String name = String.valueOf(spec.name());
      if (groups.stream().anyMatch(g -> g.name().equals(name))) {
        return "depends_on names '" + name + "', a group and not a program: write '" + name + ":*'";
      }
      Set<String> programs = new TreeSet<>();
      groups.forEach(g -> g.processes().forEach(p -> programs.add(p.programName())));
      String near = KnownKeys.closest(name, new ArrayList<>(programs));
      return "depends_on names unknown program '"
          + name
          + "'"
          + (near == null ? "" : " (did you mean '" + near + "'?)");
    }
    if (groups.stream().noneMatch(g -> g.name().equals(group))) {
      return "depends_on names unknown group '" + group + "'";
    }
    return "depends_on names unknown process '" + spec + "'";
  }

  /** Depth-first; a node met again while on the path closes a cycle, reported once. */
  private void findCycles() {
    Map<String, Integer> color = new HashMap<>(); // absent: new, 1: on the path, 2: done
    Set<Set<String>> reported = new LinkedHashSet<>();
    for (String start : edges.keySet()) {
      visit(start, new ArrayList<>(), color, reported);
    }
  }

  private void visit(
      String node, List<String> path, Map<String, Integer> color, Set<Set<String>> reported) {
    Integer c = color.get(node);
    if (c != null && c == 2) {
      return;
    }
    if (c != null) {
      List<String> cycle = new ArrayList<>(path.subList(path.indexOf(node), path.size()));
      if (reported.add(new TreeSet<>(cycle))) {
        cycle.add(node);
        String first = cycle.get(0);
        error(
            String.valueOf(sections.get(first)), "dependency cycle: " + String.join(" -> ", cycle));
      }
      return;
    }
    color.put(node, 1);
    path.add(node);
    for (String next : edges.getOrDefault(node, Set.of())) {
      visit(next, path, color, reported);
    }
    path.remove(path.size() - 1);
    color.put(node, 2);
  }

  private void error(String section, String message) {
    IniDocument.Section s = doc.section(section);
    String file = s == null ? "" : s.file.toString();
    String suffix =
        " in section " + PythonText.repr(section) + " (file: " + PythonText.repr(file) + ")";
    new SectionReader(doc, section, diagnostics, Map.of(), suffix)
        .error(TendKeysParser.DEPENDS_ON, message);
  }

  private static String namespec(String group, @Nullable String name) {
    return group.equals(name) ? group : group + ":" + name;
  }
}
