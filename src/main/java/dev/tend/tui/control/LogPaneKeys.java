package dev.tend.tui.control;

import dev.tend.tui.feed.ConsoleEvent;
import dev.tend.tui.feed.ConsoleServices;
import dev.tend.tui.keymap.Action;
import dev.tend.tui.state.ConsoleModel;
import dev.tend.tui.state.LogLine;
import dev.tend.tui.state.LogPane;
import dev.tend.tui.state.LogQuery;
import dev.tend.tui.state.LogRow;
import dev.tend.tui.state.Overlay;
import dev.tend.tui.state.PaneLayout;
import dev.tend.tui.state.PaneSource;
import dev.tend.tui.state.PaneText;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * The keys that work inside a log pane: scrolling, what it shows and how, search and filter, copy
 * mode, the pager and saving; moving, splitting and closing it are asked of the panes. UI thread
 * only.
 */
final class LogPaneKeys {
  private static final int SIDEWAYS = 8;
  private static final DateTimeFormatter FILE_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

  private final ConsoleModel model;
  private final PaneOpener panes;
  private final PaneFocus focus;
  private final TableControl table;
  private final ConsoleServices services;
  private final MessageLine messages;

  LogPaneKeys(
      ConsoleModel model,
      PaneOpener panes,
      PaneFocus focus,
      TableControl table,
      ConsoleServices services,
      MessageLine messages) {
    this.model = model;
    this.panes = panes;
    this.focus = focus;
    this.table = table;
    this.services = services;
    this.messages = messages;
  }

  /** A log pane action, on the focused pane (from the : line with the table focused: the first). */
  void perform(Action a) {
    LogPane p = model.pane(model.focus()).orElse(null);
    if (p == null) {
      List<Integer> order = model.layout().panes();
      p = order.size() > 1 ? model.pane(order.get(1)).orElse(null) : null;
    }
    if (p == null) {
      messages.say("no log pane open (Enter opens one)", false);
      return;
    }
    if (!view(a, p)) {
      act(a, p);
    }
  }

  /** Keys that only move the view or change how it looks; false for the others. */
  private boolean view(Action a, LogPane p) {
    switch (a) {
      case SCROLL_DOWN -> p.scroll(1);
      case SCROLL_UP -> p.scroll(-1);
      case LOG_PAGE_UP -> p.pageUp();
      case LOG_PAGE_DOWN -> p.pageDown();
      case HALF_PAGE_UP -> p.halfPageUp();
      case HALF_PAGE_DOWN -> p.halfPageDown();
      case LOG_TOP -> p.toTop();
      case LOG_BOTTOM -> p.toBottom();
      case FOLLOW -> p.toggleFollow();
      case WRAP -> p.toggleWrap();
      case TIMESTAMPS -> p.toggleTimestamps();
      case STREAMS -> p.cycleStreams();
      case SCROLL_LEFT, SCROLL_RIGHT -> sideways(p, a == Action.SCROLL_LEFT ? -SIDEWAYS : SIDEWAYS);
      case ZOOM -> focus.toggleZoom();
      default -> {
        return false;
      }
    }
    return true;
  }

  private void act(Action a, LogPane p) {
    switch (a) {
      case PREVIOUS_PROCESS -> step(p, -1);
      case NEXT_PROCESS -> step(p, 1);
      case MARKER -> p.append(marker());
      case CLEAR_VIEW -> p.clearView();
      case CLOSE_PANE -> panes.close(p.id());
      case SPLIT_SIDE -> panes.split(p, PaneLayout.Direction.SIDE_BY_SIDE);
      case SPLIT_STACKED -> panes.split(p, PaneLayout.Direction.STACKED);
      case SEARCH -> prompt(Overlay.LogPrompt.Purpose.SEARCH, p, p.search());
      case SEARCH_NEXT -> jump(p, true);
      case SEARCH_PREVIOUS -> jump(p, false);
      case FILTER_LINES -> filter(p);
      case COPY_MODE -> copyMode(p);
      case PAGER -> write(p, null, ConsoleEvent.TextWritten.Purpose.PAGER);
      case SAVE -> save(p);
      default -> throw new IllegalArgumentException("not a log pane action: " + a.id());
    }
  }

  /**
   * {@code [} and {@code ]}: the selection pane moves the table's selection (and follows it), a
   * pinned pane moves to the previous or next process or group.
   */
  private void step(LogPane p, int step) {
    if (p.id() == model.selectionPane() && p.source() instanceof PaneSource.Process) {
      table.moveSelection(step);
    } else {
      panes.step(p, step);
    }
  }

  /** Esc on a pane with a search: the highlight goes first; false when there was none. */
  boolean dropSearch() {
    LogPane p = model.pane(model.focus()).orElse(null);
    if (p == null || p.search() == null) {
      return false;
    }
    p.setSearch(null);
    return true;
  }

  private void sideways(LogPane p, int columns) {
    if (!p.scrollSideways(columns)) {
      messages.say("lines wrap: nothing to scroll sideways (w turns wrapping off)", false);
    }
  }

  private LogLine marker() {
    String time =
        java.time.LocalTime.ofInstant(model.options().clock().instant(), model.options().zone())
            .withNano(0)
            .toString();
    return new LogLine(
        0,
        LogLine.Kind.MARKER,
        null,
        "",
        model.options().clock().millis(),
        "marker " + time,
        List.of(),
        0);
  }

  private void prompt(Overlay.LogPrompt.Purpose purpose, LogPane p, @Nullable LogQuery before) {
    model.open(new Overlay.LogPrompt(purpose, p.id(), before));
  }

  private void jump(LogPane p, boolean newer) {
    LogQuery q = p.search();
    if (q == null) {
      messages.say("no search yet: / searches", false);
      return;
    }
    switch (p.jumpToMatch(newer)) {
      case FOUND -> {}
      case WRAPPED ->
          messages.say(
              newer ? "search wrapped to the oldest line" : "search wrapped to the newest line",
              false);
      case NONE -> messages.say("no line matches " + q.describe(), true);
    }
  }

  /** {@code &}: asks for a pattern (the search's, to start with); with a filter on, removes it. */
  private void filter(LogPane p) {
    LogQuery on = p.filter();
    if (on != null) {
      p.setFilter(null);
      messages.say("showing every line again (filter " + on.describe() + " off)", false);
      return;
    }
    prompt(Overlay.LogPrompt.Purpose.FILTER, p, p.search());
  }

  private void copyMode(LogPane p) {
    List<LogRow> rows = p.rowsOnScreen();
    if (rows.isEmpty()) {
      messages.say("nothing to copy", false);
      return;
    }
    p.setFollow(false); // the lines hold still while they are selected
    long at = p.positionOf(rows.get(rows.size() - 1).line());
    model.open(new Overlay.CopyMode(p.id(), at));
  }

  private void save(LogPane p) {
    Overlay.LogPrompt o = new Overlay.LogPrompt(Overlay.LogPrompt.Purpose.SAVE, p.id(), null);
    String label = p.source().label().replaceAll("[^A-Za-z0-9._-]+", "_");
    String time =
        LocalDateTime.ofInstant(model.options().clock().instant(), model.options().zone())
            .format(FILE_TIME);
    o.editor().set("tend-" + label.toLowerCase(Locale.ROOT) + "-" + time + ".log");
    model.open(o);
  }

  /** Hands what the pane shows to be written: to {@code file}, or a temporary file for $PAGER. */
  void write(LogPane p, @Nullable Path file, ConsoleEvent.TextWritten.Purpose purpose) {
    List<String> lines = PaneText.lines(p, p.startPos(), p.endPos() - 1, model.options().zone());
    if (lines.isEmpty()) {
      messages.say("the pane shows no lines", false);
      return;
    }
    services.writeText(file, lines, purpose);
  }
}
