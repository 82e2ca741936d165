package dev.tend.cli;

import dev.tend.api.Fault;
import dev.tend.api.FaultException;
import dev.tend.api.PythonText;
import dev.tend.api.SupervisorApi;

/** {@code remove group ...}: removes stopped groups from the running config. */
final class RemoveVerb implements Verb {
  private static final FaultOutcomes FAULTS =
      FaultOutcomes.otherwise(Lsb.GENERIC)
          .on(
              Fault.STILL_RUNNING,
              "ERROR: process/group still running: " + FaultOutcomes.NAME,
              Lsb.GENERIC)
          .on(Fault.BAD_NAME, "ERROR: no such process/group: " + FaultOutcomes.NAME, Lsb.GENERIC);

  @Override
  public String help() {
    return "remove <name> [...]\tRemoves process/group from active config\n";
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
        api.removeProcessGroup(name);
        s.println(name + ": removed process group");
      } catch (FaultException e) {
        FAULTS.handle(s, name, e);
      }
    }
  }
}
