package dev.tend.tui.view;

import dev.tend.api.ProcessState;
import dev.tend.tui.state.Connection;
import dev.tend.tui.state.ConsoleModel;
import dev.tend.tui.state.Overlay;
import dev.tend.tui.state.ProcessRow;
import dev.tend.tui.state.Rect;
import dev.tend.tui.state.ServerConnections;
import dev.tend.tui.text.Durations;
import dev.tend.tui.theme.Role;
import dev.tend.tui.theme.Style;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code :servers} (or {@code @}): every server, how it answers (connected, what it is; lost for
 * how long and why, in ssh's or the client's words), how many processes it has and how many run,
 * and its URL. Only reads the model.
 */
final class ServersView {
  private ServersView() {}

  static void draw(Painter p, Styles st, ConsoleModel m, Overlay.Servers o, long nowMillis) {
    ServerConnections servers = m.servers();
    List<String> names = servers.names();
    if (o.errorShown() && !names.isEmpty()) {
      error(p, st, m, names.get(Math.min(o.selected(), names.size() - 1)), nowMillis);
      return;
    }
    Rect r =
        Dialogs.centred(
            p, Math.min(110, p.width() - 2), Math.min(p.height() - 2, names.size() * 2 + 4));
    Dialogs.box(p, st, r, "Servers");
    Map<String, int[]> counts = counts(m.table().all());
    int x = r.x() + 2;
    int width = r.width() - 4;
    int rows = (r.height() - 3) / 2;
    int first = Math.max(0, Math.min(o.selected() - rows + 1, names.size() - rows));
    for (int i = 0; i < rows && first + i < names.size(); i++) {
      String name = names.get(first + i);
      int y = r.y() + 2 + 2 * i;
      boolean selected = first + i == o.selected();
      Style base = selected ? st.of(Role.TABLE_SELECTED) : st.of(Role.OVERLAY);
      Connection c = servers.get(name);
      int[] n = counts.getOrDefault(name, new int[2]);
      String head =
          String.format(
              "%-12s %-34s %d processes, %d running", name, state(c, nowMillis), n[0], n[1]);
      Style state = c.status() == Connection.Status.LOST ? st.of(Role.OVERLAY_DANGER) : base;
      p.clipped(x, y, width, head, selected ? base : state);
      String detail =
          c.status() == Connection.Status.LOST
              ? c.lostReason() + "  " + servers.url(name)
              : servers.url(name);
      p.clipped(x + 13, y + 1, width - 13, detail, st.of(Role.OVERLAY));
    }
  }

  /** One server's error in full, wrapped: what it is, its URL, and every word of why. */
  private static void error(Painter p, Styles st, ConsoleModel m, String name, long nowMillis) {
    Connection c = m.servers().get(name);
    int width = Math.min(110, p.width() - 2);
    List<String> lines = new ArrayList<>();
    lines.add(name + "  " + state(c, nowMillis));
    lines.add(m.servers().url(name));
    lines.add("");
    for (String line : c.problem().split("\n", -1)) {
      lines.addAll(Dialogs.wrap(line, width - 4));
    }
    Rect r = Dialogs.centred(p, width, Math.min(p.height() - 2, lines.size() + 3));
    Dialogs.box(p, st, r, "Server " + name);
    Style text = st.of(c.status() == Connection.Status.LOST ? Role.OVERLAY_DANGER : Role.OVERLAY);
    for (int i = 0; i < lines.size() && i < r.height() - 3; i++) {
      p.clipped(
          r.x() + 2, r.y() + 2 + i, width - 4, lines.get(i), i < 3 ? st.of(Role.OVERLAY) : text);
    }
  }

  /** connected (what it is), connecting, or lost for how long. */
  private static String state(Connection c, long nowMillis) {
    return switch (c.status()) {
      case CONNECTING -> "connecting";
      case CONNECTED -> {
        var caps = c.capabilities();
        yield "connected" + (caps == null ? "" : ", " + caps.server());
      }
      case LOST ->
          "lost " + Durations.compact(Math.max(0, nowMillis - c.lostSince()) / 1000) + ", retrying";
    };
  }

  /** Per server: processes, and how many of them run. */
  private static Map<String, int[]> counts(List<ProcessRow> rows) {
    Map<String, int[]> out = new HashMap<>();
    for (ProcessRow r : rows) {
      int[] n = out.computeIfAbsent(r.server(), s -> new int[2]);
      n[0]++;
      if (r.state() == ProcessState.RUNNING) {
        n[1]++;
      }
    }
    return out;
  }
}
