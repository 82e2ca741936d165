package dev.tend.cli;

import dev.tend.api.Fault;
import dev.tend.api.FaultException;
import dev.tend.api.ProcessInfo;
import dev.tend.api.PythonText;
import dev.tend.api.SupervisorApi;
import java.util.List;

/**
 * {@code pid [name ...|all]}: the supervisor's pid, or each process's (0, status 7: not running).
 */
final class PidVerb implements Verb {
  @Override
  public String help() {
    return """
        pid\t\t\tGet the PID of supervisord.
        pid <name>\t\tGet the PID of a single child process by name.
        pid all\t\t\tGet the PID of every child process, one per line.
        """;
  }

  @Override
  public Completes completes() {
    return Completes.PROCESSES;
  }

  @Override
  public void run(CtlSession s, String arg) {
    SupervisorApi api = s.api();
    if (!s.upcheck()) {
      return;
    }
    List<String> names = PythonText.split(arg);
    if (names.isEmpty()) {
      s.println(Integer.toString(api.getPID()));
    } else if (names.contains("all")) {
      for (ProcessInfo info : api.getAllProcessInfo()) {
        s.println(Integer.toString(info.pid()));
      }
    } else {
      for (String name : names) {
        int pid;
        try {
          pid = api.getProcessInfo(name).pid();
        } catch (FaultException e) {
          s.exit(Lsb.GENERIC);
          if (!e.is(Fault.BAD_NAME)) {
            throw e;
          }
          s.println("No such process " + name);
          continue;
        }
        s.println(Integer.toString(pid));
        if (pid == 0) {
          s.exit(Lsb.NOT_RUNNING);
        }
      }
    }
  }
}
