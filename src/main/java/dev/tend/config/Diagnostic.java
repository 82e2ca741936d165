package dev.tend.config;

import java.nio.file.Path;
import org.jspecify.annotations.Nullable;

/**
 * A message about a config file: an error that stops loading, a warning, or a note (supervisord
 * logs these at start-up: {@code Included extra file ...}).
 *
 * @param message supervisord's wording where it has one
 * @param file null when the message is not about one file
 * @param line 1-based, 0 when not known
 * @param section null when not about one section
 * @param key null when not about one key
 * @param value the offending value as written, null when not about one value
 */
public record Diagnostic(
    Severity severity,
    String message,
    @Nullable Path file,
    int line,
    @Nullable String section,
    @Nullable String key,
    @Nullable String value) {

  /** How serious. */
  public enum Severity {
    ERROR,
    WARNING,
    INFO
  }

  /**
   * The message followed by where: {@code (file: 'site.conf', line 12, [program:web] startsecs)},
   * without the file when the message names it already.
   */
  public String describe() {
    StringBuilder where = new StringBuilder();
    if (file != null && !messageNamesFile()) {
      where.append("file: '").append(file).append('\'');
    }
    if (file != null && line > 0) {
      where.append(where.isEmpty() ? "line " : ", line ").append(line);
    }
    if (section != null) {
      if (where.length() > 0) {
        where.append(", ");
      }
      where.append('[').append(section).append(']');
      if (key != null) {
        where.append(' ').append(key);
      }
    }
    return where.length() == 0 ? message : message + " (" + where + ")";
  }

  /** Whether the message itself names the file ({@code could not find config file X}). */
  public boolean messageNamesFile() {
    return file != null && message.contains(file.toString());
  }
}
