package dev.tend.cli;

import dev.tend.api.Fault;
import dev.tend.api.FaultException;
import dev.tend.api.PythonText;
import dev.tend.api.SupervisorApi;

/** {@code add group ...}: activates groups the last reread found. */
final class AddVerb implements Verb {
  private static final FaultOutcomes FAULTS =
      FaultOutcomes.otherwise(Lsb.GENERIC)
          .on(Fault.SHUTDOWN_STATE, "ERROR: shutting down", Lsb.GENERIC)
          .on(Fault.ALREADY_ADDED, "ERROR: process group already active", FaultOutcomes.UNCHANGED)
          .on(Fault.BAD_NAME, "ERROR: no such process/group: " + FaultOutcomes.NAME, Lsb.GENERIC);

  @Override
  public String help() {
    return "add <name> [...]\tActivates any updates in config for process/group\n";
  }

  @Override
  public Completes completes() {
    return Completes.GROUPS;
  }

  @Override
  public void run(CtlSession s, String arg) {
    SupervisorApi api = s.api();
    for (String name : PythonText.split(arg)) {
      try {
        api.addProcessGroup(name);
        s.println(name + ": added process group");
      } catch (FaultException e) {
        FAULTS.handle(s, name, e);
      }
    }
  }
}
