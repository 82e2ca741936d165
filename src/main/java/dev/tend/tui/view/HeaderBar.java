package dev.tend.tui.view;

import dev.tend.api.ProcessState;
import dev.tend.api.SupervisorState;
import dev.tend.tui.model.Connection;
import dev.tend.tui.model.ConsoleModel;
import dev.tend.tui.model.ConsoleOptions;
import dev.tend.tui.model.ProcessTable;
import dev.tend.tui.model.Rect;
import dev.tend.tui.theme.Role;
import dev.tend.tui.theme.Style;
import java.time.Instant;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;

/**
 * The two header lines: who and what (mode, target, server, push or polling, daemon state, host,
 * clock), then the counts per state and how the table is narrowed (sort, filter, hidden, tagged,
 * frozen).
 */
final class HeaderBar {
  private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss");

  private HeaderBar() {}

  static void draw(Painter p, Styles st, ConsoleModel m, long nowMillis) {
    int w = p.width();
    Style bar = st.of(Role.HEADER);
    p.fill(new Rect(0, 0, w, 2), bar);
    String clock =
        LocalTime.ofInstant(Instant.ofEpochMilli(nowMillis), m.options().zone()).format(CLOCK);
    String right = m.options().hostname() + "  " + clock + " ";
    int rightX = Math.max(0, w - right.length());
    int x = p.text(0, 0, rightX, " tend ", st.of(Role.HEADER_TITLE));
    x = identity(p, st, m, x, rightX, nowMillis);
    if (x < rightX) {
      p.right(w, 0, right, bar);
    }
    counts(p, st, m, w);
  }

  private static int identity(Painter p, Styles st, ConsoleModel m, int x, int limit, long now) {
    Style bar = st.of(Role.HEADER);
    Style warn = st.of(Role.HEADER_WARNING);
    ConsoleOptions o = m.options();
    String sep = p.glyphs().separator();
    String mode = o.mode() == ConsoleOptions.Mode.HOSTED ? "HOSTED " : "ATTACHED ";
    x = p.text(x, 0, limit, mode, st.of(Role.HEADER_TITLE));
    x = p.text(x, 0, limit, o.target(), bar);
    if (o.readOnly()) {
      x = p.text(x, 0, limit, " ", bar);
      x = p.text(x, 0, limit, " READ-ONLY ", warn);
    }
    Connection c = m.connection();
    switch (c.status()) {
      case CONNECTING -> x = p.text(x, 0, limit, sep + "connecting" + p.glyphs().ellipsis(), bar);
      case LOST -> {
        long in = Math.max(0, (c.retryAt() - now + 999) / 1000);
        x = p.text(x, 0, limit, " ", bar);
        x =
            p.text(
                x,
                0,
                limit,
                " connection lost, retrying" + (in > 0 ? " in " + in + "s " : " "),
                warn);
        x = p.text(x, 0, limit, " " + c.lostReason(), bar);
      }
      case CONNECTED -> {
        var caps = c.capabilities();
        if (caps != null) {
          x = p.text(x, 0, limit, sep + caps.server(), bar);
          x = p.text(x, 0, limit, caps.pushesChanges() ? " (push)" : " (polling)", bar);
        }
        SupervisorState s = c.daemonState();
        if (s != null) {
          x = p.text(x, 0, limit, sep, bar);
          x = p.text(x, 0, limit, s.name(), s == SupervisorState.RUNNING ? bar : warn);
        }
      }
    }
    if (m.frozen()) {
      x = p.text(x, 0, limit, "  ", bar);
      x = p.text(x, 0, limit, " FROZEN ", warn);
    }
    return x;
  }

  /** Second line: non-zero counts per state in state colours, then the table's narrowing. */
  private static void counts(Painter p, Styles st, ConsoleModel m, int w) {
    Style bar = st.of(Role.HEADER);
    ProcessTable t = m.table();
    Map<ProcessState, Integer> counts = t.counts();
    int x = p.text(0, 1, w, " " + t.size() + " processes", bar);
    for (ProcessState s : ProcessState.values()) {
      Integer n = counts.get(s);
      if (n != null && n > 0) {
        x = p.text(x, 1, w, "  ", bar);
        Style state = st.of(Styles.stateRole(s)).withBg(bar.bg());
        x = p.text(x, 1, w, n + " " + s.name().toLowerCase(Locale.ROOT), state);
      }
    }
    StringBuilder view = new StringBuilder();
    String arrow = t.ascending() ? p.glyphs().ascending() : p.glyphs().descending();
    view.append("sort ").append(t.sortColumn().title().toLowerCase(Locale.ROOT)).append(arrow);
    if (!t.filter().isEmpty()) {
      view.append("  /").append(t.filter());
    }
    if (t.hidesStopped()) {
      view.append("  stopped hidden");
    }
    if (!t.tagged().isEmpty()) {
      view.append("  ").append(t.tagged().size()).append(" tagged");
    }
    view.append(' ');
    if (x + 2 + view.length() <= w) {
      p.right(w, 1, view.toString(), bar);
    }
  }
}
