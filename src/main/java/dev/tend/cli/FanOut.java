package dev.tend.cli;

import dev.tend.api.Fault;
import dev.tend.api.FaultException;
import dev.tend.api.ProcessResult;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The shape {@code start}, {@code stop} and {@code signal} share (supervisorctl's do_start,
 * do_stop, do_signal): {@code all}, else each name as a group ({@code g:*}) or a process; a line
 * per result and the exit status from each, by supervisorctl's rules given as {@link Rules}.
 */
final class FanOut {
  private FanOut() {}

  /** Which of supervisorctl's result lines a verb prints. */
  enum ResultLine {
    /** {@code _startresult}. */
    START,
    /** {@code _signalresult}, with the verb's word for success. */
    SIGNAL;

    String of(int code, String namespec, String description, String done) {
      return this == START
          ? StartVerb.result(code, namespec)
          : SignalVerb.result(code, namespec, description, done);
    }
  }

  /** The server calls of one verb. */
  interface Calls {
    List<ProcessResult> all();

    List<ProcessResult> group(String group);

    void process(String namespec);
  }

  /**
   * One verb's rules.
   *
   * @param done the word after a process that did it ({@code web: started})
   * @param tolerated the result that leaves the exit status alone (ALREADY_STARTED for start), or
   *     null
   * @param groupFaults what a fault of a group call prints and sets
   * @param line the line of a result or of a process's fault
   */
  record Rules(
      String done, @Nullable Fault tolerated, FaultOutcomes groupFaults, ResultLine line) {}

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

  /** Acts on {@code names} ({@code all}, groups and processes), printing a line per result. */
  static void run(CtlSession s, List<String> names, Rules rules, Calls calls) {
    if (names.contains("all")) {
      report(s, rules, calls.all());
      return;
    }
    for (String name : names) {
      Namespec spec = Namespec.parse(name);
      if (spec.isGroup()) {
        try {
          report(s, rules, calls.group(spec.group()));
        } catch (FaultException e) {
          rules.groupFaults().handle(s, spec.group(), e);
        }
        continue;
      }
      String namespec = spec.display();
      try {
        calls.process(name);
        s.println(namespec + ": " + rules.done());
      } catch (FaultException e) {
        s.println(rules.line().of(e.code(), namespec, e.faultString(), rules.done()));
        s.exitForResult(e.code(), rules.tolerated());
      }
    }
  }

  private static void report(CtlSession s, Rules rules, List<ProcessResult> results) {
    for (ProcessResult r : results) {
      s.println(rules.line().of(r.status(), r.namespec(), r.description(), rules.done()));
      s.exitForResult(r.status(), rules.tolerated());
    }
  }

  /** The line of a group that does not exist, as all three verbs print it. */
  static final String NO_SUCH_GROUP = FaultOutcomes.NAME + ": ERROR (no such group)";
}
