package dev.tend.config;

import java.util.Locale;
import java.util.Optional;

/** supervisord's log levels: config word, numeric level, and the tag in main-log lines. */
public enum LogLevel {
  CRITICAL("critical", 50, "CRIT"),
  ERROR("error", 40, "ERRO"),
  WARN("warn", 30, "WARN"),
  INFO("info", 20, "INFO"),
  DEBUG("debug", 10, "DEBG"),
  TRACE("trace", 5, "TRAC"),
  BLATHER("blather", 3, "BLAT");

  private final String word;
  private final int level;
  private final String tag;

  LogLevel(String word, int level, String tag) {
    this.word = word;
    this.level = level;
    this.tag = tag;
  }

  public String word() {
    return word;
  }

  public int level() {
    return level;
  }

  /** The four-letter tag of main-log lines ({@code INFO}, {@code WARN}, {@code CRIT} ...). */
  public String tag() {
    return tag;
  }

  /** Whether a message at {@code message} level passes this threshold. */
  public boolean admits(LogLevel message) {
    return message.level >= level;
  }

  /** supervisord accepts exactly these words, any case ({@code warning} is not one). */
  public static Optional<LogLevel> byWord(String text) {
    String w = text.trim().toLowerCase(Locale.ROOT);
    for (LogLevel l : values()) {
      if (l.word.equals(w)) {
        return Optional.of(l);
      }
    }
    return Optional.empty();
  }
}
