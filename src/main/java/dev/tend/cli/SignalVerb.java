package dev.tend.cli;

import dev.tend.api.Fault;
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

  /** supervisorctl's rules for signal: every failed result counts; another group fault too. */
  private static final FanOut.Rules RULES =
      new FanOut.Rules(
          "signalled",
          null,
          FaultOutcomes.otherwise(FaultOutcomes.UNCHANGED)
              .on(Fault.BAD_NAME, FanOut.NO_SUCH_GROUP, Lsb.GENERIC),
          FanOut.ResultLine.SIGNAL);

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
    String sig = args.get(0);
    SupervisorApi api = s.api();
    FanOut.run(
        s,
        names,
        RULES,
        new FanOut.Calls() {
          @Override
          public List<ProcessResult> all() {
            return api.signalAllProcesses(sig);
          }

          @Override
          public List<ProcessResult> group(String group) {
            return api.signalProcessGroup(group, sig);
          }

          @Override
          public void process(String namespec) {
            api.signalProcess(namespec, sig);
          }
        });
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
