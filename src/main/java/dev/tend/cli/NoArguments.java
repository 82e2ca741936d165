package dev.tend.cli;

/** The refusal every verb that takes no arguments prints. */
final class NoArguments {
  private NoArguments() {}

  static void refuse(CtlSession s, String verb, String help) {
    s.println("Error: " + verb + " accepts no arguments");
    s.exit(Lsb.GENERIC);
    s.printHelp(help);
  }
}
