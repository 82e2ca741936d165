package dev.tend.cli;

import dev.tend.api.Fault;
import dev.tend.api.ProcessResult;
import dev.tend.api.PythonText;
import dev.tend.api.SupervisorApi;
import java.util.List;

/** {@code stop name|group:*|all ...}: stops and waits; NOT_RUNNING leaves the status alone. */
final class StopVerb implements Verb {
  @Override
  public String help() {
    return """
        stop <name>\t\tStop a process
        stop <gname>:*\t\tStop all processes in a group
        stop <name> <name>\tStop multiple processes or groups
        stop all\t\tStop all processes
        """;
  }

  @Override
  public Completes completes() {
    return Completes.PROCESSES;
  }

  /** supervisorctl's rules for stop: NOT_RUNNING is no failure. */
  private static final FanOut.Rules RULES =
      new FanOut.Rules(
          "stopped",
          Fault.NOT_RUNNING,
          FaultOutcomes.otherwise(Lsb.GENERIC)
              .on(Fault.BAD_NAME, FanOut.NO_SUCH_GROUP, Lsb.GENERIC),
          FanOut.ResultLine.SIGNAL);

  @Override
  public void run(CtlSession s, String arg) {
    if (!s.upcheck()) {
      return;
    }
    List<String> names = PythonText.split(arg);
    if (!FanOut.requireNames(s, names, "stop requires a process name", Lsb.GENERIC, help())) {
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
            return api.stopAllProcesses(true);
          }

          @Override
          public List<ProcessResult> group(String group) {
            return api.stopProcessGroup(group, true);
          }

          @Override
          public void process(String namespec) {
            api.stopProcess(namespec, true);
          }
        });
  }
}
