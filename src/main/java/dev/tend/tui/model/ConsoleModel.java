package dev.tend.tui.model;

import dev.tend.tui.keymap.KeyContext;
import dev.tend.tui.keymap.Keymap;
import dev.tend.tui.model.ConsoleOptions.ExitChoice;
import dev.tend.tui.theme.ColorDepth;
import dev.tend.tui.theme.Theme;
import dev.tend.tui.theme.ThemeCatalog;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Everything the console shows, owned by the UI thread: the process table, the log panes and how
 * they are laid out, which pane has focus, the overlay, the message line, the server's status, the
 * theme. {@link ConsoleController} changes it; the view reads it. Background threads never touch
 * it: they post {@link ConsoleEvent}s.
 */
public final class ConsoleModel {
  /** The process table's pane id in the layout. */
  public static final int TABLE = 0;

  /** The first log pane's id (later panes count up from it). */
  public static final int LOG = 1;

  private final ConsoleOptions options;
  private final Keymap keymap;
  private final ThemeCatalog catalog;
  private final ColorDepth depth;
  private final Glyphs glyphs;
  private final List<String> startupWarnings;
  final ProcessTable table = new ProcessTable();
  final CommandHistory history = new CommandHistory();
  // all below: UI thread only
  final Map<Integer, LogPane> panes = new HashMap<>();
  final Map<Integer, LogInbox> inboxes = new HashMap<>();
  PaneLayout layout = PaneLayout.single(TABLE);
  int focus = TABLE;
  boolean zoomed;
  @Nullable Overlay overlay;
  @Nullable Message message;
  Connection connection = Connection.connecting();
  boolean frozen;
  String themeName;
  Theme theme;
  @Nullable ExitChoice exit;
  // set by Ctrl-L, cleared by the view once it repainted everything
  boolean fullRedraw;
  // rows of the table and of each log pane at the last render, for paging
  int tableRows = 10;
  // true until the first batch arrived (the log pane opens on the first process then)
  boolean awaitingFirstBatch = true;
  // the pane that shows the table's selected process; -1 for none
  int selectionPane = -1;
  // the id the next new pane gets
  int nextPaneId = LOG;
  // where each pane was drawn at the last frame (the view reports it), to refuse useless splits
  Map<Integer, Rect> placed = Map.of();
  // set by the controller, taken by the view: a file to show in $PAGER
  @Nullable Path pagerFile;
  // set by the controller, taken by the view: text for the terminal's clipboard
  @Nullable String clipboard;
  // the layout read at startup, applied once the first processes are known; then null
  @Nullable SavedLayout restore;
  // the layout last handed over to be saved (unchanged layouts are not written again)
  String savedLayout = "";

  ConsoleModel(
      ConsoleOptions options,
      Keymap keymap,
      ThemeCatalog catalog,
      ColorDepth depth,
      String themeName,
      Theme theme,
      List<String> startupWarnings) {
    this.options = options;
    this.keymap = keymap;
    this.catalog = catalog;
    this.depth = depth;
    this.glyphs = Glyphs.of(options.unicode());
    this.themeName = themeName;
    this.theme = theme;
    this.startupWarnings = List.copyOf(startupWarnings);
  }

  public ConsoleOptions options() {
    return options;
  }

  public Keymap keymap() {
    return keymap;
  }

  public ThemeCatalog themes() {
    return catalog;
  }

  public ColorDepth colorDepth() {
    return depth;
  }

  public Glyphs glyphs() {
    return glyphs;
  }

  public ProcessTable table() {
    return table;
  }

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
    return Optional.ofNullable(panes.get(id));
  }

  /** The pane that shows the table's selected process, or -1. */
  public int selectionPane() {
    return selectionPane;
  }

  /** The view reports where it drew each pane (for splits, and paging the table). */
  public void setPlaced(Map<Integer, Rect> where) {
    placed = Map.copyOf(where);
  }

  /** A file the user asked to see in $PAGER, once (reading clears it). */
  public @Nullable Path takePagerFile() {
    Path f = pagerFile;
    pagerFile = null;
    return f;
  }

  /** Text the user copied, for the terminal's clipboard, once (reading clears it). */
  public @Nullable String takeClipboard() {
    String c = clipboard;
    clipboard = null;
    return c;
  }

  public @Nullable Overlay overlay() {
    return overlay;
  }

  /** The message to show at {@code now}, if one is current. */
  public Optional<Message> message(long now) {
    Message m = message;
    return m != null && m.until() > now ? Optional.of(m) : Optional.empty();
  }

  public Connection connection() {
    return connection;
  }

  public boolean frozen() {
    return frozen;
  }

  public String themeName() {
    return themeName;
  }

  /** The theme to draw with, already mapped down to the terminal's colours. */
  public Theme theme() {
    return theme;
  }

  public List<String> startupWarnings() {
    return startupWarnings;
  }

  /** Set when the console should end, with what the caller should do. */
  public @Nullable ExitChoice exit() {
    return exit;
  }

  /** Whether the whole screen must be repainted (Ctrl-L); reading clears it. */
  public boolean takeFullRedraw() {
    boolean r = fullRedraw;
    fullRedraw = false;
    return r;
  }

  /** The whole screen is drawn again at the next frame (after the pager had the terminal). */
  public void requestFullRedraw() {
    fullRedraw = true;
  }

  /** The view reports how many table rows fit, for PgUp/PgDn. */
  public void setTableRows(int rows) {
    tableRows = Math.max(1, rows);
  }

  public CommandHistory history() {
    return history;
  }
}
