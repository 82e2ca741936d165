package dev.tend.tui.feed;

import dev.tend.api.ConnectionException;
import dev.tend.api.Fault;
import dev.tend.api.FaultException;

/** supervisorctl's words for faults: {@code no such process}, {@code spawn error} ... */
final class FaultWords {
  private FaultWords() {}

  /** The words in {@code NAME: ERROR (words)} for a fault code and its text. */
  static String of(int code, String faultString) {
    Fault f = Fault.ofCode(code);
    if (f == null) {
      return faultString;
    }
    return switch (f) {
      case BAD_NAME -> "no such process";
      case NO_FILE -> "no such file";
      case NOT_EXECUTABLE -> "file is not executable";
      case ALREADY_STARTED -> "already started";
      case SPAWN_ERROR -> "spawn error";
      case ABNORMAL_TERMINATION -> "abnormal termination";
      case NOT_RUNNING -> "not running";
      case BAD_SIGNAL -> "bad signal name";
      case SHUTDOWN_STATE -> "supervisor shutting down";
      default -> faultString;
    };
  }

  static String of(FaultException e) {
    return of(e.code(), e.faultString());
  }

  /** A failure that is not the server's answer, without a stack trace. */
  static String of(RuntimeException e) {
    if (e instanceof FaultException f) {
      return of(f);
    }
    if (e instanceof ConnectionException c) {
      return "cannot reach the supervisor (" + c.getMessage() + ")";
    }
    String m = e.getMessage();
    return e.getClass().getSimpleName() + (m == null ? "" : ": " + m);
  }

  /** Faults a start or stop reports that leave things as the user wanted them. */
  static boolean harmless(int code) {
    return code == Fault.ALREADY_STARTED.code() || code == Fault.NOT_RUNNING.code();
  }
}
