package dev.tend.tui.view;

import com.googlecode.lanterna.TerminalPosition;
import dev.tend.tui.keymap.KeyContext;
import dev.tend.tui.keymap.KeyHelp;
import dev.tend.tui.state.Candidate;
import dev.tend.tui.state.ConsoleModel;
import dev.tend.tui.state.LineEditor;
import dev.tend.tui.state.Message;
import dev.tend.tui.state.Overlay;
import dev.tend.tui.state.Rect;
import dev.tend.tui.text.DisplayWidth;
import dev.tend.tui.theme.Role;
import dev.tend.tui.theme.Style;
import java.util.List;
import java.util.Optional;

/**
 * The two bottom lines: the message line (results, faults, or the {@code :} and {@code /} input
 * with its completion list above it), and the footer with the keys of the focused pane, generated
 * from the keymap, or of the open overlay.
 */
final class BottomBar {
  private static final int MAX_CANDIDATES = 8;

  private BottomBar() {}

  static void draw(Painter p, Styles st, ConsoleModel m, long nowMillis) {
    int w = p.width();
    int msgY = p.height() - 2;
    int footY = p.height() - 1;
    p.fill(new Rect(0, msgY, w, 1), st.of(Role.SCREEN));
    p.cursor(null);
    Overlay o = m.overlay();
    if (o instanceof Overlay.CommandLine c) {
      input(p, st, msgY, ":", c.editor(), "");
      candidates(p, st, c, msgY);
    } else if (o instanceof Overlay.Filter f) {
      input(p, st, msgY, "/", f.editor(), "   Enter keeps, Esc puts back, Up/Down move");
    } else if (o instanceof Overlay.LogPrompt l) {
      input(p, st, msgY, l.purpose().prompt(), l.editor(), promptHint(l));
    } else if (o instanceof Overlay.CopyMode c) {
      int n = m.pane(c.pane()).map(pane -> selectedLines(pane, c)).orElse(0);
      p.clipped(
          1,
          msgY,
          w - 2,
          "COPY  " + n + (n == 1 ? " line" : " lines") + " selected   y copies, v starts here",
          st.of(Role.MESSAGE_INFO));
    } else {
      Optional<Message> msg = m.message(nowMillis);
      msg.ifPresent(
          x ->
              p.clipped(
                  1,
                  msgY,
                  w - 2,
                  x.text(),
                  st.of(x.error() ? Role.MESSAGE_ERROR : Role.MESSAGE_INFO)));
    }
    footer(p, st, m, footY);
  }

  private static void input(Painter p, Styles st, int y, String prompt, LineEditor e, String hint) {
    Style s = st.of(Role.COMMAND);
    p.fill(new Rect(0, y, p.width(), 1), s);
    String text = e.text();
    int room = p.width() - 2;
    // keep the cursor in view on a long line
    int cursorCol = DisplayWidth.of(text.substring(0, e.cursor()));
    int skip = Math.max(0, cursorCol - room + 1);
    int start = skip == 0 ? 0 : DisplayWidth.fit(text, 0, skip);
    int x = p.text(0, y, p.width(), prompt, s);
    int end = p.text(x, y, p.width(), text.substring(start), s);
    if (!hint.isEmpty()) {
      p.text(end, y, p.width(), hint, st.of(Role.FOOTER));
    }
    p.cursor(new TerminalPosition(x + cursorCol - DisplayWidth.of(text.substring(0, start)), y));
  }

  private static int selectedLines(dev.tend.tui.state.LogPane pane, Overlay.CopyMode c) {
    int n = 0;
    for (long pos = c.from(); pos <= c.to(); pos++) {
      var l = pane.lineAt(pos);
      if (l != null && pane.visible(l)) {
        n++;
      }
    }
    return n;
  }

  private static String promptHint(Overlay.LogPrompt l) {
    if (l.purpose() == Overlay.LogPrompt.Purpose.SAVE) {
      return "   Enter saves, Esc cancels";
    }
    String status = l.status().isEmpty() ? "" : "   " + l.status();
    return status
        + "   Ctrl-R regex "
        + (l.regex() ? "on" : "off")
        + "  Ctrl-T "
        + l.caseMode().label();
  }

  private static void candidates(Painter p, Styles st, Overlay.CommandLine c, int inputY) {
    List<Candidate> cands = c.candidates();
    if (cands.isEmpty()) {
      return;
    }
    int n = Math.min(Math.min(MAX_CANDIDATES, cands.size()), Math.max(0, inputY - 2));
    int first = c.chosen() < n ? 0 : c.chosen() - n + 1;
    int valueWidth = 0;
    for (Candidate cand : cands) {
      valueWidth = Math.max(valueWidth, DisplayWidth.of(cand.value()));
    }
    int width = Math.min(p.width() - 2, Math.max(24, valueWidth + 40));
    for (int i = 0; i < n; i++) {
      Candidate cand = cands.get(first + i);
      int y = inputY - n + i;
      Style s = st.of(first + i == c.chosen() ? Role.COMPLETION_SELECTED : Role.COMPLETION);
      p.fill(new Rect(1, y, width, 1), s);
      int x = p.text(2, y, 1 + width, cand.value(), s);
      p.clipped(
          Math.max(x + 2, 4 + valueWidth),
          y,
          1 + width - Math.max(x + 2, 4 + valueWidth),
          cand.description(),
          s);
    }
    if (cands.size() > n && n > 0) {
      p.right(1 + width, inputY - n, "+" + (cands.size() - n) + " ", st.of(Role.COMPLETION));
    }
  }

  private static void footer(Painter p, Styles st, ConsoleModel m, int y) {
    Style bar = st.of(Role.FOOTER);
    Style key = st.of(Role.FOOTER_KEY);
    p.fill(new Rect(0, y, p.width(), 1), bar);
    Overlay o = m.overlay();
    List<KeyHelp.Hint> hints =
        o == null ? KeyHelp.footer(m.keymap(), m.focusContext()) : overlayHints(m, o);
    int x = 1;
    for (KeyHelp.Hint h : hints) {
      int need = DisplayWidth.of(h.key()) + 1 + DisplayWidth.of(h.label()) + 2;
      if (x + need > p.width()) {
        break;
      }
      x = p.text(x, y, p.width(), h.key(), key);
      x = p.text(x, y, p.width(), " " + h.label() + "  ", bar);
    }
  }

  private static List<KeyHelp.Hint> overlayHints(ConsoleModel m, Overlay o) {
    return switch (o) {
      case Overlay.Help h ->
          List.of(new KeyHelp.Hint("j/k", "scroll"), new KeyHelp.Hint("Esc", "close"));
      case Overlay.Details d ->
          List.of(new KeyHelp.Hint("j/k", "scroll"), new KeyHelp.Hint("Esc", "close"));
      case Overlay.Confirm c -> List.of(new KeyHelp.Hint("Esc", "cancel"));
      case Overlay.Servers s -> {
        List<KeyHelp.Hint> hints = new java.util.ArrayList<>();
        hints.add(new KeyHelp.Hint("j/k", "choose"));
        hints.addAll(KeyHelp.viewFooter(m.keymap(), KeyContext.SERVERS));
        hints.add(new KeyHelp.Hint("Esc", "close"));
        yield hints;
      }
      case Overlay.SignalMenu s ->
          List.of(
              new KeyHelp.Hint("j/k", "choose"),
              new KeyHelp.Hint("Enter", "send"),
              new KeyHelp.Hint("1-9,0", "pick"),
              new KeyHelp.Hint("Esc", "cancel"));
      case Overlay.CommandLine c ->
          List.of(
              new KeyHelp.Hint("Tab", "complete"),
              new KeyHelp.Hint("Up/Down", "history"),
              new KeyHelp.Hint("Enter", "run"),
              new KeyHelp.Hint("Esc", "cancel"));
      case Overlay.Filter f ->
          List.of(new KeyHelp.Hint("Enter", "keep"), new KeyHelp.Hint("Esc", "restore"));
      case Overlay.Quit q ->
          List.of(
              new KeyHelp.Hint("s", "stop programs"),
              new KeyHelp.Hint("l", "leave running"),
              new KeyHelp.Hint("Esc", "stay"));
      case Overlay.LogPrompt l ->
          l.purpose() == Overlay.LogPrompt.Purpose.SAVE
              ? List.of(new KeyHelp.Hint("Enter", "save"), new KeyHelp.Hint("Esc", "cancel"))
              : List.of(
                  new KeyHelp.Hint(
                      "Enter", l.purpose() == Overlay.LogPrompt.Purpose.SEARCH ? "find" : "keep"),
                  new KeyHelp.Hint("Ctrl-R", "regex"),
                  new KeyHelp.Hint("Ctrl-T", "case"),
                  new KeyHelp.Hint("Esc", "put back"));
      case Overlay.CopyMode c ->
          List.of(
              new KeyHelp.Hint("j/k", "move"),
              new KeyHelp.Hint("v", "start here"),
              new KeyHelp.Hint("y", "copy"),
              new KeyHelp.Hint("n/N", "match"),
              new KeyHelp.Hint("Esc", "leave"));
    };
  }
}
