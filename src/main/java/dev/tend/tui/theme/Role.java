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
  LOG_MATCH_CURRENT("log.match.current", LOG_MATCH),
  LOG_SELECTION("log.selection", LOG_STDOUT),
  LOG_SOURCE_1("log.source.1", LOG_STDOUT),
  LOG_SOURCE_2("log.source.2", LOG_STDOUT),
  LOG_SOURCE_3("log.source.3", LOG_STDOUT),
  LOG_SOURCE_4("log.source.4", LOG_STDOUT),
  LOG_SOURCE_5("log.source.5", LOG_STDOUT),
  LOG_SOURCE_6("log.source.6", LOG_STDOUT),
  LOG_SOURCE_7("log.source.7", LOG_STDOUT),
  LOG_SOURCE_8("log.source.8", LOG_STDOUT),
  LOG_MARKER("log.marker", LOG_STDOUT),
  LOG_TIMESTAMP("log.timestamp", LOG_STDOUT),
  PANE_TITLE("pane.title", SCREEN),
  PANE_TITLE_FOCUSED("pane.title.focused", PANE_TITLE),
  PANE_BORDER("pane.border", PANE_TITLE),
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

  /** The prefix colour of a merged pane's process in colour slot {@code slot} (0 to 7). */
  public static Role source(int slot) {
    return values()[LOG_SOURCE_1.ordinal() + Math.floorMod(slot, 8)];
  }

  public static Optional<Role> byKey(String key) {
    return Arrays.stream(values()).filter(r -> r.key.equals(key)).findFirst();
  }
}
