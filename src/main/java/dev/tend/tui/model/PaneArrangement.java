package dev.tend.tui.model;

import dev.tend.api.ProcessState;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The log panes as a whole: opening them (the selection pane, splits, merged panes), closing them,
 * their sizes, what each one follows, and the layout kept between runs. UI thread only.
 *
 * <p>The selection pane shows whatever process the table selects; every other pane is pinned to
 * what it was opened on until {@code [}/{@code ]} moves it.
 */
final class PaneArrangement {
  /** Processes a merged pane follows at most (a tend server keeps 64 follows for all clients). */
  static final int MAX_MERGED = 12;

  /** A split leaves each half at least this big. */
  static final int MIN_COLUMNS = 16;

  static final int MIN_ROWS = 3;

  private static final int STEP_PERCENT = 5;

  private final ConsoleModel model;
  private final ConsoleServices services;
  private final EventSink sink;
  private final ConsoleController controller;

  PaneArrangement(
      ConsoleModel model, ConsoleServices services, EventSink sink, ConsoleController controller) {
    this.model = model;
    this.services = services;
    this.sink = sink;
    this.controller = controller;
  }

  private LogPane create(PaneSource source) {
    int id = model.nextPaneId++;
    int lines = model.options().logLines();
    LogPane p = new LogPane(id, source, lines, lines * 200L);
    model.panes.put(id, p);
    model.inboxes.put(id, new LogInbox(id, lines, sink));
    return p;
  }

  /** Opens the pane that shows the selected process (or focuses it when it is open). */
  void openSelectionPane(boolean focusIt) {
    Optional<ProcessRow> sel = model.table.selected(controller.nowSeconds());
    if (sel.isEmpty()) {
      return;
    }
    LogPane p = model.panes.get(model.selectionPane);
    if (p == null) {
      p = create(new PaneSource.Process(sel.get().namespec()));
      model.selectionPane = p.id();
      place(p.id(), false);
      startFollowing(p);
    }
    if (focusIt) {
      model.focus = p.id();
    }
  }

  /** Opens a pane pinned to {@code source} and focuses it. */
  void openPane(PaneSource source) {
    LogPane p = create(source);
    place(p.id(), true);
    startFollowing(p);
    model.focus = p.id();
    model.zoomed = false;
  }

  /**
   * Puts a new pane on screen: beside the focused log pane (when {@code besideFocus}) or the last
   * one, or below the table when it is the first.
   */
  private void place(int id, boolean besideFocus) {
    List<Integer> logs =
        model.layout.panes().stream().filter(i -> i != ConsoleModel.TABLE).toList();
    if (logs.isEmpty()) {
      model.layout = model.layout.split(ConsoleModel.TABLE, PaneLayout.Direction.STACKED, id, 45);
      return;
    }
    int next = besideFocus && logs.contains(model.focus) ? model.focus : logs.get(logs.size() - 1);
    model.layout = model.layout.split(next, PaneLayout.Direction.SIDE_BY_SIDE, id, 50);
  }

  /** Splits the focused log pane; the new pane shows the same log, pinned, and takes focus. */
  void split(LogPane from, PaneLayout.Direction direction) {
    Rect r = model.placed.get(from.id());
    boolean across = direction == PaneLayout.Direction.SIDE_BY_SIDE;
    if (r != null
        && !model.zoomed
        && (across ? r.width() < 2 * MIN_COLUMNS : r.height() < 2 * (MIN_ROWS + 1))) {
      controller.say(
          "this pane is too small to split "
              + (across ? "side by side" : "")
              + " ("
              + r.width()
              + "x"
              + r.height()
              + "); > makes it bigger, z zooms",
          true);
      return;
    }
    LogPane p = create(from.source());
    p.setStreams(from.streams());
    if (p.wraps() != from.wraps()) {
      p.toggleWrap();
    }
    if (p.showsTimestamps() != from.showsTimestamps()) {
      p.toggleTimestamps();
    }
    model.layout = model.layout.split(from.id(), direction, p.id(), 50);
    model.zoomed = false;
    model.focus = p.id();
    startFollowing(p);
  }

  /** Closes a log pane: its room goes to its neighbours, focus to the pane before it. */
  void close(int id) {
    List<Integer> order = model.layout.panes();
    int at = order.indexOf(id);
    LogInbox inbox = model.inboxes.remove(id);
    if (model.panes.remove(id) != null && inbox != null) {
      services.unfollow(id, inbox);
    }
    model.layout = model.layout.close(id);
    if (model.selectionPane == id) {
      model.selectionPane = -1;
    }
    List<Integer> left = model.layout.panes();
    model.focus = left.get(Math.max(0, Math.min(at - 1, left.size() - 1)));
    model.zoomed = false;
  }

  /** The selection pane shows the selected process; a new selection switches it. */
  void followSelection() {
    LogPane p = model.panes.get(model.selectionPane);
    if (p == null) {
      return;
    }
    model
        .table
        .selected(controller.nowSeconds())
        .map(r -> new PaneSource.Process(r.namespec()))
        .filter(s -> !s.equals(p.source()))
        .ifPresent(s -> show(p, s));
  }

  /** Shows another source in a pane, from its history. */
  void show(LogPane p, PaneSource s) {
    p.show(s);
    startFollowing(p);
  }

  /**
   * {@code [} and {@code ]}: a process pane shows the previous or next process of the table (the
   * selection pane moves the selection), a group pane the previous or next group.
   */
  void step(LogPane p, int step) {
    long now = controller.nowSeconds();
    switch (p.source()) {
      case PaneSource.Process proc -> {
        if (p.id() == model.selectionPane) {
          model.table.move(step, now);
          return;
        }
        List<String> names =
            model.table.visibleRows(now).stream().map(ProcessRow::namespec).toList();
        next(names, proc.namespec(), step).ifPresent(n -> show(p, new PaneSource.Process(n)));
      }
      case PaneSource.Group g ->
          next(List.copyOf(model.table.groups().keySet()), g.name(), step)
              .ifPresent(n -> show(p, new PaneSource.Group(n)));
      default -> controller.say("[ and ] move process and group panes; this one merges", false);
    }
  }

  private static Optional<String> next(List<String> names, String current, int step) {
    if (names.isEmpty()) {
      return Optional.empty();
    }
    int i = names.indexOf(current);
    int j = i < 0 ? 0 : Math.floorMod(i + step, names.size());
    return Optional.of(names.get(j));
  }

  /** Processes came or went: merged panes follow their new members. */
  void membersChanged() {
    for (LogPane p : model.panes.values()) {
      if (!p.source().merged()) {
        continue;
      }
      List<String> members = p.source().members(model.table);
      List<String> chosen = chooseFollowed(members, p.followed());
      if (!members.equals(p.members()) || !chosen.equals(p.followed())) {
        p.setMembers(members, chosen);
        LogInbox inbox = model.inboxes.get(p.id());
        if (inbox != null) {
          services.updateFollow(p.id(), inbox, chosen);
        }
      }
    }
  }

  private void startFollowing(LogPane p) {
    List<String> members = p.source().members(model.table);
    List<String> chosen = chooseFollowed(members, List.of());
    p.setMembers(members, chosen);
    LogInbox inbox = model.inboxes.get(p.id());
    if (inbox != null) {
      services.follow(p.id(), inbox, chosen);
    }
  }

  /**
   * Which members a pane follows: all of them up to {@link #MAX_MERGED}; beyond, those it follows
   * already (no seam, no repeated history), then running ones, in table order.
   */
  List<String> chooseFollowed(List<String> members, List<String> current) {
    if (members.size() <= MAX_MERGED) {
      return members;
    }
    List<String> chosen = new ArrayList<>();
    for (String m : members) {
      if (current.contains(m) && chosen.size() < MAX_MERGED) {
        chosen.add(m);
      }
    }
    for (boolean running : new boolean[] {true, false}) {
      for (String m : members) {
        boolean runs = model.table.row(m).map(r -> r.state() == ProcessState.RUNNING).orElse(false);
        if (runs == running && !chosen.contains(m) && chosen.size() < MAX_MERGED) {
          chosen.add(m);
        }
      }
    }
    return members.stream().filter(chosen::contains).toList();
  }

  /** Every pane follows its logs again from their history (after the server came back). */
  void refollowAll() {
    for (LogPane p : model.panes.values()) {
      show(p, p.source());
    }
  }

  void resize(int sign) {
    if (!model.zoomed) {
      model.layout = model.layout.resize(model.focus, sign * STEP_PERCENT);
    }
  }

  void equalize() {
    model.layout = model.layout.equalize(model.focus);
  }

  /** The first processes are known: the saved layout comes back, or the selection pane opens. */
  void firstProcesses() {
    SavedLayout saved = model.restore;
    model.restore = null;
    if (saved == null) {
      openSelectionPane(false);
      return;
    }
    String first =
        model.table.selected(controller.nowSeconds()).map(ProcessRow::namespec).orElse("");
    for (Map.Entry<Integer, SavedLayout.Pane> e : new LinkedHashMap<>(saved.panes()).entrySet()) {
      SavedLayout.Pane spec = e.getValue();
      boolean selection = spec.source() == null && model.selectionPane < 0;
      PaneSource source = spec.source() == null ? new PaneSource.Process(first) : spec.source();
      int lines = model.options().logLines();
      LogPane p = new LogPane(e.getKey(), source, lines, lines * 200L);
      p.setStreams(spec.streams());
      if (!spec.wrap()) {
        p.toggleWrap();
      }
      if (spec.timestamps()) {
        p.toggleTimestamps();
      }
      model.panes.put(p.id(), p);
      model.inboxes.put(p.id(), new LogInbox(p.id(), lines, sink));
      model.nextPaneId = Math.max(model.nextPaneId, p.id() + 1);
      if (selection) {
        model.selectionPane = p.id();
      }
      startFollowing(p);
    }
    model.layout = saved.layout();
    model.focus = saved.focus();
  }

  /** Hands the layout over to be kept when it changed since it was last handed over. */
  void saveIfChanged() {
    Path file = model.options().layoutFile();
    if (file == null || model.awaitingFirstBatch) {
      return; // nothing kept, or the saved layout is not restored yet
    }
    Map<Integer, SavedLayout.Pane> specs = new LinkedHashMap<>();
    for (LogPane p : model.panes.values()) {
      specs.put(
          p.id(),
          new SavedLayout.Pane(
              p.id() == model.selectionPane ? null : p.source(),
              p.streams(),
              p.wraps(),
              p.showsTimestamps()));
    }
    String text = new SavedLayout(model.layout, specs, model.focus).encode();
    if (!text.equals(model.savedLayout)) {
      model.savedLayout = text;
      services.saveLayout(
          file,
          "# tend console layout for "
              + model.options().stateKey()
              + " (rewritten by tend)\n"
              + text);
    }
  }
}
