package dev.tend.tui.model;

import dev.tend.tui.keymap.Action;
import java.util.List;
import java.util.Optional;

/**
 * The log panes' side of the controller: opening and closing the pane, keeping it on the selected
 * process, the keys that work inside it. UI thread only.
 */
final class LogPaneControl {
  private final ConsoleModel model;
  private final ConsoleServices services;
  private final EventSink sink;
  private final ConsoleController controller;

  LogPaneControl(
      ConsoleModel model, ConsoleServices services, EventSink sink, ConsoleController controller) {
    this.model = model;
    this.services = services;
    this.sink = sink;
    this.controller = controller;
  }

  /** A log pane key, on the focused pane. */
  void logAction(Action a) {
    LogPane p = model.panes.get(model.focus);
    if (p == null) {
      p = model.panes.get(ConsoleModel.LOG); // from the : line while the table has focus
    }
    if (p == null) {
      controller.say("no log pane open (Enter opens one)", false);
      return;
    }
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
      case PREVIOUS_PROCESS -> model.table.move(-1, controller.nowSeconds());
      case NEXT_PROCESS -> model.table.move(1, controller.nowSeconds());
      case MARKER -> p.append(marker());
      case CLEAR_VIEW -> p.clearView();
      case ZOOM -> model.zoomed = !model.zoomed;
      case CLOSE_PANE -> close();
      default -> throw new IllegalArgumentException("not a log pane action: " + a.id());
    }
  }

  private LogLine marker() {
    String time =
        java.time.LocalTime.ofInstant(model.options().clock().instant(), model.options().zone())
            .withNano(0)
            .toString();
    return new LogLine(
        0, LogLine.Kind.MARKER, null, "", controller.now(), "marker " + time, List.of(), 0);
  }

  /** Opens the log pane on the selected process (and focuses it when asked). */
  void open(boolean focusIt) {
    Optional<ProcessRow> sel = model.table.selected(controller.nowSeconds());
    if (sel.isEmpty()) {
      return;
    }
    LogPane p = model.panes.get(ConsoleModel.LOG);
    if (p == null) {
      p =
          new LogPane(
              ConsoleModel.LOG,
              sel.get().namespec(),
              model.options().logLines(),
              model.options().logLines() * 200L);
      LogInbox inbox = new LogInbox(ConsoleModel.LOG, model.options().logLines(), sink);
      model.panes.put(ConsoleModel.LOG, p);
      model.inboxes.put(ConsoleModel.LOG, inbox);
      model.layout =
          model.layout.split(
              ConsoleModel.TABLE, PaneLayout.Direction.STACKED, ConsoleModel.LOG, 45);
      services.follow(ConsoleModel.LOG, inbox, p.namespec());
    }
    if (focusIt) {
      model.focus = ConsoleModel.LOG;
    }
  }

  private void close() {
    LogInbox inbox = model.inboxes.remove(ConsoleModel.LOG);
    if (model.panes.remove(ConsoleModel.LOG) != null && inbox != null) {
      services.unfollow(ConsoleModel.LOG, inbox);
    }
    model.layout = model.layout.close(ConsoleModel.LOG);
    model.focus = ConsoleModel.TABLE;
    model.zoomed = false;
  }

  /** The log pane shows the selected process; a new selection switches it. */
  void followSelection() {
    LogPane p = model.panes.get(ConsoleModel.LOG);
    LogInbox inbox = model.inboxes.get(ConsoleModel.LOG);
    if (p == null || inbox == null) {
      return;
    }
    model
        .table
        .selected(controller.nowSeconds())
        .filter(r -> !r.namespec().equals(p.namespec()))
        .ifPresent(
            r -> {
              p.show(r.namespec());
              services.follow(ConsoleModel.LOG, inbox, r.namespec());
            });
  }

  /** Follows every pane's process again from its history (after the server came back). */
  void refollowAll() {
    for (LogPane p : model.panes.values()) {
      LogInbox inbox = model.inboxes.get(p.id());
      if (inbox != null) {
        p.show(p.namespec());
        services.follow(p.id(), inbox, p.namespec());
      }
    }
  }

  /** Shows a process's log, as {@code :tail} asks. */
  void tail(String namespec, LogPane.Streams streams) {
    if (!model.table.select(namespec, controller.nowSeconds())) {
      model.table.setFilter("");
      model.table.select(namespec, controller.nowSeconds());
    }
    open(true);
    followSelection();
    LogPane p = model.panes.get(ConsoleModel.LOG);
    while (p != null && p.streams() != streams) {
      p.cycleStreams();
    }
  }
}
