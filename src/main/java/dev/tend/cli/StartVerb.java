package dev.tend.cli;

import dev.tend.api.Fault;
import dev.tend.api.FaultException;
import dev.tend.api.ProcessResult;
import dev.tend.api.PythonText;
import dev.tend.api.SupervisorApi;
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
    SupervisorApi api = s.api();
    if (names.isEmpty()) {
      s.println("Error: start requires a process name");
      s.exit(Lsb.INVALID_ARGS);
      s.printHelp(help());
      return;
    }
    if (names.contains("all")) {
      report(s, api.startAllProcesses(true));
      return;
    }
    for (String name : names) {
      Namespec spec = Namespec.parse(name);
      if (spec.isGroup()) {
        try {
          report(s, api.startProcessGroup(spec.group(), true));
        } catch (FaultException e) {
          if (!e.is(Fault.BAD_NAME)) {
            s.exit(Lsb.GENERIC);
            throw e;
          }
          s.println(spec.group() + ": ERROR (no such group)");
          s.exit(Lsb.INVALID_ARGS);
        }
        continue;
      }
      String namespec = spec.display();
      try {
        api.startProcess(name, true);
        s.println(namespec + ": started");
      } catch (FaultException e) {
        s.println(result(e.code(), namespec));
        s.exitForResult(e.code(), Fault.ALREADY_STARTED);
      }
    }
  }

  private static void report(CtlSession s, List<ProcessResult> results) {
    for (ProcessResult r : results) {
      s.println(result(r.status(), r.namespec()));
      s.exitForResult(r.status(), Fault.ALREADY_STARTED);
    }
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
