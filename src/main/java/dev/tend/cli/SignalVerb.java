package dev.tend.cli;

import dev.tend.api.Fault;
import dev.tend.api.FaultException;
import dev.tend.api.ProcessResult;
import dev.tend.api.PythonText;
import dev.tend.api.SupervisorApi;
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
    if (args.size() < 2) {
      s.println("Error: signal requires a signal name and a process name");
      s.printHelp(help());
      s.exit(Lsb.GENERIC);
      return;
    }
    String sig = args.get(0);
    List<String> names = args.subList(1, args.size());
    SupervisorApi api = s.api();
    if (names.contains("all")) {
      report(s, api.signalAllProcesses(sig));
      return;
    }
    for (String name : names) {
      Namespec spec = Namespec.parse(name);
      if (spec.isGroup()) {
        try {
          report(s, api.signalProcessGroup(spec.group(), sig));
        } catch (FaultException e) {
          if (!e.is(Fault.BAD_NAME)) {
            throw e;
          }
          s.println(spec.group() + ": ERROR (no such group)");
          s.exit(Lsb.GENERIC);
        }
        continue;
      }
      String namespec = spec.display();
      try {
        api.signalProcess(name, sig);
        s.println(namespec + ": signalled");
      } catch (FaultException e) {
        s.println(result(e.code(), namespec, e.faultString(), "signalled"));
        s.exitForResult(e.code(), null);
      }
    }
  }

  private static void report(CtlSession s, List<ProcessResult> results) {
    for (ProcessResult r : results) {
      s.println(result(r.status(), r.namespec(), r.description(), "signalled"));
      s.exitForResult(r.status(), null);
    }
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
