package dev.tend.tui.view;

import dev.tend.tui.keymap.KeyHelp;
import dev.tend.tui.state.ConsoleModel;
import dev.tend.tui.state.Overlay;
import dev.tend.tui.state.Rect;
import dev.tend.tui.theme.Role;
import java.util.ArrayList;
import java.util.List;

/** The help overlay ({@code ?}): every key from the keymap, the overlays' keys, and warnings. */
final class HelpView {
  private static final int KEY_WIDTH = 16;

  private HelpView() {}

  static void draw(Painter p, Styles st, ConsoleModel m, Overlay.Help h) {
    Rect r = new Rect(2, 1, Math.max(0, p.width() - 4), Math.max(0, p.height() - 3));
    if (r.width() < 20 || r.height() < 5) {
      return;
    }
    Dialogs.box(p, st, r, "Keys" + (m.options().readOnly() ? " (read-only)" : ""));
    List<List<Segment>> lines = lines(m);
    int rows = r.height() - 3;
    int first = Math.min(h.scroll(), Math.max(0, lines.size() - rows));
    for (int i = 0; i < rows && first + i < lines.size(); i++) {
      int x = r.x() + 2;
      int limit = r.x() + r.width() - 2;
      for (Segment s : lines.get(first + i)) {
        x = p.text(x, r.y() + 2 + i, limit, s.text(), st.of(s.role()));
      }
    }
    if (lines.size() > rows) {
      String more =
          " " + (first + 1) + "-" + Math.min(lines.size(), first + rows) + "/" + lines.size() + " ";
      p.right(r.x() + r.width() - 2, r.y() + r.height() - 1, more, st.of(Role.OVERLAY_TITLE));
    }
  }

  static List<List<Segment>> lines(ConsoleModel m) {
    List<List<Segment>> out = new ArrayList<>();
    for (KeyHelp.Section s : KeyHelp.sections(m.keymap())) {
      out.add(List.of(new Segment(s.title(), Role.OVERLAY_TITLE)));
      for (KeyHelp.Entry e : s.entries()) {
        List<Segment> line = new ArrayList<>();
        line.add(new Segment(pad("  " + e.keys(), KEY_WIDTH), Role.OVERLAY_KEY));
        line.add(new Segment(e.description(), Role.OVERLAY));
        if (e.dangerous()) {
          line.add(new Segment("  (asks first)", Role.OVERLAY_DANGER));
        }
        out.add(line);
      }
      out.add(List.of());
    }
    out.add(List.of(new Segment("In questions and menus", Role.OVERLAY_TITLE)));
    out.add(entry("y / n", "answer a yes/no question (anything but y is no)"));
    out.add(entry("word + Enter", "confirm a group, all, several or SIGKILL by typing the word"));
    out.add(entry("Tab Shift-Tab", "complete on the : line; Up/Down walk its history"));
    out.add(entry("Esc", "close, cancel"));
    out.add(List.of());
    out.add(List.of(new Segment("In a log pane's / and & prompts", Role.OVERLAY_TITLE)));
    out.add(entry("Ctrl-R", "regular expression on or off"));
    out.add(entry("Ctrl-T", "case: smart (matters with an upper-case letter), exact, ignored"));
    out.add(entry("Enter / Esc", "keep (/ goes to the newest match) / put back what was there"));
    out.add(List.of());
    out.add(List.of(new Segment("In copy mode (v)", Role.OVERLAY_TITLE)));
    out.add(entry("j k PgUp PgDn", "move the cursor line (g G: first, last; n N: matches)"));
    out.add(entry("v", "start the selection again at the cursor"));
    out.add(entry("y  Enter", "copy the selected lines, as shown, to the terminal's clipboard"));
    out.add(entry("Esc  q", "leave copy mode"));
    out.add(List.of());
    out.add(List.of(new Segment("Keys are remapped by action name in keys.conf:", Role.OVERLAY)));
    var keys = m.options().keysFile();
    out.add(
        List.of(new Segment("  " + (keys == null ? "(none)" : keys.toString()), Role.OVERLAY_KEY)));
    if (!m.startupWarnings().isEmpty()) {
      out.add(List.of());
      out.add(List.of(new Segment("Warnings", Role.OVERLAY_DANGER)));
      m.startupWarnings().forEach(w -> out.add(List.of(new Segment("  " + w, Role.OVERLAY))));
    }
    return out;
  }

  private static List<Segment> entry(String keys, String what) {
    return List.of(
        new Segment(pad("  " + keys, KEY_WIDTH), Role.OVERLAY_KEY),
        new Segment(what, Role.OVERLAY));
  }

  private static String pad(String s, int w) {
    return s.length() >= w ? s + " " : s + " ".repeat(w - s.length());
  }
}
