package dev.tend.cli;

import dev.tend.api.Fault;
import dev.tend.api.PythonText;
import java.util.List;

/** {@code signal SIG name|group:*|all ...}. */
final class SignalVerb implements Verb {
  @Override
  public String help() {
    return """
        signal <signal name> <name>\t\tSignal a process
        signal <signal name> <gname>:*\t\tSignal all processes in a group
        signal <signal name> <name> <name>\tSignal multiple processes or groups
        signal <signal name> all\t\tSignal all processes
        """;
  }

  @Override
  public Completes completes() {
    return Completes.PROCESSES;
  }

  @Override
  public void run(CtlSession s, String arg) {
    if (!s.upcheck()) {
      return;
    }
    List<String> args = PythonText.split(arg);
    List<String> names = args.size() < 2 ? List.of() : args.subList(1, args.size());
    if (!FanOut.requireNames(
        s, names, "signal requires a signal name and a process name", Lsb.GENERIC, help())) {
      return;
    }
    FanOut.run(s, FanOut.Action.SIGNAL, names, args.get(0));
  }

  /** supervisorctl's {@code _signalresult}; {@code stop} uses it with "stopped". */
  static String result(int code, String namespec, String description, String success) {
    Fault fault = Fault.ofCode(code);
    if (fault == null) {
      throw new UnexpectedResult(code, namespec);
    }
    return switch (fault) {
      case BAD_NAME -> namespec + ": ERROR (no such process)";
      case BAD_SIGNAL -> namespec + ": ERROR (bad signal name)";
      case NOT_RUNNING -> namespec + ": ERROR (not running)";
      case SUCCESS -> namespec + ": " + success;
      case FAILED -> description;
      default -> throw new UnexpectedResult(code, namespec);
    };
  }
}
