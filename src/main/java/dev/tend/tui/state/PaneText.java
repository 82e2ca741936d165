package dev.tend.tui.state;

import dev.tend.tui.text.DisplayWidth;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * A pane's lines as plain text, as the pane shows them: the time received when timestamps are on,
 * the process name in a merged pane, markers and notices between dashes, cut lines saying so. What
 * the pager shows, a saved file holds, and copy mode copies.
 */
public final class PaneText {
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

  private PaneText() {}

  /** The shown lines at positions {@code from} to {@code to} (inclusive). */
  public static List<String> lines(LogPane pane, long from, long to, ZoneId zone) {
    List<String> out = new ArrayList<>();
    int prefix = pane.prefixWidth();
    for (long pos = Math.max(from, pane.startPos()); pos <= to && pos < pane.endPos(); pos++) {
      LogLine l = pane.lineAt(pos);
      if (l == null || !pane.visible(l)) {
        continue;
      }
      StringBuilder s = new StringBuilder();
      if (pane.showsTimestamps()) {
        s.append(LocalTime.ofInstant(Instant.ofEpochMilli(l.receivedAt()), zone).format(TIME))
            .append(' ');
      }
      if (l.kind() != LogLine.Kind.TEXT) {
        s.append("-- ").append(l.text()).append(" --");
      } else {
        if (prefix > 0) {
          String name = l.source();
          s.append(name).append(" ".repeat(Math.max(1, prefix - DisplayWidth.of(name))));
        }
        s.append(l.text());
        if (l.cutChars() > 0) {
          s.append(" [+").append(l.cutChars()).append(" chars cut]");
        }
      }
      out.add(s.toString());
    }
    return out;
  }
}
