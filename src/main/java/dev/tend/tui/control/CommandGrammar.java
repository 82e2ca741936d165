package dev.tend.tui.control;

import dev.tend.tui.keymap.Action;
import dev.tend.tui.state.Candidate;
import dev.tend.tui.state.Column;
import dev.tend.tui.state.DependencyOrder;
import dev.tend.tui.state.LogPane;
import dev.tend.tui.state.PaneSource;
import dev.tend.tui.state.ProcessRequest;
import dev.tend.tui.state.ProcessRequest.Verb;
import dev.tend.tui.state.ProcessRow;
import dev.tend.tui.state.ProcessTable;
import dev.tend.tui.state.Signals;
import dev.tend.tui.state.Target;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The {@code :} command line's language: supervisorctl's verbs with its names ({@code name}, {@code
 * group:name}, {@code group:*}, {@code all}), a few console commands, and every keymap action by
 * name. Parses lines and lists completion candidates from the verbs and the live process names.
 */
public final class CommandGrammar {

  private static final Map<String, String> CONSOLE_VERBS =
      Map.of(
          "tail", "show a process's log: tail NAME [stdout|stderr]",
          "log", "a new log pane: log NAME ... | GROUP:* | all (merged); alone: the selection",
          "theme", "switch theme: theme [NAME]",
          "filter", "filter the table: filter [TEXT]",
          "sort", "sort the table: sort COLUMN",
          "deps", "the order tend starts NAME's dependencies and stops its dependants: deps NAME");

  private final ProcessTable table;
  private final List<String> themes;
  private final boolean readOnly;

  public CommandGrammar(ProcessTable table, List<String> themes, boolean readOnly) {
    this.table = table;
    this.themes = List.copyOf(themes);
    this.readOnly = readOnly;
  }

  public Command parse(String line) {
    List<String> w = Arrays.stream(line.strip().split("\\s+")).filter(s -> !s.isEmpty()).toList();
    if (w.isEmpty()) {
      return new Command.Nothing();
    }
    String verb = w.get(0).toLowerCase(Locale.ROOT);
    List<String> args = w.subList(1, w.size());
    Optional<Verb> processVerb = processVerb(verb);
    if (processVerb.isPresent()) {
      if (readOnly) {
        return new Command.Problem("read-only: '" + verb + "' would change the programs");
      }
      return processCommand(processVerb.get(), args);
    }
    return switch (verb) {
      case "tail" -> tail(args);
      case "log" -> args.isEmpty() ? action("log") : log(args);
      case "theme" -> new Command.ChooseTheme(args.isEmpty() ? null : args.get(0));
      case "filter" -> new Command.SetFilter(String.join(" ", args));
      case "sort" -> sort(args);
      case "deps" ->
          args.size() == 1
              ? new Command.Say(DependencyOrder.describe(table.all(), args.get(0)))
              : new Command.Problem("deps NAME: one process or GROUP:*");
      case "q", "exit", "detach" -> new Command.Invoke(Action.QUIT);
      default -> action(verb);
    };
  }

  private Command action(String verb) {
    Optional<Action> a = Action.byId(verb);
    if (a.isEmpty()) {
      return new Command.Problem("unknown command '" + verb + "' (Tab lists them)");
    }
    if (readOnly && a.get().effect().changesPrograms()) {
      return new Command.Problem("read-only: '" + verb + "' would change the programs");
    }
    return new Command.Invoke(a.get());
  }

  private Command processCommand(Verb verb, List<String> args) {
    String signal = null;
    List<String> names = args;
    if (verb == Verb.SIGNAL) {
      if (args.isEmpty()) {
        return new Command.Invoke(Action.SIGNAL_MENU);
      }
      Optional<String> sig = Signals.canonical(args.get(0));
      if (sig.isEmpty()) {
        return new Command.Problem("bad signal name '" + args.get(0) + "'");
      }
      signal = sig.get();
      names = args.subList(1, args.size());
    }
    if (names.isEmpty()) {
      return new Command.RunOnSelection(verb, signal);
    }
    Target target;
    try {
      target = target(names);
    } catch (IllegalArgumentException e) {
      return new Command.Problem(String.valueOf(e.getMessage()));
    }
    return new Command.Run(new ProcessRequest(verb, target, signal));
  }

  /** The servers that have group {@code g}, in table order; none with one server. */
  private List<String> serversWith(String g) {
    return table.all().stream()
        .filter(r -> r.group().equals(g) && !r.server().isEmpty())
        .map(ProcessRow::server)
        .distinct()
        .toList();
  }

  /** {@code all} wins over other names, like supervisorctl; one group; else processes. */
  Target target(List<String> names) {
    if (names.contains("all")) {
      return new Target.All();
    }
    Set<String> processes = new LinkedHashSet<>();
    Map<String, Integer> groups = table.groups();
    for (String n : names) {
      if (n.endsWith(":*") || n.endsWith(":")) {
        String g = n.substring(0, n.indexOf(':'));
        if (!groups.containsKey(g)) {
          throw new IllegalArgumentException("no such group: " + g);
        }
        if (names.size() == 1) {
          return new Target.Group(g, serversWith(g));
        }
        table.all().stream()
            .filter(r -> r.group().equals(g))
            .forEach(r -> processes.add(r.namespec()));
      } else if (table.row(n).isPresent()) {
        processes.add(n);
      } else {
        throw new IllegalArgumentException("no such process: " + n);
      }
    }
    List<String> list = List.copyOf(processes);
    return list.size() == 1 ? new Target.One(list.get(0)) : new Target.Several(list);
  }

  private Command tail(List<String> args) {
    if (args.isEmpty() || args.size() > 2) {
      return new Command.Problem("usage: tail NAME [stdout|stderr]");
    }
    if (table.row(args.get(0)).isEmpty()) {
      return new Command.Problem("no such process: " + args.get(0));
    }
    LogPane.Streams s = LogPane.Streams.BOTH;
    if (args.size() == 2) {
      switch (args.get(1)) {
        case "stdout" -> s = LogPane.Streams.STDOUT;
        case "stderr" -> s = LogPane.Streams.STDERR;
        default -> {
          return new Command.Problem("bad channel '" + args.get(1) + "' (stdout or stderr)");
        }
      }
    }
    return new Command.Tail(args.get(0), s);
  }

  private Command log(List<String> args) {
    Target t;
    try {
      t = target(args);
    } catch (IllegalArgumentException e) {
      return new Command.Problem(String.valueOf(e.getMessage()));
    }
    return new Command.OpenLog(
        switch (t) {
          case Target.All a -> new PaneSource.All();
          case Target.Group g -> new PaneSource.Group(g.group());
          case Target.One o -> new PaneSource.Process(o.namespec());
          case Target.Several s -> new PaneSource.Tagged(s.namespecs());
        });
  }

  private Command sort(List<String> args) {
    if (args.size() != 1) {
      return new Command.Problem("usage: sort COLUMN (" + String.join(" ", columnWords()) + ")");
    }
    for (Column c : Column.values()) {
      if (columnWord(c).equals(args.get(0).toLowerCase(Locale.ROOT))) {
        return new Command.Sort(c);
      }
    }
    return new Command.Problem("no column '" + args.get(0) + "'");
  }

  /**
   * Candidates for the word being typed.
   *
   * @param before the complete words before it
   * @param prefix what is typed of it so far
   */
  public List<Candidate> complete(List<String> before, String prefix) {
    List<Candidate> all = new ArrayList<>();
    if (before.isEmpty()) {
      verbs(all);
    } else {
      String verb = before.get(0).toLowerCase(Locale.ROOT);
      int index = before.size();
      Optional<Verb> pv = processVerb(verb);
      if ((pv.isPresent() && !readOnly) || verb.equals("log")) {
        if (pv.isPresent() && pv.get() == Verb.SIGNAL && index == 1) {
          Signals.names().forEach(s -> all.add(new Candidate(s, "SIG" + s)));
        } else {
          names(all, before);
        }
      } else if ((verb.equals("tail") || verb.equals("deps")) && index == 1) {
        table.all().forEach(r -> all.add(new Candidate(r.namespec(), r.state().name())));
      } else if (verb.equals("tail") && index == 2) {
        all.add(new Candidate("stdout", "standard output"));
        all.add(new Candidate("stderr", "standard error"));
      } else if (verb.equals("theme") && index == 1) {
        themes.forEach(t -> all.add(new Candidate(t, "theme")));
      } else if (verb.equals("sort") && index == 1) {
        for (Column c : Column.values()) {
          all.add(new Candidate(columnWord(c), c.title()));
        }
      }
    }
    return all.stream().filter(c -> c.value().startsWith(prefix)).toList();
  }

  private void verbs(List<Candidate> out) {
    if (!readOnly) {
      out.add(new Candidate("start", "start processes: start NAME|GROUP:*|all ..."));
      out.add(new Candidate("stop", "stop processes: stop NAME|GROUP:*|all ..."));
      out.add(new Candidate("restart", "restart processes: restart NAME|GROUP:*|all ..."));
      out.add(new Candidate("signal", "send a signal: signal SIG NAME|GROUP:*|all ..."));
      out.add(new Candidate("clear", "clear log files: clear NAME|GROUP:*|all ..."));
    }
    CONSOLE_VERBS.entrySet().stream()
        .sorted(Map.Entry.comparingByKey())
        .forEach(e -> out.add(new Candidate(e.getKey(), e.getValue())));
    Set<String> taken = new LinkedHashSet<>();
    out.forEach(c -> taken.add(c.value()));
    for (Action a : Action.values()) {
      if (!taken.contains(a.id()) && !(readOnly && a.effect().changesPrograms())) {
        out.add(new Candidate(a.id(), a.description()));
      }
    }
  }

  private void names(List<Candidate> out, List<String> before) {
    Set<String> used = new LinkedHashSet<>(before);
    if (!used.contains("all")) {
      out.add(new Candidate("all", "every process"));
    }
    table
        .groups()
        .forEach(
            (g, n) -> {
              boolean solo = n == 1 && table.row(g).isPresent();
              if (!solo && !used.contains(g + ":*")) {
                out.add(new Candidate(g + ":*", "group of " + n));
              }
            });
    for (ProcessRow r : table.all()) {
      if (!used.contains(r.namespec())) {
        out.add(new Candidate(r.namespec(), r.state().name()));
      }
    }
  }

  private static Optional<Verb> processVerb(String word) {
    return Arrays.stream(Verb.values()).filter(v -> v.word().equals(word)).findFirst();
  }

  private static String columnWord(Column c) {
    return c == Column.REASON ? "exit" : c.name().toLowerCase(Locale.ROOT);
  }

  private static List<String> columnWords() {
    return Arrays.stream(Column.values()).map(CommandGrammar::columnWord).toList();
  }
}
