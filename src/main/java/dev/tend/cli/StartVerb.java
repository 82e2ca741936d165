package dev.tend.cli;

import dev.tend.api.Fault;
import dev.tend.api.PythonText;
import java.util.List;

/** {@code start name|group:*|all ...}: starts and waits, as supervisorctl does. */
final class StartVerb implements Verb {
  @Override
  public String help() {
    return """
        start <name>\t\tStart a process
        start <gname>:*\t\tStart all processes in a group
        start <name> <name>\tStart multiple processes or groups
        start all\t\tStart all processes
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
    List<String> names = PythonText.split(arg);
    if (!FanOut.requireNames(s, names, "start requires a process name", Lsb.INVALID_ARGS, help())) {
      return;
    }
    FanOut.run(s, FanOut.Action.START, names, "");
  }

  /** supervisorctl's {@code _startresult}. */
  static String result(int code, String namespec) {
    Fault fault = Fault.ofCode(code);
    String why =
        fault == null
            ? null
            : switch (fault) {
              case BAD_NAME -> "no such process";
              case NO_FILE -> "no such file";
              case NOT_EXECUTABLE -> "file is not executable";
              case ALREADY_STARTED -> "already started";
              case SPAWN_ERROR -> "spawn error";
              case ABNORMAL_TERMINATION -> "abnormal termination";
              case SUCCESS -> "";
              default -> null;
            };
    if (why == null) {
      throw new UnexpectedResult(code, namespec);
    }
    return why.isEmpty() ? namespec + ": started" : namespec + ": ERROR (" + why + ")";
  }
}
