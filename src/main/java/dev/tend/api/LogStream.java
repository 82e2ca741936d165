package dev.tend.api;

/** Which of a process's two output streams. */
public enum LogStream {
  STDOUT,
  STDERR;

  /** The word supervisorctl and the logtail URLs use: {@code stdout} or {@code stderr}. */
  public String word() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
