package dev.tend.logs;

/**
 * Where {@code *_syslog} output goes: one message per line, {@code <processname> <line>} (the
 * newline removed), at the default priority. Called on the platform's I/O thread; must not block
 * for long. The implementation (syslog(3) through the platform) is wired by the app.
 */
@FunctionalInterface
public interface SyslogWriter {
  void send(String message);

  /** Drops every message. */
  SyslogWriter NONE = message -> {};
}
