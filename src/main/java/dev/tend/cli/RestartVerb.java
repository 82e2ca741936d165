package dev.tend.cli;

import dev.tend.api.PythonText;

/** {@code restart name|group:*|all ...}: {@code stop} then {@code start}, each with its checks. */
final class RestartVerb implements Verb {
  @Override
  public String help() {
    return """
        restart <name>\t\tRestart a process
        restart <gname>:*\tRestart all processes in a group
        restart <name> <name>\tRestart multiple processes or groups
        restart all\t\tRestart all processes
        Note: restart does not reread config files. For that, see reread and update.
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
    if (!FanOut.requireNames(
        s, PythonText.split(arg), "restart requires a process name", Lsb.GENERIC, help())) {
      return;
    }
    new StopVerb().run(s, arg);
    new StartVerb().run(s, arg);
  }
}
