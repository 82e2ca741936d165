package dev.tend.tui.control;

import dev.tend.tui.keymap.KeyChord;
import dev.tend.tui.state.Confirmation;
import dev.tend.tui.state.ConsoleModel;
import dev.tend.tui.state.ConsoleOptions.ExitChoice;
import dev.tend.tui.state.Overlay;
import dev.tend.tui.state.ProcessRequest;
import dev.tend.tui.state.Signals;

/**
 * Keys while an overlay is open. Overlays take fixed keys (shown on the overlay itself): Esc closes
 * every one; y/n and typed words confirm; arrows, j/k and Enter move in menus. The command line and
 * the filter, a log pane's prompts and copy mode have key classes of their own. UI thread only.
 */
final class OverlayKeys {
  private final ConsoleModel model;
  private final Requests requests;
  private final MessageLine messages;
  private final CommandLineKeys lines;
  private final LogOverlayKeys logs;
  private final ServerKeys servers;

  OverlayKeys(
      ConsoleModel model,
      Requests requests,
      MessageLine messages,
      CommandLineKeys lines,
      LogOverlayKeys logs,
      ServerKeys servers) {
    this.servers = servers;
    this.model = model;
    this.requests = requests;
    this.messages = messages;
    this.lines = lines;
    this.logs = logs;
  }

  void onKey(Overlay o, KeyChord k) {
    boolean cancel = TextKeys.is(k, "Esc") || (k.ctrl() && k.key().equals("C"));
    switch (o) {
      case Overlay.Help h -> {
        if (cancel || k.character() == 'q' || k.character() == '?' || TextKeys.is(k, "F1")) {
          model.closeOverlay();
        } else {
          h.scrollBy(scrollStep(k));
        }
      }
      case Overlay.Details d -> {
        if (cancel || k.character() == 'q' || k.character() == 'd' || TextKeys.is(k, "Enter")) {
          model.closeOverlay();
        } else {
          d.scrollBy(scrollStep(k));
        }
      }
      case Overlay.Servers s -> servers.onKey(s, k, cancel, scrollStep(k));
      case Overlay.Confirm c -> confirm(c, k, cancel);
      case Overlay.SignalMenu s -> signalMenu(s, k, cancel);
      case Overlay.CommandLine c -> lines.commandLine(c, k, cancel);
      case Overlay.Filter f -> lines.filter(f, k, cancel);
      case Overlay.LogPrompt p -> logs.prompt(p, k, cancel);
      case Overlay.CopyMode c -> logs.copyMode(c, k, cancel);
      case Overlay.Quit q -> {
        if (k.character() == 's') {
          model.end(ExitChoice.STOP_PROGRAMS);
        } else if (k.character() == 'l') {
          model.end(ExitChoice.LEAVE_RUNNING);
        }
        model.closeOverlay();
      }
    }
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
    switch (c.confirmation()) {
      case Confirmation.YesNo yn -> {
        if (k.character() == 'y' || k.character() == 'Y') {
          model.closeOverlay();
          requests.execute(c.request());
        } else {
          cancelled(c);
        }
      }
      case Confirmation.Typed typed -> {
        if (TextKeys.is(k, "Enter")) {
          model.closeOverlay();
          if (typed.accepts(c.typed().text())) {
            requests.execute(c.request());
          } else {
            messages.say(
                "not confirmed: typed '" + c.typed().text() + "', not '" + typed.word() + "'",
                true);
          }
        } else {
          TextKeys.edit(c.typed(), k);
        }
      }
      case Confirmation.None none -> {
        model.closeOverlay();
        requests.execute(c.request());
      }
    }
  }

  private void cancelled(Overlay.Confirm c) {
    model.closeOverlay();
    messages.say("cancelled: " + c.request().describe(), false);
  }

  private void signalMenu(Overlay.SignalMenu s, KeyChord k, boolean cancel) {
    int n = Signals.MENU.size();
    char ch = k.character();
    if (cancel || ch == 'q') {
      model.closeOverlay();
    } else if (ch == 'j' || TextKeys.is(k, "Down")) {
      s.move(1);
    } else if (ch == 'k' || TextKeys.is(k, "Up")) {
      s.move(-1);
    } else if (TextKeys.is(k, "Enter") || (ch >= '0' && ch <= '9')) {
      int i = TextKeys.is(k, "Enter") ? s.index() : ch == '0' ? 9 : ch - '1';
      if (i < n) {
        model.closeOverlay();
        requests.request(ProcessRequest.signal(Signals.MENU.get(i), s.target()));
      }
    }
  }
}
