package dev.tend.cli;

import dev.tend.api.ProcessInfo;
import dev.tend.api.PythonText;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code status [name|group:*|all ...]}: one line per process; exit status 3 when a listed process
 * is not running (assigned last), 4 for an unknown name or an unreachable server.
 */
final class StatusVerb implements Verb {
  @Override
  public String help() {
    return """
        status <name>\t\tGet status for a single process
        status <gname>:*\tGet status for all processes in a group
        status <name> <name>\tGet status for multiple named processes
        status\t\t\tGet all process status info
        """;
  }

  @Override
  public Completes completes() {
    return Completes.PROCESSES;
  }

  @Override
  public void run(CtlSession s, String arg) {
    if (!s.upcheck()) {
      s.exit(Lsb.STATUS_UNKNOWN);
      return;
    }
    List<ProcessInfo> all = s.api().getAllProcessInfo();
    List<String> names = PythonText.split(arg);
    List<ProcessInfo> matching = names.isEmpty() || names.contains("all") ? all : new ArrayList<>();
    if (matching != all) {
      for (String name : names) {
        select(s, all, name, matching);
      }
    }
    s.printStatus(matching);
    for (ProcessInfo info : matching) {
      if (info.state().isStopped()) {
        s.exit(Lsb.STATUS_NOT_RUNNING);
      }
    }
  }

  private static void select(
      CtlSession s, List<ProcessInfo> all, String name, List<ProcessInfo> into) {
    Namespec spec = Namespec.parse(name);
    boolean found = false;
    for (ProcessInfo info : all) {
      if (info.group().equals(spec.group())
          && (spec.isGroup() || info.name().equals(spec.process()))) {
        found = true;
        into.add(info);
      }
    }
    if (!found) {
      s.println(
          spec.isGroup()
              ? spec.group() + ": ERROR (no such group)"
              : name + ": ERROR (no such process)");
      s.exit(Lsb.STATUS_UNKNOWN);
    }
  }
}
