package dev.tend.cli;

import dev.tend.api.Fault;
import dev.tend.api.FaultException;
import java.util.ArrayList;
import java.util.List;

/**
 * The faults a verb expects, as data: for each, the line supervisorctl prints and the exit status
 * it sets ({@link #UNCHANGED} leaves it). Any other fault sets the verb's status for the unexpected
 * and propagates, as supervisorctl re-raises it. A line may hold one of {@link #NAME} (the name the
 * verb acted on) or {@link #FAULT} (the fault's string). Immutable; no lambdas, which would cost
 * {@code tend ctl} start-up time.
 */
final class FaultOutcomes {
  /** Leaves the exit status as it is. */
  static final int UNCHANGED = -1;

  /** In a line: the name the verb acted on. */
  static final String NAME = "{name}";

  /** In a line: the fault's string. */
  static final String FAULT = "{fault}";

  private record Outcome(Fault fault, String line, int status) {}

  private final int otherStatus;
  private final List<Outcome> outcomes;

  private FaultOutcomes(int otherStatus, List<Outcome> outcomes) {
    this.otherStatus = otherStatus;
    this.outcomes = List.copyOf(outcomes);
  }

  /** No fault expected yet; an unexpected one sets {@code otherStatus} before it propagates. */
  static FaultOutcomes otherwise(int otherStatus) {
    return new FaultOutcomes(otherStatus, List.of());
  }

  /** {@code fault} prints {@code line} and sets {@code status}. */
  FaultOutcomes on(Fault fault, String line, int status) {
    List<Outcome> more = new ArrayList<>(outcomes);
    more.add(new Outcome(fault, line, status));
    return new FaultOutcomes(otherStatus, more);
  }

  /**
   * Prints and sets the status of an expected fault; sets the status of any other and throws it.
   */
  void handle(CtlSession s, String name, FaultException e) {
    for (Outcome o : outcomes) {
      if (e.is(o.fault())) {
        s.println(line(o.line(), name, e));
        if (o.status() != UNCHANGED) {
          s.exit(o.status());
        }
        return;
      }
    }
    if (otherStatus != UNCHANGED) {
      s.exit(otherStatus);
    }
    throw e;
  }

  /** One substitution, so a name or a fault string that looks like a token stays as it is. */
  private static String line(String template, String name, FaultException e) {
    return template.contains(FAULT)
        ? template.replace(FAULT, e.faultString())
        : template.replace(NAME, name);
  }
}
