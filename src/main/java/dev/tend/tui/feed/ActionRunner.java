package dev.tend.tui.feed;

import dev.tend.api.FaultException;
import dev.tend.api.ProcessInfo;
import dev.tend.api.ProcessResult;
import dev.tend.api.SupervisorApi;
import dev.tend.tui.state.ProcessRequest;
import dev.tend.tui.state.ProcessRequest.Verb;
import dev.tend.tui.state.Target;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Runs confirmed process requests against the API, waiting for each to finish as supervisorctl
 * does, and words the result for the message line. Blocking: call it off the UI thread. Never
 * throws: every failure becomes an outcome's text.
 */
public final class ActionRunner {

  /** What the message line says after an action; {@code error} tints it. */
  public record Outcome(String text, boolean error) {}

  /** One process's result: {@code words} is empty on success. */
  private record Item(String namespec, boolean ok, boolean harmless, String words) {}

  private final SupervisorApi api;

  public ActionRunner(SupervisorApi api) {
    this.api = api;
  }

  public Outcome run(ProcessRequest r) {
    try {
      List<Item> items =
          switch (r.target()) {
            case Target.One one -> List.of(one(r, one.namespec()));
            case Target.Several several ->
                several.namespecs().stream().map(n -> one(r, n)).toList();
            case Target.Group g -> group(r, g.group());
            case Target.All all -> all(r);
          };
      return summarise(r, items);
    } catch (RuntimeException e) {
      return new Outcome("cannot " + r.describe() + ": " + FaultWords.of(e), true);
    }
  }

  private Item one(ProcessRequest r, String namespec) {
    try {
      switch (r.verb()) {
        case START -> api.startProcess(namespec, true);
        case STOP -> api.stopProcess(namespec, true);
        case RESTART -> {
          try {
            api.stopProcess(namespec, true);
          } catch (FaultException e) {
            if (!e.is(dev.tend.api.Fault.NOT_RUNNING)) {
              throw e;
            }
          }
          api.startProcess(namespec, true);
        }
        case SIGNAL -> api.signalProcess(namespec, Objects.requireNonNull(r.signal()));
        case CLEAR -> api.clearProcessLogs(namespec);
      }
      return new Item(namespec, true, false, "");
    } catch (FaultException e) {
      return new Item(namespec, false, harmless(r.verb(), e.code()), FaultWords.of(e));
    }
  }

  private List<Item> group(ProcessRequest r, String group) {
    return switch (r.verb()) {
      case START -> items(api.startProcessGroup(group, true), r.verb());
      case STOP -> items(api.stopProcessGroup(group, true), r.verb());
      case RESTART -> {
        api.stopProcessGroup(group, true);
        yield items(api.startProcessGroup(group, true), Verb.START);
      }
      case SIGNAL ->
          items(api.signalProcessGroup(group, Objects.requireNonNull(r.signal())), r.verb());
      case CLEAR -> {
        List<Item> items = new ArrayList<>();
        for (ProcessInfo p : api.getAllProcessInfo()) {
          if (p.group().equals(group)) {
            items.add(one(r, p.namespec()));
          }
        }
        yield items;
      }
    };
  }

  private List<Item> all(ProcessRequest r) {
    return switch (r.verb()) {
      case START -> items(api.startAllProcesses(true), r.verb());
      case STOP -> items(api.stopAllProcesses(true), r.verb());
      case RESTART -> {
        api.stopAllProcesses(true);
        yield items(api.startAllProcesses(true), Verb.START);
      }
      case SIGNAL -> items(api.signalAllProcesses(Objects.requireNonNull(r.signal())), r.verb());
      case CLEAR -> items(api.clearAllProcessLogs(), r.verb());
    };
  }

  private static List<Item> items(List<ProcessResult> results, Verb verb) {
    return results.stream()
        .map(
            p ->
                p.isSuccess()
                    ? new Item(p.namespec(), true, false, "")
                    : new Item(
                        p.namespec(),
                        false,
                        harmless(verb, p.status()),
                        FaultWords.of(p.status(), p.description())))
        .toList();
  }

  private static boolean harmless(Verb verb, int code) {
    return (verb == Verb.START || verb == Verb.STOP) && FaultWords.harmless(code);
  }

  private static Outcome summarise(ProcessRequest r, List<Item> items) {
    String done = r.verb().done();
    if (items.isEmpty()) {
      return new Outcome(r.target().describe() + ": nothing to " + r.verb().word(), false);
    }
    if (items.size() == 1) {
      Item i = items.get(0);
      return i.ok()
          ? new Outcome(i.namespec() + ": " + done + signalSuffix(r), false)
          : new Outcome(i.namespec() + ": ERROR (" + i.words() + ")", !i.harmless());
    }
    List<Item> failed = items.stream().filter(i -> !i.ok()).toList();
    int ok = items.size() - failed.size();
    StringBuilder text = new StringBuilder(r.target().describe()).append(": ");
    text.append(done).append(' ').append(ok).append(" of ").append(items.size());
    for (Item f : failed.subList(0, Math.min(3, failed.size()))) {
      text.append("; ").append(f.namespec()).append(": ERROR (").append(f.words()).append(')');
    }
    if (failed.size() > 3) {
      text.append("; ").append(failed.size() - 3).append(" more failed");
    }
    return new Outcome(text.toString(), failed.stream().anyMatch(i -> !i.harmless()));
  }

  private static String signalSuffix(ProcessRequest r) {
    return r.signal() == null ? "" : " (SIG" + r.signal() + ")";
  }
}
