package dev.tend.cli;

import dev.tend.api.Fault;
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

  /** supervisorctl's rules for start: ALREADY_STARTED is no failure; a missing group is 2. */
  private static final FanOut.Rules RULES =
      new FanOut.Rules(
          "started",
          Fault.ALREADY_STARTED,
          FaultOutcomes.otherwise(Lsb.GENERIC)
              .on(Fault.BAD_NAME, FanOut.NO_SUCH_GROUP, Lsb.INVALID_ARGS),
          FanOut.ResultLine.START);

  @Override
  public void run(CtlSession s, String arg) {
    if (!s.upcheck()) {
      return;
    }
    List<String> names = PythonText.split(arg);
    if (!FanOut.requireNames(s, names, "start requires a process name", Lsb.INVALID_ARGS, help())) {
      return;
    }
    SupervisorApi api = s.api();
    FanOut.run(
        s,
        names,
        RULES,
        new FanOut.Calls() {
          @Override
          public List<ProcessResult> all() {
            return api.startAllProcesses(true);
          }

          @Override
          public List<ProcessResult> group(String group) {
            return api.startProcessGroup(group, true);
          }

          @Override
          public void process(String namespec) {
            api.startProcess(namespec, true);
          }
        });
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
