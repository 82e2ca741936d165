package dev.tend.tui.view;

import dev.tend.api.ProcessState;
import dev.tend.api.SupervisorState;
import dev.tend.tui.state.Connection;
import dev.tend.tui.state.ConsoleModel;
import dev.tend.tui.state.ConsoleOptions;
import dev.tend.tui.state.ProcessTable;
import dev.tend.tui.state.Rect;
import dev.tend.tui.state.ServerConnections;
import dev.tend.tui.text.DisplayWidth;
import dev.tend.tui.text.Durations;
import dev.tend.tui.theme.Role;
import dev.tend.tui.theme.Style;
import java.time.Instant;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
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

  /**
   * A piece of the first line; when the line is too long, the highest {@code drop} goes first;
   * {@code right} pieces are aligned to the right edge.
   */
  private record Piece(String text, Style style, int drop, boolean right) {
    Piece(String text, Style style, int drop) {
      this(text, style, drop, false);
    }
  }

  static void draw(Painter p, Styles st, ConsoleModel m, long nowMillis) {
    int w = p.width();
    Style bar = st.of(Role.HEADER);
    p.fill(new Rect(0, 0, w, 2), bar);
    String clock =
        LocalTime.ofInstant(Instant.ofEpochMilli(nowMillis), m.options().zone()).format(CLOCK);
    List<Piece> pieces = identity(p, st, m, nowMillis);
    pieces.add(new Piece(" " + m.options().hostname() + " ", bar, 5, true));
    pieces.add(new Piece(" " + clock + " ", bar, 2, true));
    fit(pieces, w);
    int x = 0;
    int rightWidth = 0;
    for (Piece piece : pieces) {
      if (piece.right()) {
        rightWidth += DisplayWidth.of(piece.text());
      }
    }
    int rightX = w - rightWidth;
    for (Piece piece : pieces) {
      if (piece.right()) {
        rightX = p.text(rightX, 0, w, piece.text(), piece.style());
      } else {
        x = p.text(x, 0, w - rightWidth, piece.text(), piece.style());
      }
    }
    counts(p, st, m, w);
  }

  /** Drops pieces, least important first, then shortens the target, until the line fits. */
  private static void fit(List<Piece> pieces, int width) {
    if (total(pieces) > width) {
      pieces.removeIf(q -> q.drop() == 5); // the host first: the prompt says it anyway
    }
    shortenTarget(pieces, width, 24); // a long socket path goes before what the header tells
    for (int level = 5; level >= 2 && total(pieces) > width; level--) {
      final int l = level;
      pieces.removeIf(q -> q.drop() == l);
    }
    shortenTarget(pieces, width, 8);
  }

  /** Cuts the target (the middle of a path matters least) to fit, keeping {@code floor} columns. */
  private static void shortenTarget(List<Piece> pieces, int width, int floor) {
    int over = total(pieces) - width;
    for (int i = 0; i < pieces.size() && over > 0; i++) {
      Piece q = pieces.get(i);
      int w = DisplayWidth.of(q.text());
      if (q.drop() == 1 && w > floor) {
        int keep = Math.max(floor, w - over);
        pieces.set(i, new Piece(shortened(q.text(), keep), q.style(), 1, false));
        over = total(pieces) - width;
      }
    }
  }

  /**
   * A target in {@code columns}: a file path becomes its file name with its parent folder ({@code
   * demo/supervisord.conf}), or the name alone; anything longer is cut in the middle.
   */
  static String shortened(String s, int columns) {
    if (DisplayWidth.of(s) <= columns) {
      return s;
    }
    if (!s.contains("://") && s.contains("/")) {
      String[] parts = s.split("/");
      int n = parts.length;
      if (n >= 2 && !parts[n - 2].isEmpty()) {
        String two = parts[n - 2] + "/" + parts[n - 1];
        if (DisplayWidth.of(two) <= columns) {
          return two;
        }
      }
      return middleCut(parts[n - 1], columns);
    }
    return middleCut(s, columns);
  }

  /** {@code unix:///tmp/junit-1316/supervisor.sock} as {@code unix:///tmp/~/supervisor.sock}. */
  private static String middleCut(String s, int columns) {
    if (s.length() <= columns || columns < 3) {
      return s.substring(0, Math.min(s.length(), Math.max(0, columns)));
    }
    int tail = (columns - 1) / 2;
    int head = columns - 1 - tail;
    return s.substring(0, head) + "~" + s.substring(s.length() - tail);
  }

  private static int total(List<Piece> pieces) {
    return pieces.stream().mapToInt(q -> DisplayWidth.of(q.text())).sum();
  }

  private static List<Piece> identity(Painter p, Styles st, ConsoleModel m, long now) {
    Style bar = st.of(Role.HEADER);
    Style title = st.of(Role.HEADER_TITLE);
    Style warn = st.of(Role.HEADER_WARNING);
    ConsoleOptions o = m.options();
    String sep = p.glyphs().separator();
    List<Piece> out = new ArrayList<>();
    out.add(new Piece(" tend ", title, 0));
    out.add(new Piece(o.mode() == ConsoleOptions.Mode.HOSTED ? "HOSTED " : "ATTACHED ", title, 0));
    out.add(new Piece(o.target(), bar, 1));
    if (o.readOnly()) {
      out.add(new Piece(" ", bar, 0));
      out.add(new Piece(" READ-ONLY ", warn, 0));
    }
    if (m.servers().many()) {
      servers(out, p, st, m, now);
    } else {
      one(out, p, st, m, now);
    }
    if (m.frozen()) {
      out.add(new Piece("  ", bar, 0));
      out.add(new Piece(" FROZEN ", warn, 0));
    }
    return out;
  }

  /**
   * Several servers: how many answer, then each that does not, with how long it has been away
   * ({@code :servers} says why).
   */
  private static void servers(List<Piece> out, Painter p, Styles st, ConsoleModel m, long now) {
    Style bar = st.of(Role.HEADER);
    Style warn = st.of(Role.HEADER_WARNING);
    String sep = p.glyphs().separator();
    ServerConnections s = m.servers();
    int up = s.count(Connection.Status.CONNECTED);
    out.add(new Piece(sep + up + "/" + s.size() + " servers up", up == s.size() ? bar : warn, 0));
    for (String name : s.names()) {
      Connection c = s.get(name);
      switch (c.status()) {
        case CONNECTED -> {}
        case CONNECTING -> out.add(new Piece(" " + name + " connecting", bar, 3));
        case LOST -> {
          long away = Math.max(0, now - c.lostSince()) / 1000;
          out.add(new Piece(" ", bar, 0));
          out.add(new Piece(" " + name + " lost " + Durations.compact(away) + " ", warn, 0));
        }
      }
    }
  }

  private static void one(List<Piece> out, Painter p, Styles st, ConsoleModel m, long now) {
    Style bar = st.of(Role.HEADER);
    Style warn = st.of(Role.HEADER_WARNING);
    String sep = p.glyphs().separator();
    Connection c = m.connection();
    switch (c.status()) {
      case CONNECTING -> out.add(new Piece(sep + "connecting" + p.glyphs().ellipsis(), bar, 2));
      case LOST -> {
        long in = Math.max(0, (c.retryAt() - now + 999) / 1000);
        out.add(new Piece(" ", bar, 0));
        out.add(
            new Piece(" connection lost, retrying" + (in > 0 ? " in " + in + "s " : " "), warn, 0));
        out.add(new Piece(" " + c.lostReason(), bar, 3));
      }
      case CONNECTED -> {
        var caps = c.capabilities();
        if (caps != null) {
          out.add(new Piece(sep + caps.server(), bar, 4));
          out.add(new Piece(caps.pushesChanges() ? " (push)" : " (polling)", bar, 3));
        }
        SupervisorState s = c.daemonState();
        if (s != null) {
          boolean ok = s == SupervisorState.RUNNING;
          out.add(new Piece(sep, bar, ok ? 2 : 0));
          out.add(new Piece(s.name(), ok ? bar : warn, ok ? 2 : 0));
        }
      }
    }
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
