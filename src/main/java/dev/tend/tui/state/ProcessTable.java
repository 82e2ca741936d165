package dev.tend.tui.state;

import dev.tend.api.ChangeBatch;
import dev.tend.api.Health;
import dev.tend.api.ProcessInfo;
import dev.tend.api.ProcessState;
import dev.tend.api.ProcessStats;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The process table's state: rows keyed by namespec in the server's order, and what the user did to
 * the view of them (selection, sort, filter, hide stopped, tags, freeze). Owned by the UI thread.
 *
 * <p>The selection follows its process across updates and re-sorts; when that process goes away or
 * is filtered out, the row now at the same position is selected.
 *
 * <p>The methods that take {@code now} (epoch seconds) bring the order up to that second first
 * (sorting by uptime changes with the clock) and are the controller's; the reads without it are
 * pure and return the table as last brought up to date, which is what the view draws.
 */
public final class ProcessTable {
  // UI thread only. All rows in server order, updated by change batches.
  private final Map<String, ProcessRow> live = new LinkedHashMap<>();
  // UI thread only. What is shown: == live, or the snapshot taken when the screen was frozen.
  private Map<String, ProcessRow> shown = live;
  // UI thread only. Last stats by namespec, merged into rows as they change.
  private final Map<String, ProcessStats> stats = new HashMap<>();
  private final ObservedRestarts restarts = new ObservedRestarts();
  // UI thread only. Tagged namespecs, in tagging order; only existing processes.
  private final Set<String> tags = new LinkedHashSet<>();
  // UI thread only; null when the table is empty.
  private @Nullable String selected;
  // UI thread only. Index of the selection in the visible list, for when its process disappears.
  private int selectedIndex;
  // UI thread only, the four below: how the rows are ordered and narrowed
  private Column sortColumn = Column.NAME;
  private boolean ascending = true;
  private String filter = "";
  private boolean hideStopped;
  // UI thread only: whether any stats sample had values (else CPU and RSS are left out)
  private boolean statsSeen;
  // UI thread only. Whether a live row has a health check; recomputed by each apply.
  private boolean healthSeen;
  // UI thread only. The visible rows as last computed; stale when something changed since.
  private List<ProcessRow> visible = List.of();
  // UI thread only. Whether visible must be computed again.
  private boolean stale = true;
  // UI thread only. First visible row index on screen (scroll position of the table).
  private int top;
  // UI thread only. Rows the table showed at the last frame (PgUp/PgDn move by it); 1 or more.
  private int pageRows = 10;
  // UI thread only. Epoch seconds the visible order was computed for (uptime sorts change).
  private long sortedAt;

  /** Applies what the one server says changed. */
  public void apply(ChangeBatch batch) {
    apply("", batch);
  }

  /** Applies what {@code server} says changed; the rows of other servers stay as they are. */
  public void apply(String server, ChangeBatch batch) {
    if (batch.full()) {
      Set<String> listed = new HashSet<>();
      batch.processes().forEach(p -> listed.add(ServerKey.of(server, p.namespec())));
      for (ProcessRow row : new ArrayList<>(live.values())) {
        if (row.server().equals(server) && !listed.contains(row.namespec())) {
          remove(row.namespec());
        }
      }
    }
    for (ProcessInfo info : batch.processes()) {
      String key = ServerKey.of(server, info.namespec());
      ObservedRestarts.Restarts r = restarts.observe(key, info);
      live.put(key, new ProcessRow(server, info, r.count(), r.lastAt(), stats.get(key)));
    }
    batch.removed().forEach(n -> remove(ServerKey.of(server, n)));
    healthSeen = false;
    for (ProcessRow r : live.values()) {
      healthSeen |= r.info().health().status() != Health.Status.NONE;
    }
    changed();
  }

  /**
   * A person asked to start or restart these processes: their next spawn is not counted as a
   * restart (servers that count restarts themselves are believed instead).
   */
  public void spawnAsked(Target target) {
    spawnAsked("", target);
  }

  /** As {@link #spawnAsked(Target)}, for a target in the names of {@code server}. */
  public void spawnAsked(String server, Target target) {
    switch (target) {
      case Target.One one -> restarts.asked(ServerKey.of(server, one.namespec()));
      case Target.Several several ->
          several.namespecs().forEach(n -> restarts.asked(ServerKey.of(server, n)));
      case Target.Group g ->
          live.entrySet().stream()
              .filter(e -> ServerKey.server(e.getKey()).equals(server))
              .filter(e -> e.getValue().info().group().equals(g.group()))
              .forEach(e -> restarts.asked(e.getKey()));
      case Target.All all ->
          live.keySet().stream()
              .filter(k -> ServerKey.server(k).equals(server))
              .forEach(restarts::asked);
    }
  }

  private void remove(String namespec) {
    live.remove(namespec);
    stats.remove(namespec);
    tags.remove(namespec);
    restarts.forget(namespec);
  }

  /** Merges a stats sample; processes missing from it have no stats (not running). */
  public void applyStats(List<ProcessStats> sample) {
    applyStats("", sample);
  }

  /** Merges a sample of {@code server}; its processes missing from it have no stats. */
  public void applyStats(String server, List<ProcessStats> sample) {
    statsSeen |= !sample.isEmpty();
    stats.keySet().removeIf(k -> ServerKey.server(k).equals(server));
    sample.forEach(s -> stats.put(ServerKey.of(server, s.namespec()), s));
    live.replaceAll((k, row) -> row.server().equals(server) ? row.withStats(stats.get(k)) : row);
    changed();
  }

  /**
   * Whether any process has a health check (tend's {@code health_*} keys), else the HEALTH column
   * is left out; a supervisord never reports one.
   */
  public boolean hasHealth() {
    return healthSeen;
  }

  /** Whether CPU% and RSS have ever had a value (else those columns are left out). */
  public boolean hasStats() {
    return statsSeen;
  }

  /** Rows after filter and hide-stopped, in sort order at {@code now}. */
  public List<ProcessRow> visibleRows(long now) {
    refresh(now);
    return visible;
  }

  /** The visible rows as last brought up to date (what the view draws). */
  public List<ProcessRow> visibleRows() {
    return visible;
  }

  /**
   * Brings the visible rows up to {@code now}: filtered and sorted again when anything changed, or
   * when they are sorted by time and the second moved on; the selection follows its process.
   */
  public void refresh(long now) {
    boolean timeSorted = sortColumn == Column.UPTIME || sortColumn == Column.RESTARTS;
    if (stale || (timeSorted && now != sortedAt)) {
      List<ProcessRow> rows = new ArrayList<>();
      for (ProcessRow r : shown.values()) {
        if (passes(r)) {
          rows.add(r);
        }
      }
      var order = sortColumn.comparator(now);
      rows.sort(ascending ? order : order.reversed());
      visible = Collections.unmodifiableList(rows);
      stale = false;
      sortedAt = now;
      reselect(visible);
    }
  }

  private boolean passes(ProcessRow r) {
    if (hideStopped && (r.state() == ProcessState.STOPPED || r.state() == ProcessState.EXITED)) {
      return r.failing();
    }
    if (filter.isEmpty()) {
      return true;
    }
    for (String word : filter.toLowerCase(Locale.ROOT).split("\\s+")) {
      if (!matches(r, word)) {
        return false;
      }
    }
    return true;
  }

  /**
   * One word of the filter: {@code @web} keeps the rows of the servers whose name starts with
   * {@code web}; another word a part of the name, or the start of the state.
   */
  private static boolean matches(ProcessRow r, String word) {
    if (word.startsWith("@")) {
      return r.server().toLowerCase(Locale.ROOT).startsWith(word.substring(1));
    }
    return r.localNamespec().toLowerCase(Locale.ROOT).contains(word)
        || r.state().name().toLowerCase(Locale.ROOT).startsWith(word);
  }

  private void reselect(List<ProcessRow> rows) {
    if (rows.isEmpty()) {
      selectedIndex = 0;
      return;
    }
    if (selected != null) {
      for (int i = 0; i < rows.size(); i++) {
        if (rows.get(i).namespec().equals(selected)) {
          selectedIndex = i;
          return;
        }
      }
    }
    selectedIndex = Math.min(Math.max(0, selectedIndex), rows.size() - 1);
    selected = rows.get(selectedIndex).namespec();
  }

  /** The selected row, if any row is visible. */
  public Optional<ProcessRow> selected(long now) {
    List<ProcessRow> rows = visibleRows(now);
    return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(selectedIndex));
  }

  public int selectedIndex(long now) {
    refresh(now);
    return selectedIndex;
  }

  /** The selection's index in the visible rows, as last brought up to date. */
  public int selectedIndex() {
    return selectedIndex;
  }

  /** Moves the selection by {@code delta} rows, stopping at the ends. */
  public void move(int delta, long now) {
    List<ProcessRow> rows = visibleRows(now);
    if (rows.isEmpty()) {
      return;
    }
    selectedIndex = Math.max(0, Math.min(rows.size() - 1, selectedIndex + delta));
    selected = rows.get(selectedIndex).namespec();
  }

  public void moveToTop(long now) {
    move(Integer.MIN_VALUE / 2, now);
  }

  public void moveToBottom(long now) {
    move(Integer.MAX_VALUE / 2, now);
  }

  /** Selects a process by name; false when it is not visible. */
  public boolean select(String namespec, long now) {
    List<ProcessRow> rows = visibleRows(now);
    for (int i = 0; i < rows.size(); i++) {
      if (rows.get(i).namespec().equals(namespec)) {
        selectedIndex = i;
        selected = namespec;
        return true;
      }
    }
    return false;
  }

  /** Selects the next failing process after the selection, wrapping; false when there is none. */
  public boolean selectNextFailing(long now) {
    List<ProcessRow> rows = visibleRows(now);
    for (int step = 1; step <= rows.size(); step++) {
      int i = (selectedIndex + step) % rows.size();
      if (rows.get(i).failing()) {
        selectedIndex = i;
        selected = rows.get(i).namespec();
        return true;
      }
    }
    return false;
  }

  /**
   * Selects the first visible row of the next server after the selection's ({@code step} 1) or of
   * the previous one (-1), wrapping; false when no other server has a visible row.
   */
  public boolean selectNextServer(int step, long now) {
    List<ProcessRow> rows = visibleRows(now);
    if (rows.isEmpty()) {
      return false;
    }
    List<String> servers = new ArrayList<>();
    rows.forEach(
        r -> {
          if (!servers.contains(r.server())) {
            servers.add(r.server());
          }
        });
    if (servers.size() < 2) {
      return false;
    }
    int at = servers.indexOf(rows.get(selectedIndex).server());
    String next = servers.get(Math.floorMod(at + step, servers.size()));
    return selectServer(next, now);
  }

  /** Selects the first visible row of {@code server}; false when it has none. */
  public boolean selectServer(String server, long now) {
    List<ProcessRow> rows = visibleRows(now);
    for (int i = 0; i < rows.size(); i++) {
      if (rows.get(i).server().equals(server)) {
        selectedIndex = i;
        selected = rows.get(i).namespec();
        return true;
      }
    }
    return false;
  }

  /** Tags or untags the selected process. */
  public void toggleTag(long now) {
    selected(now)
        .ifPresent(
            r -> {
              if (!tags.remove(r.namespec())) {
                tags.add(r.namespec());
              }
            });
  }

  public void untagAll() {
    tags.clear();
  }

  public boolean isTagged(String namespec) {
    return tags.contains(namespec);
  }

  /** Tagged processes in tagging order. */
  public List<String> tagged() {
    return List.copyOf(tags);
  }

  /** Sorts by a column; the same column again reverses the order. */
  public void sortBy(Column column) {
    ascending = column != sortColumn || !ascending;
    sortColumn = column;
    changed();
  }

  public Column sortColumn() {
    return sortColumn;
  }

  public boolean ascending() {
    return ascending;
  }

  /** Shows only processes whose name contains {@code text} or whose state starts with it. */
  public void setFilter(String text) {
    filter = text.strip();
    changed();
  }

  public String filter() {
    return filter;
  }

  /** Hides STOPPED and EXITED processes that ended well; failures stay visible. */
  public void toggleHideStopped() {
    hideStopped = !hideStopped;
    changed();
  }

  public boolean hidesStopped() {
    return hideStopped;
  }

  /** Freezes what is shown (updates keep arriving) or shows the live rows again. */
  public void setFrozen(boolean frozen) {
    shown = frozen ? new LinkedHashMap<>(live) : live;
    changed();
  }

  public boolean isFrozen() {
    return shown != live;
  }

  /** A live row by name. */
  public Optional<ProcessRow> row(String namespec) {
    return Optional.ofNullable(live.get(namespec));
  }

  /** All live rows in server order. */
  public List<ProcessRow> all() {
    return List.copyOf(live.values());
  }

  public int size() {
    return live.size();
  }

  /** Processes per state, over all live rows (not only the visible ones). */
  public Map<ProcessState, Integer> counts() {
    Map<ProcessState, Integer> counts = new EnumMap<>(ProcessState.class);
    live.values().forEach(r -> counts.merge(r.state(), 1, Integer::sum));
    return counts;
  }

  /** Group names, in server order, with how many processes each has. */
  public Map<String, Integer> groups() {
    Map<String, Integer> groups = new LinkedHashMap<>();
    live.values().forEach(r -> groups.merge(r.group(), 1, Integer::sum));
    return groups;
  }

  /**
   * The table shows {@code height} rows (the view measured them): paging moves by that much, and
   * the first row shown keeps the selection in view.
   */
  public void fitTo(int height, long now) {
    pageRows = Math.max(1, height);
    scrollTop(height, now);
  }

  /** Rows the table showed at the last frame: what PgUp and PgDn move by. */
  public int pageRows() {
    return pageRows;
  }

  /** The first row shown on screen, as last fitted. */
  public int top() {
    return top;
  }

  /** First row shown on screen, kept so the selection stays within {@code height} rows. */
  public int scrollTop(int height, long now) {
    int sel = selectedIndex(now);
    int rows = visibleRows(now).size();
    if (height <= 0) {
      return 0;
    }
    if (sel < top) {
      top = sel;
    } else if (sel >= top + height) {
      top = sel - height + 1;
    }
    top = Math.max(0, Math.min(top, Math.max(0, rows - height)));
    return top;
  }

  private void changed() {
    stale = true;
  }
}
