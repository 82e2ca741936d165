package dev.tend.tui.state;

import dev.tend.tui.keymap.KeyContext;
import dev.tend.tui.keymap.Keymap;
import dev.tend.tui.state.ConsoleOptions.ExitChoice;
import dev.tend.tui.theme.ColorDepth;
import dev.tend.tui.theme.Theme;
import dev.tend.tui.theme.ThemeCatalog;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Everything the console shows, owned by the UI thread: the process table, the panes, the overlay,
 * the message line, the server's status, the theme, and what the terminal itself is asked to do.
 * The controller changes it through the named operations here and on its parts; the view only reads
 * it. Background threads never touch it: they post events to the UI thread.
 */
public final class ConsoleModel {
  private final ConsoleOptions options;
  private final Keymap keymap;
  private final ThemeCatalog catalog;
  private final ColorDepth depth;
  private final List<String> startupWarnings;
  // the layout read at startup, applied once the first processes are known; null when none
  private final @Nullable SavedLayout savedLayout;
  private final ProcessTable table = new ProcessTable();
  private final Panes panes = new Panes();
  private final CommandHistory history = new CommandHistory();
  // UI thread only, all below
  private @Nullable Overlay overlay;
  private @Nullable Message message;
  private final ServerConnections servers = new ServerConnections();
  private boolean frozen;
  // the theme's name and the theme mapped down to the terminal's colours; changed together
  private String themeName;
  private Theme theme;
  private @Nullable ExitChoice exit;
  // set by Ctrl-L or a new theme, taken by the loop once it repainted everything
  private boolean fullRedraw;
  // set when a pane's text waits for $PAGER, taken by the loop
  private @Nullable Path pagerFile;
  // set by copy mode, taken by the loop: text for the terminal's clipboard
  private @Nullable String clipboard;

  public ConsoleModel(
      ConsoleOptions options,
      Keymap keymap,
      ThemeCatalog catalog,
      ColorDepth depth,
      String themeName,
      Theme theme,
      List<String> startupWarnings,
      @Nullable SavedLayout savedLayout) {
    this.options = options;
    this.keymap = keymap;
    this.catalog = catalog;
    this.depth = depth;
    this.themeName = themeName;
    this.theme = theme;
    this.startupWarnings = List.copyOf(startupWarnings);
    this.savedLayout = savedLayout;
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

  public ProcessTable table() {
    return table;
  }

  public Panes panes() {
    return panes;
  }

  public CommandHistory history() {
    return history;
  }

  public List<String> startupWarnings() {
    return startupWarnings;
  }

  /** The pane layout kept from the last run for this target (null: none, or unusable). */
  public @Nullable SavedLayout savedLayout() {
    return savedLayout;
  }

  // -- the panes, as the view reads them most --

  public PaneLayout layout() {
    return panes.layout();
  }

  public int focus() {
    return panes.focus();
  }

  public boolean zoomed() {
    return panes.zoomed();
  }

  public KeyContext focusContext() {
    return panes.focusContext();
  }

  public Optional<LogPane> pane(int id) {
    return panes.pane(id);
  }

  public int selectionPane() {
    return panes.selectionPane();
  }

  // -- the overlay --

  public @Nullable Overlay overlay() {
    return overlay;
  }

  /** Opens an overlay over the panes (it takes the keys until it closes). */
  public void open(Overlay o) {
    overlay = o;
  }

  public void closeOverlay() {
    overlay = null;
  }

  // -- the message line --

  /** The message to show at {@code now}, if one is current. */
  public Optional<Message> message(long now) {
    Message m = message;
    return m != null && m.until() > now ? Optional.of(m) : Optional.empty();
  }

  public void show(Message m) {
    message = m;
  }

  // -- the server, the screen as a whole, the end --

  /** The first (with one server, the only) server's connection. */
  public Connection connection() {
    return servers.get(servers.first());
  }

  public void setConnection(Connection c) {
    servers.set(servers.first(), c);
  }

  /** Each server's connection. */
  public ServerConnections servers() {
    return servers;
  }

  public void setConnection(String server, Connection c) {
    servers.set(server, c);
  }

  /**
   * The servers the console talks to, name to URL, in order (before the loop starts; one server
   * needs none).
   */
  public void declareServers(Map<String, String> nameToUrl) {
    servers.declare(nameToUrl);
  }

  public boolean frozen() {
    return frozen;
  }

  public void setFrozen(boolean on) {
    frozen = on;
  }

  public String themeName() {
    return themeName;
  }

  /** The theme to draw with, already mapped down to the terminal's colours. */
  public Theme theme() {
    return theme;
  }

  /** Draws with {@code t} from now on (the whole screen is drawn again). */
  public void useTheme(String name, Theme t) {
    themeName = name;
    theme = t;
    fullRedraw = true;
  }

  /** Set when the console should end, with what the caller should do. */
  public @Nullable ExitChoice exit() {
    return exit;
  }

  public void end(ExitChoice how) {
    exit = how;
  }

  // -- what the terminal itself is asked to do, after the frame that asked --

  /** The whole screen is drawn again at the next frame (Ctrl-L, after the pager). */
  public void requestFullRedraw() {
    fullRedraw = true;
  }

  /** Whether the whole screen must be repainted; reading clears it. */
  public boolean takeFullRedraw() {
    boolean r = fullRedraw;
    fullRedraw = false;
    return r;
  }

  /** Shows a file in $PAGER after this frame. */
  public void page(Path file) {
    pagerFile = file;
  }

  /** A file the user asked to see in $PAGER, once (reading clears it). */
  public @Nullable Path takePagerFile() {
    Path f = pagerFile;
    pagerFile = null;
    return f;
  }

  /** Puts text on the terminal's clipboard after this frame. */
  public void copy(String text) {
    clipboard = text;
  }

  /** Text the user copied, for the terminal's clipboard, once (reading clears it). */
  public @Nullable String takeClipboard() {
    String c = clipboard;
    clipboard = null;
    return c;
  }
}
