package dev.tend.tui.control;

import dev.tend.tui.keymap.KeyChord;
import dev.tend.tui.state.Candidate;
import dev.tend.tui.state.CommandHistory;
import dev.tend.tui.state.ConsoleModel;
import dev.tend.tui.state.LineEditor;
import dev.tend.tui.state.Overlay;
import java.util.List;

/**
 * Keys while a line of text is typed for the table: the {@code :} command line (editing, history,
 * completion, Enter runs it) and the table filter ({@code /}, applied as it is typed; Esc puts back
 * what was there). UI thread only.
 */
final class CommandLineKeys {
  private final ConsoleModel model;
  private final CommandCompleter completer;
  private final CommandGrammar grammar;
  private final Commands commands;
  private final TableControl table;

  CommandLineKeys(
      ConsoleModel model,
      CommandCompleter completer,
      CommandGrammar grammar,
      Commands commands,
      TableControl table) {
    this.model = model;
    this.completer = completer;
    this.grammar = grammar;
    this.commands = commands;
    this.table = table;
  }

  void commandLine(Overlay.CommandLine c, KeyChord k, boolean cancel) {
    LineEditor e = c.editor();
    CommandHistory history = model.history();
    if (cancel) {
      model.closeOverlay();
      history.reset();
    } else if (TextKeys.is(k, "Enter")) {
      model.closeOverlay();
      String line = e.text();
      history.add(line);
      commands.run(grammar.parse(line));
    } else if (TextKeys.is(k, "Tab")) {
      complete(c, 1);
    } else if (TextKeys.is(k, "Shift-Tab")) {
      complete(c, -1);
    } else if (TextKeys.is(k, "Up")) {
      e.set(history.previous(e.text()));
      c.forgetCandidates();
    } else if (TextKeys.is(k, "Down")) {
      e.set(history.next());
      c.forgetCandidates();
    } else if (TextKeys.edit(e, k)) {
      c.forgetCandidates();
    }
  }

  /**
   * Tab: one candidate completes the word; several extend it to their common prefix and are listed;
   * Tab again walks through them.
   */
  private void complete(Overlay.CommandLine c, int step) {
    LineEditor e = c.editor();
    if (!c.candidates().isEmpty()) {
      e.replace(c.wordStart(), e.cursor(), c.choose(step).value());
      return;
    }
    CommandCompleter.Completion found = completer.complete(e.text(), e.cursor());
    List<Candidate> cands = found.candidates();
    if (cands.isEmpty()) {
      return;
    }
    if (cands.size() == 1) {
      e.replace(found.start(), found.end(), cands.get(0).value() + " ");
      return;
    }
    e.replace(found.start(), found.end(), commonPrefix(cands));
    c.offer(cands, found.start());
  }

  private static String commonPrefix(List<Candidate> cands) {
    String p = cands.get(0).value();
    for (Candidate c : cands) {
      int i = 0;
      while (i < p.length() && i < c.value().length() && p.charAt(i) == c.value().charAt(i)) {
        i++;
      }
      p = p.substring(0, i);
    }
    return p;
  }

  void filter(Overlay.Filter f, KeyChord k, boolean cancel) {
    if (cancel) {
      table.filter(f.before());
      model.closeOverlay();
    } else if (TextKeys.is(k, "Enter")) {
      model.closeOverlay();
    } else if (TextKeys.is(k, "Down")) {
      table.moveSelection(1);
    } else if (TextKeys.is(k, "Up")) {
      table.moveSelection(-1);
    } else if (TextKeys.edit(f.editor(), k)) {
      table.filter(f.editor().text());
    }
  }
}
