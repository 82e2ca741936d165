package dev.tend.tui.control;

import dev.tend.tui.feed.ConsoleServices;
import dev.tend.tui.keymap.Action;
import dev.tend.tui.state.Column;
import dev.tend.tui.state.ConsoleModel;
import dev.tend.tui.state.Overlay;
import dev.tend.tui.state.PaneSource;
import dev.tend.tui.state.ProcessRequest.Verb;
import dev.tend.tui.state.ProcessTable;
import java.time.Clock;
import java.util.List;

/**
 * The process table's keys: moving and tagging, sorting and narrowing, actions on the tagged or
 * selected processes, details, and the log panes opened from the table. The one writer of how the
 * table is looked at (selection, sort, filter, tags, freeze, paging); only the rows themselves come
 * from elsewhere (the feeds' events). UI thread only.
 */
final class TableKeys implements TableControl {
  private final ConsoleModel model;
  private final ProcessTable table;
  private final PaneOpener panes;
  private final Requests requests;
  private final ConsoleServices services;
  private final MessageLine messages;
  private final Clock clock;

  TableKeys(
      ConsoleModel model,
      PaneOpener panes,
      Requests requests,
      ConsoleServices services,
      MessageLine messages) {
    this.model = model;
    this.table = model.table();
    this.panes = panes;
    this.requests = requests;
    this.services = services;
    this.messages = messages;
    this.clock = model.options().clock();
  }

  private long now() {
    return clock.millis() / 1000;
  }

  /** A table action. */
  void perform(Action a) {
    behaviour(a).run();
  }

  private Runnable behaviour(Action a) {
    ProcessTable t = table;
    long now = now();
    return switch (a) {
      case MOVE_DOWN -> () -> t.move(1, now);
      case MOVE_UP -> () -> t.move(-1, now);
      case MOVE_TOP -> () -> t.moveToTop(now);
      case MOVE_BOTTOM -> () -> t.moveToBottom(now);
      case PAGE_UP -> () -> t.move(-t.pageRows(), now);
      case PAGE_DOWN -> () -> t.move(t.pageRows(), now);
      case OPEN_LOG -> () -> panes.openSelectionPane(true);
      case OPEN_MERGED -> this::openMerged;
      case TAG -> this::tagAndMoveOn;
      case UNTAG_ALL -> t::untagAll;
      case START -> () -> requests.onSelection(Verb.START, null);
      case STOP -> () -> requests.onSelection(Verb.STOP, null);
      case RESTART -> () -> requests.onSelection(Verb.RESTART, null);
      case SIGNAL_MENU ->
          () -> requests.target().ifPresent(tg -> model.open(new Overlay.SignalMenu(tg)));
      case DETAILS -> this::details;
      case FILTER -> () -> model.open(new Overlay.Filter(t.filter()));
      case HIDE_STOPPED -> this::toggleHideStopped;
      case NEXT_FAILING -> this::nextFailing;
      case NEXT_SERVER -> () -> nextServer(1);
      case PREVIOUS_SERVER -> () -> nextServer(-1);
      case SORT_NAME -> () -> t.sortBy(Column.NAME);
      case SORT_STATE -> () -> t.sortBy(Column.STATE);
      case SORT_PID -> () -> t.sortBy(Column.PID);
      case SORT_UPTIME -> () -> t.sortBy(Column.UPTIME);
      case SORT_RESTARTS -> () -> t.sortBy(Column.RESTARTS);
      case SORT_EXIT -> () -> t.sortBy(Column.REASON);
      case SORT_CPU -> () -> t.sortBy(Column.CPU);
      case SORT_MEMORY -> () -> t.sortBy(Column.RSS);
      default -> throw new IllegalArgumentException("not a table action: " + a.id());
    };
  }

  /** A merged pane of the tagged processes, or else of the selected process's group. */
  private void openMerged() {
    List<String> tagged = table.tagged();
    if (tagged.size() > 1) {
      panes.openPane(new PaneSource.Tagged(tagged));
    } else if (tagged.size() == 1) {
      panes.openPane(new PaneSource.Process(tagged.get(0)));
    } else {
      table.selected(now()).ifPresent(r -> panes.openPane(new PaneSource.Group(r.group())));
    }
  }

  private void tagAndMoveOn() {
    table.toggleTag(now());
    table.move(1, now());
  }

  private void toggleHideStopped() {
    table.toggleHideStopped();
    messages.say(
        table.hidesStopped() ? "hiding stopped processes (H shows them)" : "showing all", false);
  }

  /** The first row of the next (or previous) server's, wrapping. */
  private void nextServer(int step) {
    if (!table.selectNextServer(step, now())) {
      messages.say("no other server", false);
    }
  }

  /** Selects the first row of {@code server} (the servers view's Enter); the filter clears. */
  @Override
  public void jumpToServer(String server) {
    if (!table.selectServer(server, now())) {
      table.setFilter("");
      if (!table.selectServer(server, now())) {
        messages.say("no process on " + server, false);
      }
    }
  }

  private void nextFailing() {
    if (!table.selectNextFailing(now())) {
      messages.say("no failing process", false);
    }
  }

  private void details() {
    table
        .selected(now())
        .ifPresent(
            r -> {
              model.open(new Overlay.Details(r.namespec()));
              services.loadDetails(r.namespec());
            });
  }

  @Override
  public void moveSelection(int rows) {
    table.move(rows, now());
  }

  @Override
  public void select(String namespec) {
    if (!table.select(namespec, now())) {
      table.setFilter("");
      table.select(namespec, now());
    }
  }

  @Override
  public void filter(String text) {
    table.setFilter(text);
  }

  @Override
  public boolean clearFilter() {
    if (table.filter().isEmpty()) {
      return false;
    }
    table.setFilter("");
    return true;
  }

  @Override
  public void sortBy(Column column) {
    table.sortBy(column);
  }

  @Override
  public void freeze(boolean on) {
    table.setFrozen(on);
  }

  /** A frame is due: the rows' order is brought up to that second (uptimes sort with the clock). */
  void frameDue(long nowSeconds) {
    table.refresh(nowSeconds);
  }

  /** The table shows {@code rows} process rows at the next frame (the view measured them). */
  void measured(int rows) {
    table.fitTo(rows, now());
  }
}
