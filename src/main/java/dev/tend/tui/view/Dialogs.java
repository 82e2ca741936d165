package dev.tend.tui.view;

import dev.tend.tui.state.Confirmation;
import dev.tend.tui.state.ConsoleModel;
import dev.tend.tui.state.Overlay;
import dev.tend.tui.state.ProcessRow;
import dev.tend.tui.state.Rect;
import dev.tend.tui.state.Signals;
import dev.tend.tui.state.Target;
import dev.tend.tui.text.DisplayWidth;
import dev.tend.tui.theme.Role;
import dev.tend.tui.theme.Style;
import java.util.List;

/** The small overlays: confirmation, signal menu, details, and hosted mode's quit question. */
final class Dialogs {
  private Dialogs() {}

  /** A box of {@code w}x{@code h} in the middle of the screen, no bigger than the screen. */
  static Rect centred(Painter p, int w, int h) {
    int width = Math.min(w, p.width() - 2);
    int height = Math.min(h, p.height() - 2);
    return new Rect(
        (p.width() - width) / 2,
        (p.height() - height) / 2,
        Math.max(0, width),
        Math.max(0, height));
  }

  static void box(Painter p, Styles st, Rect r, String title) {
    p.box(r, title, st.of(Role.OVERLAY), st.of(Role.OVERLAY_TITLE), st.of(Role.OVERLAY));
  }

  static void confirm(Painter p, Styles st, Overlay.Confirm c) {
    String question = c.request().describe();
    List<String> targets =
        c.request().target() instanceof Target.Several s ? s.namespecs() : List.of();
    int shown = Math.min(targets.size(), 6);
    Rect r = centred(p, Math.max(50, DisplayWidth.of(question) + 8), 7 + shown);
    box(p, st, r, "Confirm");
    int x = r.x() + 2;
    int limit = r.x() + r.width() - 2;
    int y = r.y() + 2;
    p.clipped(x, y, limit - x, capitalised(question) + "?", st.of(Role.OVERLAY_DANGER));
    for (int i = 0; i < shown; i++) {
      p.clipped(x + 2, ++y, limit - x - 2, targets.get(i), st.of(Role.OVERLAY));
    }
    if (targets.size() > shown) {
      p.clipped(
          x + 2,
          ++y,
          limit - x - 2,
          "and " + (targets.size() - shown) + " more",
          st.of(Role.OVERLAY));
    }
    y += 2;
    switch (c.confirmation()) {
      case Confirmation.YesNo yn -> {
        int at = p.text(x, y, limit, "y", st.of(Role.OVERLAY_KEY));
        p.text(at, y, limit, " yes    any other key: no", st.of(Role.OVERLAY));
      }
      case Confirmation.Typed t -> {
        int at = p.text(x, y, limit, "Type ", st.of(Role.OVERLAY));
        at = p.text(at, y, limit, t.word(), st.of(Role.OVERLAY_KEY));
        at = p.text(at, y, limit, " and Enter: ", st.of(Role.OVERLAY));
        at = p.text(at, y, limit, c.typed().text(), st.of(Role.COMMAND));
        p.cursor(new com.googlecode.lanterna.TerminalPosition(at, y));
      }
      case Confirmation.None n -> {}
    }
  }

  static void signalMenu(Painter p, Styles st, Overlay.SignalMenu s) {
    List<String> menu = Signals.MENU;
    Rect r = centred(p, 44, menu.size() + 4);
    box(p, st, r, "Signal " + s.target().describe());
    for (int i = 0; i < menu.size() && i < r.height() - 3; i++) {
      int y = r.y() + 2 + i;
      boolean chosen = i == s.index();
      Style line = st.of(chosen ? Role.COMPLETION_SELECTED : Role.OVERLAY);
      p.fill(new Rect(r.x() + 1, y, r.width() - 2, 1), line);
      String number = i < 9 ? Integer.toString(i + 1) : "0";
      int x =
          p.text(
              r.x() + 2, y, r.x() + r.width() - 1, number, chosen ? line : st.of(Role.OVERLAY_KEY));
      String name = "SIG" + menu.get(i);
      p.text(
          x + 2,
          y,
          r.x() + r.width() - 1,
          name,
          menu.get(i).equals("KILL") && !chosen ? st.of(Role.OVERLAY_DANGER) : line);
    }
  }

  static void details(Painter p, Styles st, ConsoleModel m, Overlay.Details d, long nowSeconds) {
    ProcessRow row = m.table().row(d.namespec()).orElse(null);
    List<DetailsSheet.Field> fields =
        row == null ? List.of() : DetailsSheet.of(row, d, m.options().zone(), nowSeconds);
    Rect r = centred(p, Math.min(100, p.width() - 4), Math.max(5, fields.size() + 4));
    box(p, st, r, "Details " + d.namespec());
    if (row == null) {
      p.clipped(
          r.x() + 2, r.y() + 2, r.width() - 4, "the process is gone", st.of(Role.OVERLAY_DANGER));
      return;
    }
    int labelWidth = 14;
    int rows = r.height() - 3;
    int first = Math.min(d.scroll(), Math.max(0, fields.size() - rows));
    for (int i = 0; i < rows && first + i < fields.size(); i++) {
      DetailsSheet.Field f = fields.get(first + i);
      int y = r.y() + 2 + i;
      p.text(r.x() + 2, y, r.x() + 2 + labelWidth, f.label(), st.of(Role.OVERLAY_KEY));
      Style value =
          f.label().equals("state")
              ? st.of(Styles.stateRole(row.state())).withBg(st.of(Role.OVERLAY).bg())
              : st.of(Role.OVERLAY);
      p.clipped(r.x() + 3 + labelWidth, y, r.width() - labelWidth - 5, f.value(), value);
    }
  }

  static void quit(Painter p, Styles st) {
    String question = "This console hosts the programs. What happens to them?";
    int inner = Math.min(DisplayWidth.of(question), Math.max(20, p.width() - 8));
    List<String> lines = wrap(question, inner);
    Rect r = centred(p, Math.max(46, inner + 4), 7 + lines.size());
    box(p, st, r, "Quit tend");
    int x = r.x() + 2;
    int limit = r.x() + r.width() - 2;
    int y = r.y() + 2;
    for (String l : lines) {
      p.clipped(x, y++, limit - x, l, st.of(Role.OVERLAY));
    }
    option(p, st, x, y + 1, limit, "s", "stop every program, then quit", true);
    option(p, st, x, y + 2, limit, "l", "leave them running, quit the console", false);
    option(p, st, x, y + 3, limit, "Esc", "stay", false);
  }

  /**
   * Words of {@code text} in lines of at most {@code columns} (a longer word gets its own line).
   */
  static List<String> wrap(String text, int columns) {
    List<String> out = new java.util.ArrayList<>();
    StringBuilder line = new StringBuilder();
    for (String word : text.split(" ")) {
      if (line.length() > 0 && DisplayWidth.of(line + " " + word) > columns) {
        out.add(line.toString());
        line.setLength(0);
      }
      if (line.length() > 0) {
        line.append(' ');
      }
      line.append(word);
    }
    if (line.length() > 0) {
      out.add(line.toString());
    }
    return out;
  }

  private static void option(
      Painter p, Styles st, int x, int y, int limit, String key, String what, boolean danger) {
    int at = p.text(x, y, limit, key, st.of(Role.OVERLAY_KEY));
    p.text(
        Math.max(at + 1, x + 5),
        y,
        limit,
        what,
        st.of(danger ? Role.OVERLAY_DANGER : Role.OVERLAY));
  }

  private static String capitalised(String s) {
    return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }
}
