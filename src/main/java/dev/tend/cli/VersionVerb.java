package dev.tend.cli;

/** {@code version}: the remote supervisor's version. */
final class VersionVerb implements Verb {
  @Override
  public String help() {
    return "version\t\t\tShow the version of the remote supervisord process\n";
  }

  @Override
  public Completes completes() {
    return Completes.NOTHING;
  }

  @Override
  public void run(CtlSession s, String arg) {
    if (NoArguments.refused(s, arg, "version", help())) {
      return;
    }
    if (!s.upcheck()) {
      return;
    }
    s.println(s.api().getSupervisorVersion());
  }
}
