package dev.tend.tui.model;

import dev.tend.tui.keymap.KeyChord;
import dev.tend.tui.model.ConsoleOptions.ExitChoice;
import java.util.List;

/**
 * Keys while an overlay is open. Overlays take fixed keys (shown on the overlay itself): Esc closes
 * every one; y/n and typed words confirm; arrows, j/k and Enter move in menus; the command line and
 * the filter edit text.
 */
final class OverlayKeys {
  private final ConsoleModel model;
  private final ConsoleController controller;
  private final CommandCompleter completer;
  private final CommandGrammar grammar;
  private final LogOverlayKeys logs;

  OverlayKeys(
      ConsoleModel model,
      ConsoleController controller,
      CommandCompleter completer,
      CommandGrammar grammar,
      LogOverlayKeys logs) {
    this.model = model;
    this.controller = controller;
    this.completer = completer;
    this.grammar = grammar;
    this.logs = logs;
  }

  void onKey(Overlay o, KeyChord k) {
    boolean cancel = is(k, "Esc") || (k.ctrl() && k.key().equals("C"));
    switch (o) {
      case Overlay.Help h -> {
        if (cancel || k.character() == 'q' || k.character() == '?' || is(k, "F1")) {
          close();
        } else {
          h.scroll = Math.max(0, h.scroll + scrollStep(k));
        }
      }
      case Overlay.Details d -> {
        if (cancel || k.character() == 'q' || k.character() == 'd' || is(k, "Enter")) {
          close();
        } else {
          d.scroll = Math.max(0, d.scroll + scrollStep(k));
        }
      }
      case Overlay.Confirm c -> confirm(c, k, cancel);
      case Overlay.SignalMenu s -> signalMenu(s, k, cancel);
      case Overlay.CommandLine c -> commandLine(c, k, cancel);
      case Overlay.Filter f -> filter(f, k, cancel);
      case Overlay.LogPrompt p -> logs.prompt(p, k, cancel);
      case Overlay.CopyMode c -> logs.copyMode(c, k, cancel);
      case Overlay.Quit q -> {
        if (k.character() == 's') {
          model.exit = ExitChoice.STOP_PROGRAMS;
        } else if (k.character() == 'l') {
          model.exit = ExitChoice.LEAVE_RUNNING;
        }
        close();
      }
    }
  }

  private void close() {
    model.overlay = null;
  }

  private static boolean is(KeyChord k, String named) {
    return !k.ctrl() && !k.alt() && k.key().equals(named);
  }

  private static int scrollStep(KeyChord k) {
    return switch (k.toString()) {
      case "j", "Down" -> 1;
      case "k", "Up" -> -1;
      case "PgDn", "Space" -> 10;
      case "PgUp" -> -10;
      case "g", "Home" -> -100_000;
      default -> 0;
    };
  }

  private void confirm(Overlay.Confirm c, KeyChord k, boolean cancel) {
    if (cancel) {
      cancelled(c);
      return;
    }
    switch (c.confirmation) {
      case Confirmation.YesNo yn -> {
        if (k.character() == 'y' || k.character() == 'Y') {
          close();
          controller.execute(c.request);
        } else {
          cancelled(c);
        }
      }
      case Confirmation.Typed typed -> {
        if (is(k, "Enter")) {
          close();
          if (typed.accepts(c.typed.text())) {
            controller.execute(c.request);
          } else {
            controller.say(
                "not confirmed: typed '" + c.typed.text() + "', not '" + typed.word() + "'", true);
          }
        } else {
          edit(c.typed, k);
        }
      }
      case Confirmation.None none -> {
        close();
        controller.execute(c.request);
      }
    }
  }

  private void cancelled(Overlay.Confirm c) {
    close();
    controller.say("cancelled: " + c.request.describe(), false);
  }

  private void signalMenu(Overlay.SignalMenu s, KeyChord k, boolean cancel) {
    int n = Signals.MENU.size();
    char ch = k.character();
    if (cancel || ch == 'q') {
      close();
    } else if (ch == 'j' || is(k, "Down")) {
      s.index = (s.index + 1) % n;
    } else if (ch == 'k' || is(k, "Up")) {
      s.index = (s.index + n - 1) % n;
    } else if (is(k, "Enter") || (ch >= '0' && ch <= '9')) {
      int i = is(k, "Enter") ? s.index : ch == '0' ? 9 : ch - '1';
      if (i < n) {
        close();
        controller.request(ProcessRequest.signal(Signals.MENU.get(i), s.target));
      }
    }
  }

  private void commandLine(Overlay.CommandLine c, KeyChord k, boolean cancel) {
    LineEditor e = c.editor;
    if (cancel) {
      close();
      model.history.reset();
    } else if (is(k, "Enter")) {
      close();
      String line = e.text();
      model.history.add(line);
      controller.run(grammar.parse(line));
    } else if (is(k, "Tab")) {
      complete(c, 1);
    } else if (is(k, "Shift-Tab")) {
      complete(c, -1);
    } else if (is(k, "Up")) {
      e.set(model.history.previous(e.text()));
      c.candidates = List.of();
    } else if (is(k, "Down")) {
      e.set(model.history.next());
      c.candidates = List.of();
    } else {
      if (edit(e, k)) {
        c.candidates = List.of();
        c.chosen = -1;
      }
    }
  }

  /**
   * Tab: one candidate completes the word; several extend it to their common prefix and are listed;
   * Tab again walks through them.
   */
  private void complete(Overlay.CommandLine c, int step) {
    LineEditor e = c.editor;
    if (!c.candidates.isEmpty()) {
      int n = c.candidates.size();
      c.chosen = c.chosen < 0 ? (step > 0 ? 0 : n - 1) : Math.floorMod(c.chosen + step, n);
      e.replace(c.wordStart, e.cursor(), c.candidates.get(c.chosen).value());
      return;
    }
    CommandCompleter.Completion found = completer.complete(e.text(), e.cursor());
    List<CommandGrammar.Candidate> cands = found.candidates();
    if (cands.isEmpty()) {
      return;
    }
    if (cands.size() == 1) {
      e.replace(found.start(), found.end(), cands.get(0).value() + " ");
      return;
    }
    String prefix = commonPrefix(cands);
    e.replace(found.start(), found.end(), prefix);
    c.candidates = cands;
    c.chosen = -1;
    c.wordStart = found.start();
  }

  private static String commonPrefix(List<CommandGrammar.Candidate> cands) {
    String p = cands.get(0).value();
    for (CommandGrammar.Candidate c : cands) {
      int i = 0;
      while (i < p.length() && i < c.value().length() && p.charAt(i) == c.value().charAt(i)) {
        i++;
      }
      p = p.substring(0, i);
    }
    return p;
  }

  private void filter(Overlay.Filter f, KeyChord k, boolean cancel) {
    long now = controller.nowSeconds();
    if (cancel) {
      model.table.setFilter(f.before);
      close();
    } else if (is(k, "Enter")) {
      close();
    } else if (is(k, "Down")) {
      model.table.move(1, now);
    } else if (is(k, "Up")) {
      model.table.move(-1, now);
    } else if (edit(f.editor, k)) {
      model.table.setFilter(f.editor.text());
    }
  }

  /** Text editing keys; returns whether the text may have changed. */
  static boolean edit(LineEditor e, KeyChord k) {
    if (k.ctrl() && k.key().equals("U")) {
      e.deleteToStart();
      return true;
    }
    if (k.ctrl() || k.alt()) {
      return false;
    }
    switch (k.key()) {
      case "Backspace" -> e.backspace();
      case "Delete" -> e.delete();
      case "Left" -> e.left();
      case "Right" -> e.right();
      case "Home" -> e.home();
      case "End" -> e.end();
      case "Space" -> e.insert(' ');
      default -> {
        if (!k.isCharacter()) {
          return false;
        }
        e.insert(k.key().charAt(0));
      }
    }
    return true;
  }
}
