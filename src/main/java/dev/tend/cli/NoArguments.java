package dev.tend.cli;

/** The refusal every verb that takes no arguments prints. */
final class NoArguments {
  private NoArguments() {}

  /** Refuses (message, status 1, help) and returns true when {@code arg} is not empty. */
  static boolean refused(CtlSession s, String arg, String verb, String help) {
    if (arg.isEmpty()) {
      return false;
    }
    s.println("Error: " + verb + " accepts no arguments");
    s.exit(Lsb.GENERIC);
    s.printHelp(help);
    return true;
  }
}
