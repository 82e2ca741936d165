package dev.tend.tui.keymap;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Every action the console has, as data: a name (used in keys.conf and as a {@code :} command), the
 * context it works in, its effect, a description for the help screen, a short footer label (null
 * when it is not shown in the footer), and default keys. Help, footer, keys.conf and the {@code :}
 * command line are all generated from this table.
 */
public enum Action {
  // -- global --
  HELP("help", KeyContext.GLOBAL, Effect.VIEW, "help", "Show every key (this screen)", "?", "F1"),
  COMMAND(
      "command",
      KeyContext.GLOBAL,
      Effect.VIEW,
      "cmd",
      "Command line: :restart web:*, :signal HUP api, :theme light ...",
      ":"),
  BACK(
      "back",
      KeyContext.GLOBAL,
      Effect.VIEW,
      null,
      "Close the overlay, clear the filter, or go back to the table",
      "Esc"),
  QUIT(
      "quit",
      KeyContext.GLOBAL,
      Effect.VIEW,
      "quit",
      "Quit (attached: detach, the programs keep running; hosted: asks)",
      "q",
      "Ctrl-C"),
  FOCUS_NEXT("focus-next", KeyContext.GLOBAL, Effect.VIEW, null, "Focus the next pane", "Tab"),
  FOCUS_PREVIOUS(
      "focus-previous",
      KeyContext.GLOBAL,
      Effect.VIEW,
      null,
      "Focus the previous pane",
      "Shift-Tab"),
  FOCUS_PANE(
      "focus-pane",
      KeyContext.GLOBAL,
      Effect.VIEW,
      null,
      "Focus pane N (the digit pressed; 1 is the process table)",
      "1",
      "2",
      "3",
      "4",
      "5",
      "6",
      "7",
      "8",
      "9"),
  REDRAW("redraw", KeyContext.GLOBAL, Effect.VIEW, null, "Redraw the whole screen", "Ctrl-L"),
  FREEZE(
      "freeze",
      KeyContext.GLOBAL,
      Effect.VIEW,
      null,
      "Freeze the screen (updates keep arriving and show on unfreeze)",
      "Z"),
  THEME_NEXT(
      "theme-next", KeyContext.GLOBAL, Effect.VIEW, null, "Switch to the next theme", "Ctrl-T"),
  GROW(
      "grow",
      KeyContext.GLOBAL,
      Effect.VIEW,
      null,
      "Make the focused pane bigger (along its split)",
      ">"),
  SHRINK("shrink", KeyContext.GLOBAL, Effect.VIEW, null, "Make the focused pane smaller", "<"),
  EQUALIZE(
      "equalize",
      KeyContext.GLOBAL,
      Effect.VIEW,
      null,
      "Give the focused pane and its neighbours equal room",
      "="),
  SERVERS(
      "servers",
      KeyContext.GLOBAL,
      Effect.VIEW,
      null,
      "List the servers, how each answers and why not (keys: Servers view)",
      "@"),

  // -- process table --
  MOVE_DOWN("down", KeyContext.TABLE, Effect.VIEW, null, "Select the next process", "j", "Down"),
  MOVE_UP("up", KeyContext.TABLE, Effect.VIEW, null, "Select the previous process", "k", "Up"),
  MOVE_TOP("top", KeyContext.TABLE, Effect.VIEW, null, "Select the first process", "g", "Home"),
  MOVE_BOTTOM("bottom", KeyContext.TABLE, Effect.VIEW, null, "Select the last process", "G", "End"),
  PAGE_UP("page-up", KeyContext.TABLE, Effect.VIEW, null, "One page up", "PgUp"),
  PAGE_DOWN("page-down", KeyContext.TABLE, Effect.VIEW, null, "One page down", "PgDn"),
  OPEN_LOG(
      "log",
      KeyContext.TABLE,
      Effect.VIEW,
      "log",
      "Show the selected process's log and focus it",
      "Enter",
      "l"),
  OPEN_MERGED(
      "log-merged",
      KeyContext.TABLE,
      Effect.VIEW,
      "merged",
      "Open a pane merging the tagged processes' logs (none tagged: the selected one's group)",
      "L"),
  TAG(
      "tag",
      KeyContext.TABLE,
      Effect.VIEW,
      "tag",
      "Tag or untag the process (actions apply to the tagged ones)",
      "Space"),
  UNTAG_ALL("untag-all", KeyContext.TABLE, Effect.VIEW, null, "Untag every process", "U"),
  START("start", KeyContext.TABLE, Effect.CHANGES, "start", "Start the process(es)", "s"),
  STOP("stop", KeyContext.TABLE, Effect.DANGEROUS, "stop", "Stop the process(es)", "x"),
  RESTART("restart", KeyContext.TABLE, Effect.DANGEROUS, "restart", "Restart the process(es)", "r"),
  SIGNAL_MENU("signal", KeyContext.TABLE, Effect.DANGEROUS, "signal", "Send a signal (menu)", "K"),
  DETAILS(
      "details",
      KeyContext.TABLE,
      Effect.VIEW,
      "details",
      "Details: state, reason, command, log files",
      "d"),
  FILTER(
      "filter",
      KeyContext.TABLE,
      Effect.VIEW,
      "filter",
      "Filter processes by name (Esc clears)",
      "/"),
  HIDE_STOPPED(
      "hide-stopped", KeyContext.TABLE, Effect.VIEW, null, "Hide or show stopped processes", "H"),
  NEXT_FAILING(
      "next-failing",
      KeyContext.TABLE,
      Effect.VIEW,
      null,
      "Select the next failing process (FATAL, BACKOFF, EXITED badly)",
      "!"),
  NEXT_SERVER(
      "next-server",
      KeyContext.TABLE,
      Effect.VIEW,
      null,
      "Select the first process of the next server",
      "}"),
  PREVIOUS_SERVER(
      "previous-server",
      KeyContext.TABLE,
      Effect.VIEW,
      null,
      "Select the first process of the previous server",
      "{"),
  SORT_NAME("sort-name", KeyContext.TABLE, Effect.VIEW, null, "Sort by name (again: reverse)", "N"),
  SORT_STATE("sort-state", KeyContext.TABLE, Effect.VIEW, null, "Sort by state", "S"),
  SORT_PID("sort-pid", KeyContext.TABLE, Effect.VIEW, null, "Sort by PID", "P"),
  SORT_UPTIME("sort-uptime", KeyContext.TABLE, Effect.VIEW, null, "Sort by uptime (age)", "A"),
  SORT_RESTARTS("sort-restarts", KeyContext.TABLE, Effect.VIEW, null, "Sort by restarts", "R"),
  SORT_EXIT("sort-exit", KeyContext.TABLE, Effect.VIEW, null, "Sort by exit reason", "E"),
  SORT_CPU("sort-cpu", KeyContext.TABLE, Effect.VIEW, null, "Sort by CPU%", "C"),
  SORT_MEMORY("sort-memory", KeyContext.TABLE, Effect.VIEW, null, "Sort by memory (RSS)", "M"),

  // -- log pane --
  SCROLL_DOWN("scroll-down", KeyContext.LOG, Effect.VIEW, null, "Scroll down a line", "j", "Down"),
  SCROLL_UP(
      "scroll-up",
      KeyContext.LOG,
      Effect.VIEW,
      null,
      "Scroll up a line (pauses follow)",
      "k",
      "Up"),
  LOG_PAGE_UP("log-page-up", KeyContext.LOG, Effect.VIEW, null, "Scroll up a page", "PgUp"),
  LOG_PAGE_DOWN("log-page-down", KeyContext.LOG, Effect.VIEW, null, "Scroll down a page", "PgDn"),
  HALF_PAGE_UP(
      "half-page-up", KeyContext.LOG, Effect.VIEW, null, "Scroll up half a page", "Ctrl-U"),
  HALF_PAGE_DOWN(
      "half-page-down", KeyContext.LOG, Effect.VIEW, null, "Scroll down half a page", "Ctrl-D"),
  LOG_TOP("log-top", KeyContext.LOG, Effect.VIEW, null, "Go to the oldest line kept", "g", "Home"),
  LOG_BOTTOM(
      "log-bottom",
      KeyContext.LOG,
      Effect.VIEW,
      null,
      "Go to the newest line and follow",
      "G",
      "End"),
  SEARCH(
      "search",
      KeyContext.LOG,
      Effect.VIEW,
      "search",
      "Search: highlight matches, go to the newest (Ctrl-R regex, Ctrl-T case)",
      "/"),
  SEARCH_NEXT("search-next", KeyContext.LOG, Effect.VIEW, null, "Next (newer) match", "n"),
  SEARCH_PREVIOUS(
      "search-previous", KeyContext.LOG, Effect.VIEW, null, "Previous (older) match", "N"),
  FILTER_LINES(
      "filter-lines",
      KeyContext.LOG,
      Effect.VIEW,
      "filter",
      "Show only the lines matching a pattern (again: show all)",
      "&"),
  SPLIT_SIDE(
      "split-side",
      KeyContext.LOG,
      Effect.VIEW,
      "split",
      "Split: a new pane side by side, on the same log ([ ] switch it)",
      "|"),
  SPLIT_STACKED(
      "split-stacked",
      KeyContext.LOG,
      Effect.VIEW,
      null,
      "Split: a new pane below, on the same log",
      "-"),
  ZOOM("zoom", KeyContext.LOG, Effect.VIEW, "zoom", "Zoom the pane to the whole screen", "z"),
  CLOSE_PANE("close-pane", KeyContext.LOG, Effect.VIEW, "close", "Close the log pane", "q"),
  FOLLOW("follow", KeyContext.LOG, Effect.VIEW, "follow", "Follow new lines on or off", "f"),
  WRAP("wrap", KeyContext.LOG, Effect.VIEW, "wrap", "Wrap long lines on or off", "w"),
  TIMESTAMPS(
      "timestamps", KeyContext.LOG, Effect.VIEW, null, "Show the time each line arrived", "t"),
  STREAMS(
      "streams",
      KeyContext.LOG,
      Effect.VIEW,
      null,
      "Show stdout+stderr, stdout only, stderr only",
      "E"),
  PREVIOUS_PROCESS(
      "previous-process",
      KeyContext.LOG,
      Effect.VIEW,
      null,
      "Show the previous process (or group) in this pane",
      "["),
  NEXT_PROCESS(
      "next-process",
      KeyContext.LOG,
      Effect.VIEW,
      null,
      "Show the next process (or group) in this pane",
      "]"),
  SCROLL_LEFT(
      "scroll-left",
      KeyContext.LOG,
      Effect.VIEW,
      null,
      "Scroll left (when not wrapping)",
      "h",
      "Left"),
  SCROLL_RIGHT(
      "scroll-right",
      KeyContext.LOG,
      Effect.VIEW,
      null,
      "Scroll right (when not wrapping)",
      "l",
      "Right"),
  MARKER("marker", KeyContext.LOG, Effect.VIEW, null, "Add a marker line (a visual bookmark)", "m"),
  CLEAR_VIEW(
      "clear-view", KeyContext.LOG, Effect.VIEW, null, "Clear this view (not the log file)", "C"),
  COPY_MODE(
      "copy-mode",
      KeyContext.LOG,
      Effect.VIEW,
      "copy",
      "Copy mode: select lines, y copies them to the clipboard (OSC 52, works over ssh)",
      "v"),
  PAGER("pager", KeyContext.LOG, Effect.VIEW, "pager", "Open what the pane shows in $PAGER", "o"),
  SAVE("save", KeyContext.LOG, Effect.VIEW, null, "Save what the pane shows to a file", "S"),

  // -- servers view (on the server selected there; from the : line, the selected row's) --
  SERVER_JUMP(
      "server-jump",
      KeyContext.SERVERS,
      Effect.VIEW,
      "jump",
      "Select the server's first process",
      "Enter"),
  SERVER_FILTER(
      "server-filter",
      KeyContext.SERVERS,
      Effect.VIEW,
      "filter",
      "Filter the table to the server's processes (@NAME)",
      "/",
      "f"),
  SERVER_RECONNECT(
      "server-reconnect",
      KeyContext.SERVERS,
      Effect.VIEW,
      "reconnect",
      "Reconnect to the server now, without waiting for the next try",
      "r"),
  SERVER_ERROR(
      "server-error",
      KeyContext.SERVERS,
      Effect.VIEW,
      "error",
      "Show why the server is lost, in full (again: the list)",
      "e");

  private final String id;
  private final KeyContext context;
  private final Effect effect;
  private final @Nullable String footerLabel;
  private final String description;
  private final List<String> defaultKeys;

  Action(
      String id,
      KeyContext context,
      Effect effect,
      @Nullable String footerLabel,
      String description,
      String... defaultKeys) {
    this.id = id;
    this.context = context;
    this.effect = effect;
    this.footerLabel = footerLabel;
    this.description = description;
    this.defaultKeys = List.of(defaultKeys);
  }

  /** The name in keys.conf and on the {@code :} command line. */
  public String id() {
    return id;
  }

  public KeyContext context() {
    return context;
  }

  public Effect effect() {
    return effect;
  }

  /** Dangerous actions are confirmed before they run, with a prompt that scales with reach. */
  public boolean dangerous() {
    return effect == Effect.DANGEROUS;
  }

  /** The footer's short label, or null when the action is not in the footer. */
  public @Nullable String footerLabel() {
    return footerLabel;
  }

  public String description() {
    return description;
  }

  public List<KeyChord> defaultKeys() {
    return defaultKeys.stream().map(KeyChord::parse).toList();
  }

  /** The action with this name, as keys.conf and the {@code :} line spell it. */
  public static Optional<Action> byId(String id) {
    return Arrays.stream(values()).filter(a -> a.id.equals(id)).findFirst();
  }
}
