package dev.tend.tui.theme;

import java.util.Arrays;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * What a colour is for, by its key in a theme file. A role a theme leaves out looks like its
 * parent, so a theme may be as short as a handful of lines.
 */
public enum Role {
  SCREEN("screen", null),
  HEADER("header", SCREEN),
  HEADER_TITLE("header.title", HEADER),
  HEADER_WARNING("header.warning", HEADER),
  TABLE_HEADER("table.header", SCREEN),
  TABLE_ROW("table.row", SCREEN),
  TABLE_SELECTED("table.selected", TABLE_ROW),
  TABLE_TAGGED("table.tagged", TABLE_ROW),
  TABLE_DIM("table.dim", TABLE_ROW),
  STATE_RUNNING("state.running", TABLE_ROW),
  STATE_STARTING("state.starting", TABLE_ROW),
  STATE_BACKOFF("state.backoff", TABLE_ROW),
  STATE_STOPPING("state.stopping", TABLE_ROW),
  STATE_STOPPED("state.stopped", TABLE_ROW),
  STATE_EXITED("state.exited", TABLE_ROW),
  STATE_FATAL("state.fatal", TABLE_ROW),
  STATE_UNKNOWN("state.unknown", TABLE_ROW),
  LOG_STDOUT("log.stdout", SCREEN),
  LOG_STDERR("log.stderr", LOG_STDOUT),
  LOG_MATCH("log.match", LOG_STDOUT),
  LOG_MARKER("log.marker", LOG_STDOUT),
  LOG_TIMESTAMP("log.timestamp", LOG_STDOUT),
  PANE_TITLE("pane.title", SCREEN),
  PANE_TITLE_FOCUSED("pane.title.focused", PANE_TITLE),
  FOOTER("footer", SCREEN),
  FOOTER_KEY("footer.key", FOOTER),
  MESSAGE_INFO("message.info", SCREEN),
  MESSAGE_ERROR("message.error", MESSAGE_INFO),
  OVERLAY("overlay", SCREEN),
  OVERLAY_TITLE("overlay.title", OVERLAY),
  OVERLAY_KEY("overlay.key", OVERLAY),
  OVERLAY_DANGER("overlay.danger", OVERLAY),
  COMMAND("command", SCREEN),
  COMPLETION("completion", OVERLAY),
  COMPLETION_SELECTED("completion.selected", COMPLETION);

  private final String key;
  private final @Nullable Role parent;

  Role(String key, @Nullable Role parent) {
    this.key = key;
    this.parent = parent;
  }

  /** The key in a theme file. */
  public String key() {
    return key;
  }

  /** Where this role takes what its theme entry leaves out; null for {@link #SCREEN}. */
  public @Nullable Role parent() {
    return parent;
  }

  public static Optional<Role> byKey(String key) {
    return Arrays.stream(values()).filter(r -> r.key.equals(key)).findFirst();
  }
}
