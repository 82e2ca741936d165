package dev.tend.api;

/** The supervisor's own state ("mood"), as {@code getState} reports it. */
public enum SupervisorState {
  FATAL(2),
  RUNNING(1),
  RESTARTING(0),
  SHUTDOWN(-1);

  private final int code;

  SupervisorState(int code) {
    this.code = code;
  }

  public int code() {
    return code;
  }

  public static SupervisorState ofCode(int code) {
    for (SupervisorState s : values()) {
      if (s.code == code) {
        return s;
      }
    }
    throw new IllegalArgumentException("no supervisor state has code " + code);
  }
}
