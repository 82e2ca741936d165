package dev.tend.cli;

import dev.tend.api.ProcessInfo;
import dev.tend.api.PythonText;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What the shell offers on Tab, by supervisorctl's rules: the first word completes to verbs; after
 * {@code help}, verbs; after {@code add}, {@code remove}, {@code update}, group names; after the
 * verbs that take processes, {@code name} for a process alone in its group, else {@code group:name}
 * and {@code group:*}. {@code :}, {@code *} and {@code -} belong to words. Each candidate ends with
 * the space supervisorctl appends. Also serves the bash and zsh completion scripts.
 */
public final class Completion {
  private Completion() {}

  /**
   * The candidates for the word being typed.
   *
   * @param line the line up to the cursor
   * @param word the word being completed (the end of {@code line}; empty after a space)
   */
  public static List<String> candidates(CtlSession session, String line, String word) {
    List<String> words = PythonText.split(line);
    if (words.isEmpty() || (words.size() == 1 && !endsWithSpace(line))) {
      return verbs(word);
    }
    Verb verb = Verbs.lookup(words.get(0));
    if (verb == null) {
      return List.of();
    }
    return switch (verb.completes()) {
      case VERBS -> verbs(word);
      case GROUPS -> groups(session.processesForCompletion(), word);
      case PROCESSES -> processes(session.processesForCompletion(), word);
      case NOTHING -> List.of();
    };
  }

  private static boolean endsWithSpace(String line) {
    return !line.isEmpty() && line.charAt(line.length() - 1) == ' ';
  }

  static List<String> verbs(String prefix) {
    Set<String> out = new LinkedHashSet<>();
    for (String v : Verbs.VOCABULARY) {
      if (v.startsWith(prefix)) {
        out.add(v + " ");
      }
    }
    return new ArrayList<>(out);
  }

  static List<String> groups(List<ProcessInfo> infos, String prefix) {
    Set<String> groups = new LinkedHashSet<>();
    for (ProcessInfo info : infos) {
      groups.add(info.group());
    }
    List<String> out = new ArrayList<>();
    for (String g : groups) {
      if (g.startsWith(prefix)) {
        out.add(g + " ");
      }
    }
    return out;
  }

  static List<String> processes(List<ProcessInfo> infos, String prefix) {
    Set<String> names = new LinkedHashSet<>();
    for (ProcessInfo info : infos) {
      if (prefix.indexOf(':') >= 0 || !info.name().equals(info.group())) {
        names.add(info.group() + ":" + info.name());
        names.add(info.group() + ":*");
      } else {
        names.add(info.name());
      }
    }
    List<String> out = new ArrayList<>();
    for (String n : names) {
      if (n.startsWith(prefix)) {
        out.add(n + " ");
      }
    }
    return out;
  }
}
