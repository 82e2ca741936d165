package dev.tend.tui.control;

import dev.tend.api.LogStream;
import dev.tend.api.ProcessState;
import dev.tend.tui.feed.ConsoleServices;
import dev.tend.tui.feed.LogResume;
import dev.tend.tui.state.ConsoleModel;
import dev.tend.tui.state.ConsoleOptions;
import dev.tend.tui.state.LogBuffer;
import dev.tend.tui.state.LogLine;
import dev.tend.tui.state.LogPane;
import dev.tend.tui.state.PaneLayout;
import dev.tend.tui.state.PaneSource;
import dev.tend.tui.state.Panes;
import dev.tend.tui.state.ProcessRow;
import dev.tend.tui.state.ProcessTable;
import dev.tend.tui.state.Rect;
import dev.tend.tui.state.SavedLayout;
import dev.tend.tui.state.ServerKey;
import dev.tend.tui.state.StreamKey;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The log panes as a whole, and the one writer of {@link Panes}: opening them (the selection pane,
 * splits, merged panes), closing them, their focus and sizes, what each one follows, and the layout
 * kept between runs. UI thread only.
 *
 * <p>The selection pane shows whatever process the table selects; every other pane is pinned to
 * what it was opened on until {@code [}/{@code ]} moves it.
 */
final class PaneArrangement implements PaneOpener, PaneFocus {
  /** Processes a merged pane follows at most (a tend server keeps 64 follows for all clients). */
  static final int MAX_MERGED = 12;

  /** A split leaves each half at least this big. */
  static final int MIN_COLUMNS = 16;

  static final int MIN_ROWS = 3;

  private final Panes panes;
  private final ProcessTable table;
  private final ConsoleOptions options;
  private final ConsoleServices services;
  private final PaneFollows follows;
  private final MessageLine messages;
  private final Clock clock;
  // UI thread only: the layout read at startup until the first processes are known; then null
  private @Nullable SavedLayout restore;
  // UI thread only: true until the first batch arrived (the log pane opens on the first process)
  private boolean awaitingFirstBatch = true;
  // UI thread only: the layout last handed over to be saved (unchanged layouts are not written)
  private String savedLayout = "";

  PaneArrangement(
      ConsoleModel model, ConsoleServices services, PaneFollows follows, MessageLine messages) {
    this.panes = model.panes();
    this.table = model.table();
    this.options = model.options();
    this.services = services;
    this.follows = follows;
    this.messages = messages;
    this.clock = options.clock();
    this.restore = model.savedLayout();
  }

  private long nowSeconds() {
    return clock.millis() / 1000;
  }

  private LogPane create(int id, PaneSource source) {
    int lines = options.logLines();
    LogPane p = new LogPane(id, source, lines, lines * 200L);
    follows.open(id);
    return p;
  }

  @Override
  public void openSelectionPane(boolean focusIt) {
    Optional<ProcessRow> sel = table.selected(nowSeconds());
    if (sel.isEmpty()) {
      return;
    }
    LogPane p = panes.pane(panes.selectionPane()).orElse(null);
    if (p == null) {
      p = create(panes.newId(), new PaneSource.Process(sel.get().namespec()));
      panes.setSelectionPane(p.id());
      panes.add(p, false);
      startFollowing(p);
    }
    if (focusIt) {
      panes.focus(p.id());
    }
  }

  @Override
  public void openPane(PaneSource source) {
    LogPane p = create(panes.newId(), source);
    panes.add(p, true);
    startFollowing(p);
    panes.focus(p.id());
    panes.unzoom();
  }

  @Override
  public void showSelection(LogPane.Streams streams) {
    openSelectionPane(true);
    followSelection();
    panes.pane(panes.selectionPane()).ifPresent(p -> p.setStreams(streams));
  }

  @Override
  public void split(LogPane from, PaneLayout.Direction direction) {
    Rect r = panes.placed(from.id());
    boolean across = direction == PaneLayout.Direction.SIDE_BY_SIDE;
    if (r != null
        && !panes.zoomed()
        && (across ? r.width() < 2 * MIN_COLUMNS : r.height() < 2 * (MIN_ROWS + 1))) {
      messages.say(
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
    LogPane p = create(panes.newId(), from.source());
    p.setStreams(from.streams());
    if (p.wraps() != from.wraps()) {
      p.toggleWrap();
    }
    if (p.showsTimestamps() != from.showsTimestamps()) {
      p.toggleTimestamps();
    }
    panes.split(from.id(), direction, p);
    startFollowing(p);
  }

  @Override
  public void close(int id) {
    if (panes.close(id) != null) {
      follows.close(id);
    }
  }

  /** The selection pane shows the selected process; a new selection switches it. */
  void followSelection() {
    LogPane p = panes.pane(panes.selectionPane()).orElse(null);
    if (p == null) {
      return;
    }
    table
        .selected(nowSeconds())
        .map(r -> new PaneSource.Process(r.namespec()))
        .filter(s -> !s.equals(p.source()))
        .ifPresent(s -> show(p, s));
  }

  /** Shows another source in a pane, from its history. */
  private void show(LogPane p, PaneSource s) {
    p.show(s);
    startFollowing(p);
  }

  @Override
  public void step(LogPane p, int step) {
    switch (p.source()) {
      case PaneSource.Process proc -> {
        List<String> names =
            table.visibleRows(nowSeconds()).stream().map(ProcessRow::namespec).toList();
        next(names, proc.namespec(), step).ifPresent(n -> show(p, new PaneSource.Process(n)));
      }
      case PaneSource.Group g ->
          next(List.copyOf(table.groups().keySet()), g.name(), step)
              .ifPresent(n -> show(p, new PaneSource.Group(n)));
      default -> messages.say("[ and ] move process and group panes; this one merges", false);
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

  /**
   * Processes arrived: the first time, the saved layout comes back (or the first log pane opens);
   * merged panes follow processes that joined or left.
   */
  void processesChanged() {
    if (awaitingFirstBatch && table.size() > 0) {
      awaitingFirstBatch = false;
      firstProcesses();
    }
    membersChanged();
  }

  /** Lines wait in a pane's inbox: they go into the pane. */
  void linesArrived(int pane) {
    follows.drain(panes.pane(pane).orElse(null));
  }

  /** Processes came or went: merged panes follow their new members. */
  private void membersChanged() {
    for (LogPane p : panes.logPanes()) {
      if (!p.source().merged()) {
        continue;
      }
      List<String> members = p.source().members(table);
      List<String> chosen = chooseFollowed(members, p.followed());
      if (!members.equals(p.members()) || !chosen.equals(p.followed())) {
        p.setMembers(members, chosen);
        follows.update(p.id(), chosen);
      }
    }
  }

  private void startFollowing(LogPane p) {
    List<String> members = p.source().members(table);
    List<String> chosen = chooseFollowed(members, List.of());
    p.setMembers(members, chosen);
    follows.follow(p.id(), chosen);
  }

  /**
   * Which members a pane follows: all of them up to {@link #MAX_MERGED}; beyond, those it follows
   * already (no seam, no repeated history), then running ones, in table order.
   */
  private List<String> chooseFollowed(List<String> members, List<String> current) {
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
        boolean runs = table.row(m).map(r -> r.state() == ProcessState.RUNNING).orElse(false);
        if (runs == running && !chosen.contains(m) && chosen.size() < MAX_MERGED) {
          chosen.add(m);
        }
      }
    }
    return members.stream().filter(chosen::contains).toList();
  }

  /**
   * {@code server} ("" with one) came back: the panes that show its processes follow them again
   * from where their lines end, after a marker line that says the gap ({@code marker}); other
   * panes, and other servers' processes in a merged pane, go on untouched.
   */
  void resumeServer(String server, String marker) {
    for (LogPane p : panes.logPanes()) {
      List<String> mine =
          p.followed().stream().filter(k -> ServerKey.server(k).equals(server)).toList();
      if (mine.isEmpty()) {
        continue;
      }
      follows.drain(p); // what the ended follows still had waiting goes in before the marker
      p.append(new LogLine(0, LogLine.Kind.NOTICE, null, "", clock.millis(), marker, List.of(), 0));
      follows.resume(p.id(), mine, lastLines(p, mine));
    }
  }

  /** The pane's last lines of each stream of {@code keys}, oldest first (what a resume skips). */
  private static Map<StreamKey, List<String>> lastLines(LogPane p, List<String> keys) {
    Map<StreamKey, List<String>> seen = new HashMap<>();
    LogBuffer b = p.buffer();
    int full = 0;
    for (long i = b.next() - 1; i >= b.first() && full < 2 * keys.size(); i--) {
      LogLine l = b.get(i);
      LogStream stream = l == null ? null : l.stream();
      if (l == null || stream == null || l.kind() != LogLine.Kind.TEXT) {
        continue;
      }
      if (keys.contains(l.source())) {
        List<String> lines =
            seen.computeIfAbsent(new StreamKey(l.source(), stream), k -> new ArrayList<>());
        if (lines.size() < LogResume.SEEN_LINES) {
          lines.addFirst(l.text());
          full += lines.size() == LogResume.SEEN_LINES ? 1 : 0;
        }
      }
    }
    return seen;
  }

  /** The first processes are known: the saved layout comes back, or the selection pane opens. */
  private void firstProcesses() {
    SavedLayout saved = restore;
    restore = null;
    if (saved == null) {
      openSelectionPane(false);
      return;
    }
    String first = table.selected(nowSeconds()).map(ProcessRow::namespec).orElse("");
    List<LogPane> restored = new ArrayList<>();
    int selection = -1;
    for (Map.Entry<Integer, SavedLayout.Pane> e : new LinkedHashMap<>(saved.panes()).entrySet()) {
      SavedLayout.Pane spec = e.getValue();
      PaneSource source = spec.source() == null ? new PaneSource.Process(first) : spec.source();
      LogPane p = create(e.getKey(), source);
      p.setStreams(spec.streams());
      if (!spec.wrap()) {
        p.toggleWrap();
      }
      if (spec.timestamps()) {
        p.toggleTimestamps();
      }
      if (spec.source() == null && selection < 0) {
        selection = p.id();
      }
      restored.add(p);
    }
    panes.restore(saved.layout(), saved.focus(), restored, selection);
    restored.forEach(this::startFollowing);
  }

  /** Hands the layout over to be kept when it changed since it was last handed over. */
  void saveIfChanged() {
    Path file = options.layoutFile();
    if (file == null || awaitingFirstBatch) {
      return; // nothing kept, or the saved layout is not restored yet
    }
    Map<Integer, SavedLayout.Pane> specs = new LinkedHashMap<>();
    for (LogPane p : panes.logPanes()) {
      specs.put(
          p.id(),
          new SavedLayout.Pane(
              p.id() == panes.selectionPane() ? null : p.source(),
              p.streams(),
              p.wraps(),
              p.showsTimestamps()));
    }
    String text = new SavedLayout(panes.layout(), specs, panes.focus()).encode();
    if (!text.equals(savedLayout)) {
      savedLayout = text;
      services.saveLayout(
          file,
          "# tend console layout for " + options.stateKey() + " (rewritten by tend)\n" + text);
    }
  }

  /** The view measured the panes: where each is drawn, and each log pane's text area. */
  void measured(Map<Integer, Rect> places, Map<Integer, ScreenMeasure.TextArea> textAreas) {
    panes.setPlaced(places);
    textAreas.forEach(
        (id, area) -> panes.pane(id).ifPresent(p -> p.setViewport(area.width(), area.rows())));
  }

  // -- focus, zoom and room: Panes does the work; the keys come here --

  @Override
  public void cycleFocus(int step) {
    panes.cycleFocus(step);
  }

  @Override
  public void focusNumber(int n) {
    panes.focusNumber(n);
  }

  @Override
  public boolean focusTable() {
    return panes.focusTable();
  }

  @Override
  public void toggleZoom() {
    panes.toggleZoom();
  }

  @Override
  public boolean unzoom() {
    return panes.unzoom();
  }

  @Override
  public void resize(int sign) {
    panes.resize(sign);
  }

  @Override
  public void equalize() {
    panes.equalize();
  }

  @Override
  public void followAll(boolean on) {
    for (LogPane p : panes.logPanes()) {
      p.setFollow(on);
    }
  }
}
