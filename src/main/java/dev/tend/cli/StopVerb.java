package dev.tend.cli;

import dev.tend.api.Fault;
import dev.tend.api.FaultException;
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

  @Override
  public void run(CtlSession s, String arg) {
    if (!s.upcheck()) {
      return;
    }
    List<String> names = PythonText.split(arg);
    SupervisorApi api = s.api();
    if (names.isEmpty()) {
      s.println("Error: stop requires a process name");
      s.exit(Lsb.GENERIC);
      s.printHelp(help());
      return;
    }
    if (names.contains("all")) {
      report(s, api.stopAllProcesses(true));
      return;
    }
    for (String name : names) {
      Namespec spec = Namespec.parse(name);
      if (spec.isGroup()) {
        try {
          report(s, api.stopProcessGroup(spec.group(), true));
        } catch (FaultException e) {
          s.exit(Lsb.GENERIC);
          if (!e.is(Fault.BAD_NAME)) {
            throw e;
          }
          s.println(spec.group() + ": ERROR (no such group)");
        }
        continue;
      }
      String namespec = spec.display();
      try {
        api.stopProcess(name, true);
        s.println(namespec + ": stopped");
      } catch (FaultException e) {
        s.println(SignalVerb.result(e.code(), namespec, e.faultString(), "stopped"));
        s.exitForResult(e.code(), Fault.NOT_RUNNING);
      }
    }
  }

  private static void report(CtlSession s, List<ProcessResult> results) {
    for (ProcessResult r : results) {
      s.println(SignalVerb.result(r.status(), r.namespec(), r.description(), "stopped"));
      s.exitForResult(r.status(), Fault.NOT_RUNNING);
    }
  }
}
