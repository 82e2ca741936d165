package dev.tend.cli;

/** {@code quit}, {@code exit} and {@code EOF} (end of input): an empty line, and the shell ends. */
final class QuitVerb implements Verb {
  private final String name;

  QuitVerb(String name) {
    this.name = name;
  }

  @Override
  public String help() {
    return switch (name) {
      case "quit" -> "quit\tExit the supervisor shell.\n";
      case "exit" -> "exit\tExit the supervisor shell.\n";
      default -> "";
    };
  }

  @Override
  public Completes completes() {
    return Completes.NOTHING;
  }

  @Override
  public void run(CtlSession s, String arg) {
    s.println("");
    s.leave();
  }
}
