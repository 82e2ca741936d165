package dev.tend.core;

/** The supervisor's own log file, for {@code readLog} and {@code clearLog}. Any thread. */
public interface MainLogAccess {

  /** readLog with §3.5's semantics; FaultException NO_FILE when there is no log file. */
  byte[] read(long offset, long length);

  /** Deletes the log and starts it again. */
  void clear();
}
