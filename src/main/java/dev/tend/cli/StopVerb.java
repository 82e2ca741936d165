package dev.tend.cli;

import dev.tend.api.PythonText;
import java.util.List;

/** {@code stop name|group:*|all ...}: stops and waits; NOT_RUNNING leaves the status alone. */
final class StopVerb implements Verb {
  @Override
  public String help() {
    return """
        stop <name>\t\tStop a process
        stop <gname>:*\t\tStop all processes in a group
        stop <name> <name>\tStop multiple processes or groups
        stop all\t\tStop all processes
        """;
  }

  @Override
  public Completes completes() {
    return Completes.PROCESSES;
  }

  @Override
  public void run(CtlSession s, String arg) {
    if (!s.upcheck()) {
      return;
    }
    List<String> names = PythonText.split(arg);
    if (!FanOut.requireNames(s, names, "stop requires a process name", Lsb.GENERIC, help())) {
      return;
    }
    FanOut.run(s, FanOut.Action.STOP, names, "");
  }
}
