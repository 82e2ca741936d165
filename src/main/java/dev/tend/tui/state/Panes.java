package dev.tend.tui.state;

import dev.tend.tui.keymap.KeyContext;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The panes on screen: the log panes by id, how the body is divided between them and the process
 * table (the layout), which pane has focus, whether it is zoomed, which pane shows the table's
 * selection, and where the view last drew each. Owned by the UI thread; every change is one of the
 * operations below.
 */
public final class Panes {
  /** The process table's pane id in the layout. */
  public static final int TABLE = 0;

  /** The first log pane's id (later panes count up from it). */
  public static final int LOG = 1;

  /** A resize key moves this much of a split's room. */
  private static final int STEP_PERCENT = 5;

  // UI thread only, all below. The open log panes by id; each is in the layout.
  private final Map<Integer, LogPane> logs = new HashMap<>();
  private PaneLayout layout = PaneLayout.single(TABLE);
  // a pane of the layout
  private int focus = TABLE;
  private boolean zoomed;
  // the pane that shows the table's selected process; -1 for none
  private int selectionPane = -1;
  // the id the next new pane gets; above every id in use
  private int nextId = LOG;
  // where each pane was drawn at the last frame (the view reports it), to refuse useless splits
  private Map<Integer, Rect> placed = Map.of();

  public PaneLayout layout() {
    return layout;
  }

  public int focus() {
    return focus;
  }

  public boolean zoomed() {
    return zoomed;
  }

  /** The keymap context of the focused pane. */
  public KeyContext focusContext() {
    return focus == TABLE ? KeyContext.TABLE : KeyContext.LOG;
  }

  public Optional<LogPane> pane(int id) {
    return Optional.ofNullable(logs.get(id));
  }

  /** Every open log pane. */
  public Collection<LogPane> logPanes() {
    return logs.values();
  }

  /** The pane that shows the table's selected process, or -1. */
  public int selectionPane() {
    return selectionPane;
  }

  /** Where the view last drew a pane (null: not drawn yet, or not at the last frame). */
  public @Nullable Rect placed(int id) {
    return placed.get(id);
  }

  /** The id a new pane gets. */
  public int newId() {
    return nextId++;
  }

  /**
   * Puts a new pane on screen: beside the focused log pane (when {@code besideFocus}) or the last
   * one, or below the table when it is the first.
   */
  public void add(LogPane p, boolean besideFocus) {
    logs.put(p.id(), p);
    List<Integer> open = layout.panes().stream().filter(i -> i != TABLE).toList();
    if (open.isEmpty()) {
      layout = layout.split(TABLE, PaneLayout.Direction.STACKED, p.id(), 45);
      return;
    }
    int next = besideFocus && open.contains(focus) ? focus : open.get(open.size() - 1);
    layout = layout.split(next, PaneLayout.Direction.SIDE_BY_SIDE, p.id(), 50);
  }

  /** Puts {@code p} beside {@code from} (halving it), unzoomed, with focus on it. */
  public void split(int from, PaneLayout.Direction direction, LogPane p) {
    logs.put(p.id(), p);
    layout = layout.split(from, direction, p.id(), 50);
    zoomed = false;
    focus = p.id();
  }

  /** Closes a log pane: its room goes to its neighbours, focus to the pane before it. */
  public @Nullable LogPane close(int id) {
    List<Integer> order = layout.panes();
    int at = order.indexOf(id);
    LogPane gone = logs.remove(id);
    layout = layout.close(id);
    if (selectionPane == id) {
      selectionPane = -1;
    }
    List<Integer> left = layout.panes();
    focus = left.get(Math.max(0, Math.min(at - 1, left.size() - 1)));
    zoomed = false;
    return gone;
  }

  /**
   * Panes kept from the last run: their layout and focus ({@code panes} are what it places), and
   * which of them shows the selection (-1: none).
   */
  public void restore(PaneLayout kept, int focused, List<LogPane> panes, int selection) {
    for (LogPane p : panes) {
      logs.put(p.id(), p);
      nextId = Math.max(nextId, p.id() + 1);
    }
    layout = kept;
    focus = focused;
    selectionPane = selection;
  }

  public void setSelectionPane(int id) {
    selectionPane = id;
  }

  public void focus(int id) {
    focus = id;
  }

  /** Focus moves {@code step} panes on in reading order, wrapping. */
  public void cycleFocus(int step) {
    List<Integer> order = layout.panes();
    int i = order.indexOf(focus);
    focus = order.get(Math.floorMod(i + step, order.size()));
  }

  /** Focuses the {@code n}th pane in reading order (0 is the first); false when there is none. */
  public boolean focusNumber(int n) {
    List<Integer> order = layout.panes();
    if (n < 0 || n >= order.size()) {
      return false;
    }
    focus = order.get(n);
    return true;
  }

  /** Focus goes back to the table; false when it was there. */
  public boolean focusTable() {
    boolean moved = focus != TABLE;
    focus = TABLE;
    return moved;
  }

  public void toggleZoom() {
    zoomed = !zoomed;
  }

  /** Ends the zoom; false when nothing was zoomed. */
  public boolean unzoom() {
    boolean was = zoomed;
    zoomed = false;
    return was;
  }

  /** The focused pane grows ({@code sign} 1) or shrinks (-1) by a step; not while zoomed. */
  public void resize(int sign) {
    if (!zoomed) {
      layout = layout.resize(focus, sign * STEP_PERCENT);
    }
  }

  /** The focused pane and its siblings get the same room. */
  public void equalize() {
    layout = layout.equalize(focus);
  }

  /** The view reports where it drew each pane. */
  public void setPlaced(Map<Integer, Rect> where) {
    placed = Map.copyOf(where);
  }
}
