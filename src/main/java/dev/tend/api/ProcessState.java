package dev.tend.api;

/** A process's state, with supervisord's numeric codes (supervisor/states.py). */
public enum ProcessState {
  STOPPED(0),
  STARTING(10),
  RUNNING(20),
  BACKOFF(30),
  STOPPING(40),
  EXITED(100),
  FATAL(200),
  UNKNOWN(1000);

  private final int code;

  ProcessState(int code) {
    this.code = code;
  }

  /** The code on the wire ({@code state} in the process info struct). */
  public int code() {
    return code;
  }

  /** supervisord's RUNNING_STATES: start says ALREADY_STARTED, stop is allowed. */
  public boolean isRunning() {
    return this == STARTING || this == RUNNING || this == BACKOFF;
  }

  /** supervisord's STOPPED_STATES: status exits 3, a group can be removed. */
  public boolean isStopped() {
    return this == STOPPED || this == EXITED || this == FATAL || this == UNKNOWN;
  }

  /** supervisord's SIGNALLABLE_STATES. */
  public boolean isSignallable() {
    return this == STARTING || this == RUNNING || this == STOPPING;
  }

  /** The state with this wire code. */
  public static ProcessState ofCode(int code) {
    for (ProcessState s : values()) {
      if (s.code == code) {
        return s;
      }
    }
    throw new IllegalArgumentException("no process state has code " + code);
  }
}
