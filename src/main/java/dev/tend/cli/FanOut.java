package dev.tend.cli;

import dev.tend.api.Fault;
import dev.tend.api.FaultException;
import dev.tend.api.ProcessResult;
import dev.tend.api.SupervisorApi;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The shape {@code start}, {@code stop} and {@code signal} share (supervisorctl's do_start,
 * do_stop, do_signal): {@code all}, else each name as a group ({@code g:*}) or a process; a line
 * per result and the exit status from each, by supervisorctl's rules, given as data in {@link
 * Action}.
 */
final class FanOut {
  private FanOut() {}

  /** The line of a group that does not exist, as all three verbs print it. */
  static final String NO_SUCH_GROUP = FaultOutcomes.NAME + ": ERROR (no such group)";

  /**
   * The three verbs, each with its server calls and its rules: the word after a process that did it
   * ({@code web: started}), the result that leaves the exit status alone, what a fault of a group
   * call prints and sets, and which of supervisorctl's result lines it prints.
   */
  enum Action {
    START(
        "started",
        Fault.ALREADY_STARTED,
        FaultOutcomes.otherwise(Lsb.GENERIC).on(Fault.BAD_NAME, NO_SUCH_GROUP, Lsb.INVALID_ARGS)),
    STOP(
        "stopped",
        Fault.NOT_RUNNING,
        FaultOutcomes.otherwise(Lsb.GENERIC).on(Fault.BAD_NAME, NO_SUCH_GROUP, Lsb.GENERIC)),
    /** Every failed result counts; another fault of a group call leaves the status alone. */
    SIGNAL(
        "signalled",
        null,
        FaultOutcomes.otherwise(FaultOutcomes.UNCHANGED)
            .on(Fault.BAD_NAME, NO_SUCH_GROUP, Lsb.GENERIC));

    private final String done;
    private final @Nullable Fault tolerated;
    private final FaultOutcomes groupFaults;

    Action(String done, @Nullable Fault tolerated, FaultOutcomes groupFaults) {
      this.done = done;
      this.tolerated = tolerated;
      this.groupFaults = groupFaults;
    }

    private List<ProcessResult> all(SupervisorApi api, String signal) {
      return switch (this) {
        case START -> api.startAllProcesses(true);
        case STOP -> api.stopAllProcesses(true);
        case SIGNAL -> api.signalAllProcesses(signal);
      };
    }

    private List<ProcessResult> group(SupervisorApi api, String group, String signal) {
      return switch (this) {
        case START -> api.startProcessGroup(group, true);
        case STOP -> api.stopProcessGroup(group, true);
        case SIGNAL -> api.signalProcessGroup(group, signal);
      };
    }

    private void process(SupervisorApi api, String namespec, String signal) {
      switch (this) {
        case START -> api.startProcess(namespec, true);
        case STOP -> api.stopProcess(namespec, true);
        case SIGNAL -> api.signalProcess(namespec, signal);
      }
    }

    /** supervisorctl's {@code _startresult} for start, {@code _signalresult} for the others. */
    private String line(int code, String namespec, String description) {
      return this == START
          ? StartVerb.result(code, namespec)
          : SignalVerb.result(code, namespec, description, done);
    }
  }

  /**
   * The usage error of a verb given no name: the message, its status, then the help. Returns
   * whether there were names.
   */
  static boolean requireNames(
      CtlSession s, List<String> names, String error, int status, String help) {
    if (!names.isEmpty()) {
      return true;
    }
    s.println("Error: " + error);
    s.exit(status);
    s.printHelp(help);
    return false;
  }

  /**
   * Acts on {@code names} ({@code all}, groups and processes), printing a line per result.
   *
   * @param signal the signal, for {@link Action#SIGNAL}; ignored by the others
   */
  static void run(CtlSession s, Action action, List<String> names, String signal) {
    SupervisorApi api = s.api();
    if (names.contains("all")) {
      report(s, action, action.all(api, signal));
      return;
    }
    for (String name : names) {
      Namespec spec = Namespec.parse(name);
      if (spec.isGroup()) {
        try {
          report(s, action, action.group(api, spec.group(), signal));
        } catch (FaultException e) {
          action.groupFaults.handle(s, spec.group(), e);
        }
        continue;
      }
      String namespec = spec.display();
      try {
        action.process(api, name, signal);
        s.println(namespec + ": " + action.done);
      } catch (FaultException e) {
        s.println(action.line(e.code(), namespec, e.faultString()));
        s.exitForResult(e.code(), action.tolerated);
      }
    }
  }

  private static void report(CtlSession s, Action action, List<ProcessResult> results) {
    for (ProcessResult r : results) {
      s.println(action.line(r.status(), r.namespec(), r.description()));
      s.exitForResult(r.status(), action.tolerated);
    }
  }
}
