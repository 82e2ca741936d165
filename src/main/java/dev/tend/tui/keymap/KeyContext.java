package dev.tend.tui.keymap;

/**
 * Where a key binding applies. A key is looked up in the focused pane's context first, then in
 * {@link #GLOBAL}; so a pane may give a global key another meaning ({@code q} closes a log pane).
 */
public enum KeyContext {
  GLOBAL("Global"),
  TABLE("Process table"),
  LOG("Log pane"),
  /** The servers view ({@code :servers}): its keys act on the server selected there. */
  SERVERS("Servers view");

  private final String title;

  KeyContext(String title) {
    this.title = title;
  }

  /** The heading of this context's section in the help screen. */
  public String title() {
    return title;
  }
}
