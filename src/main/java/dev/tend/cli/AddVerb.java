package dev.tend.cli;

import dev.tend.api.Fault;
import dev.tend.api.FaultException;
import dev.tend.api.PythonText;
import dev.tend.api.SupervisorApi;

/** {@code add group ...}: activates groups the last reread found. */
final class AddVerb implements Verb {
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
        if (e.is(Fault.SHUTDOWN_STATE)) {
          s.println("ERROR: shutting down");
          s.exit(Lsb.GENERIC);
        } else if (e.is(Fault.ALREADY_ADDED)) {
          s.println("ERROR: process group already active");
        } else if (e.is(Fault.BAD_NAME)) {
          s.println("ERROR: no such process/group: " + name);
          s.exit(Lsb.GENERIC);
        } else {
          s.exit(Lsb.GENERIC);
          throw e;
        }
      }
    }
  }
}
