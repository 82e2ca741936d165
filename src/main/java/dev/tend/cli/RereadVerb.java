package dev.tend.cli;

import dev.tend.api.Fault;
import dev.tend.api.FaultException;
import dev.tend.api.ReloadDiff;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** {@code reread}: what changed in the config files, without acting on it. */
final class RereadVerb implements Verb {
  private static final FaultOutcomes FAULTS =
      FaultOutcomes.otherwise(Lsb.GENERIC)
          .on(Fault.SHUTDOWN_STATE, "ERROR: supervisor shutting down", Lsb.GENERIC)
          .on(Fault.CANT_REREAD, "ERROR: " + FaultOutcomes.FAULT, Lsb.GENERIC);

  @Override
  public String help() {
    return "reread \t\t\tReload the daemon's configuration files without add/remove\n";
  }

  @Override
  public Completes completes() {
    return Completes.NOTHING;
  }

  @Override
  public void run(CtlSession s, String arg) {
    if (NoArguments.refused(s, arg, "reread", help())) {
      return;
    }
    ReloadDiff diff;
    try {
      diff = s.api().reloadConfig();
    } catch (FaultException e) {
      FAULTS.handle(s, "", e);
      return;
    }
    for (String line : changes(diff)) {
      s.println(line);
    }
  }

  /** supervisorctl's {@code _formatChanges}: sorted {@code name: available|changed|disappeared}. */
  static List<String> changes(ReloadDiff diff) {
    java.util.Map<String, String> byName = new java.util.HashMap<>();
    for (String n : diff.added()) {
      byName.put(n, "available");
    }
    for (String n : diff.changed()) {
      byName.put(n, "changed");
    }
    for (String n : diff.removed()) {
      byName.put(n, "disappeared");
    }
    if (byName.isEmpty()) {
      return List.of("No config updates to processes");
    }
    List<String> names = new ArrayList<>(byName.keySet());
    Collections.sort(names);
    List<String> lines = new ArrayList<>(names.size());
    for (String n : names) {
      lines.add(n + ": " + byName.get(n));
    }
    return lines;
  }
}
