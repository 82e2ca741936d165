package dev.tend.cli;

import dev.tend.api.Fault;
import dev.tend.api.FaultException;
import dev.tend.api.ProcessResult;
import dev.tend.api.PythonText;
import dev.tend.api.SupervisorApi;
import java.util.List;

/** {@code clear name ...|all}: empties process logs. */
final class ClearVerb implements Verb {
  @Override
  public String help() {
    return """
        clear <name>\t\tClear a process' log files.
        clear <name> <name>\tClear multiple process' log files
        clear all\t\tClear all process' log files
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
    if (names.isEmpty()) {
      s.println("Error: clear requires a process name");
      s.exit(Lsb.GENERIC);
      s.printHelp(help());
      return;
    }
    SupervisorApi api = s.api();
    if (names.contains("all")) {
      for (ProcessResult r : api.clearAllProcessLogs()) {
        s.println(result(r.status(), r.namespec()));
        s.exitForResult(r.status(), null);
      }
      return;
    }
    for (String name : names) {
      Namespec spec = Namespec.parse(name);
      String namespec = spec.display();
      try {
        api.clearProcessLogs(name);
        s.println(namespec + ": cleared");
      } catch (FaultException e) {
        s.println(result(e.code(), namespec));
        s.exitForResult(e.code(), null);
      }
    }
  }

  /** supervisorctl's {@code _clearresult}. */
  private static String result(int code, String namespec) {
    if (code == Fault.BAD_NAME.code()) {
      return namespec + ": ERROR (no such process)";
    } else if (code == Fault.FAILED.code()) {
      return namespec + ": ERROR (failed)";
    } else if (code == Fault.SUCCESS.code()) {
      return namespec + ": cleared";
    }
    throw new UnexpectedResult(code, namespec);
  }
}
