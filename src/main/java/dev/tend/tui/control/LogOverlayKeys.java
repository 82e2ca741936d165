package dev.tend.tui.control;

import dev.tend.tui.feed.ConsoleEvent;
import dev.tend.tui.keymap.KeyChord;
import dev.tend.tui.state.ConsoleModel;
import dev.tend.tui.state.LogLine;
import dev.tend.tui.state.LogPane;
import dev.tend.tui.state.LogQuery;
import dev.tend.tui.state.Overlay;
import dev.tend.tui.state.PaneText;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Keys while a log pane's prompt (search, filter, save) or copy mode is open. The prompt applies
 * the pattern as it is typed (highlight, or filter) and says how many lines match; Esc puts back
 * what was there. Copy mode moves a cursor line, {@code v} starts the selection again at it, {@code
 * y} or Enter copies. UI thread only.
 */
final class LogOverlayKeys {
  /** The clipboard escape carries at most this much (terminals refuse much larger ones). */
  static final int MAX_COPY_BYTES = 256 * 1024;

  /** Matches are counted over at most this many positions, newest first, per key press. */
  private static final int MAX_COUNTED = 50_000;

  private final ConsoleModel model;
  private final LogPaneKeys panes;
  private final MessageLine messages;

  LogOverlayKeys(ConsoleModel model, LogPaneKeys panes, MessageLine messages) {
    this.model = model;
    this.panes = panes;
    this.messages = messages;
  }

  void prompt(Overlay.LogPrompt o, KeyChord k, boolean cancel) {
    LogPane p = model.pane(o.pane()).orElse(null);
    if (p == null) {
      model.closeOverlay();
      return;
    }
    boolean pattern = o.purpose() != Overlay.LogPrompt.Purpose.SAVE;
    if (cancel) {
      model.closeOverlay();
      switch (o.purpose()) {
        case SEARCH -> p.setSearch(o.before());
        case FILTER -> p.setFilter(null);
        case SAVE -> {}
      }
    } else if (k.ctrl() && k.key().equals("R") && pattern) {
      o.toggleRegex();
      typed(o, p);
    } else if (k.ctrl() && k.key().equals("T") && pattern) {
      o.nextCaseMode();
      typed(o, p);
    } else if (TextKeys.is(k, "Enter")) {
      model.closeOverlay();
      entered(o, p);
    } else if (TextKeys.edit(o.editor(), k)) {
      typed(o, p);
    }
  }

  /** The pattern changed: highlight or filter by it at once, and count. */
  private void typed(Overlay.LogPrompt o, LogPane p) {
    if (o.purpose() == Overlay.LogPrompt.Purpose.SAVE) {
      return;
    }
    String text = o.editor().text();
    if (text.isEmpty()) {
      o.setStatus("");
      apply(o, p, null);
      return;
    }
    try {
      LogQuery q = LogQuery.of(text, o.regex(), o.caseMode());
      apply(o, p, q);
      o.setStatus(count(p, q));
    } catch (IllegalArgumentException e) {
      o.setStatus(String.valueOf(e.getMessage()));
    }
  }

  private static void apply(Overlay.LogPrompt o, LogPane p, @Nullable LogQuery q) {
    if (o.purpose() == Overlay.LogPrompt.Purpose.SEARCH) {
      p.setSearch(q);
    } else {
      p.setFilter(q);
    }
  }

  private static String count(LogPane p, LogQuery q) {
    int n = 0;
    long stop = Math.max(p.startPos(), p.endPos() - MAX_COUNTED);
    for (long pos = p.endPos() - 1; pos >= stop; pos--) {
      LogLine l = p.lineAt(pos);
      if (l != null && l.kind() == LogLine.Kind.TEXT && p.visible(l) && q.matches(l.text())) {
        n++;
      }
    }
    String more = stop > p.startPos() ? "+" : "";
    return n + more + (n == 1 && more.isEmpty() ? " matching line" : " matching lines");
  }

  private void entered(Overlay.LogPrompt o, LogPane p) {
    String text = o.editor().text().strip();
    if (o.purpose() == Overlay.LogPrompt.Purpose.SAVE) {
      if (!text.isEmpty()) {
        panes.write(p, file(text), ConsoleEvent.TextWritten.Purpose.SAVE);
      }
      return;
    }
    LogQuery q;
    try {
      q = text.isEmpty() ? null : LogQuery.of(o.editor().text(), o.regex(), o.caseMode());
    } catch (IllegalArgumentException e) {
      apply(o, p, o.purpose() == Overlay.LogPrompt.Purpose.SEARCH ? o.before() : null);
      messages.say(String.valueOf(e.getMessage()), true);
      return;
    }
    apply(o, p, q);
    if (o.purpose() == Overlay.LogPrompt.Purpose.FILTER) {
      messages.say(
          q == null
              ? "showing every line"
              : "showing lines matching " + q.describe() + " (& again shows all)",
          false);
    } else if (q != null && p.jumpToMatch(false) == LogPane.Jump.NONE) {
      messages.say("no line matches " + q.describe(), true);
    }
  }

  /** The file typed: {@code ~/} is the home folder; relative is to where tend was started. */
  private Path file(String typed) {
    String home = model.options().env().get("HOME");
    if (home != null && (typed.equals("~") || typed.startsWith("~/"))) {
      return Path.of(home + typed.substring(1));
    }
    return Path.of(typed);
  }

  void copyMode(Overlay.CopyMode c, KeyChord k, boolean cancel) {
    LogPane p = model.pane(c.pane()).orElse(null);
    if (p == null || cancel || k.character() == 'q') {
      model.closeOverlay();
      return;
    }
    int page = Math.max(1, p.rowsOnScreen().size() - 1);
    switch (k.toString()) {
      case "j", "Down" -> c.moveTo(step(p, c.cursor(), 1));
      case "k", "Up" -> c.moveTo(step(p, c.cursor(), -1));
      case "PgDn", "Space" -> c.moveTo(step(p, c.cursor(), page));
      case "PgUp" -> c.moveTo(step(p, c.cursor(), -page));
      case "Ctrl-D" -> c.moveTo(step(p, c.cursor(), page / 2));
      case "Ctrl-U" -> c.moveTo(step(p, c.cursor(), -page / 2));
      case "g", "Home" -> c.moveTo(step(p, p.startPos() - 1, 1));
      case "G", "End" -> c.moveTo(step(p, p.endPos(), -1));
      case "n", "N" -> {
        if (p.jumpToMatch(k.character() == 'n') != LogPane.Jump.NONE) {
          c.moveTo(p.searchPosition());
        }
      }
      case "v" -> c.anchorHere();
      case "y", "Enter" -> {
        copy(c, p);
        return;
      }
      default -> {
        return;
      }
    }
    p.reveal(c.cursor());
  }

  /** The position {@code lines} shown lines away (negative: up), stopping at the ends. */
  private static long step(LogPane p, long from, int lines) {
    long at = from;
    int dir = Integer.signum(lines);
    for (int moved = 0; moved < Math.abs(lines); ) {
      long next = at + dir;
      while (next >= p.startPos() && next < p.endPos() && !shown(p, next)) {
        next += dir;
      }
      if (next < p.startPos() || next >= p.endPos()) {
        break;
      }
      at = next;
      moved++;
    }
    return at;
  }

  private static boolean shown(LogPane p, long pos) {
    LogLine l = p.lineAt(pos);
    return l != null && p.visible(l);
  }

  private void copy(Overlay.CopyMode c, LogPane p) {
    model.closeOverlay();
    List<String> lines = PaneText.lines(p, c.from(), c.to(), model.options().zone());
    int first = 0;
    long bytes = 0;
    for (int i = lines.size() - 1; i >= 0; i--) {
      bytes += lines.get(i).getBytes(StandardCharsets.UTF_8).length + 1;
      if (bytes > MAX_COPY_BYTES) {
        first = i + 1;
        break;
      }
    }
    List<String> kept = lines.subList(first, lines.size());
    if (kept.isEmpty()) {
      messages.say("nothing to copy", false);
      return;
    }
    model.copy(String.join("\n", kept) + "\n");
    String n = kept.size() == 1 ? "1 line" : kept.size() + " lines";
    messages.say(
        first > 0
            ? "copied the last " + n + " (a terminal takes 256 KiB at most)"
            : "copied " + n + " to the terminal's clipboard",
        false);
  }
}
