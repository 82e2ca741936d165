package dev.tend.cli;

/** {@code help [verb]}: the verb list in columns, or one verb's help. */
final class HelpVerb implements Verb {
  static final String HEADER = "default commands (type help <topic>):";

  @Override
  public String help() {
    return ""; // `help help` has its own text, below
  }

  @Override
  public Completes completes() {
    return Completes.VERBS;
  }

  @Override
  public void run(CtlSession s, String arg) {
    if (arg.equals("help")) {
      s.println("help\t\tPrint a list of available actions");
      s.println("help <action>\tPrint help for <action>");
      return;
    }
    if (!arg.isEmpty()) {
      Verb verb = Verbs.lookup(arg);
      if (verb == null || verb.help().isEmpty()) {
        s.println("*** No help on " + arg);
      } else {
        s.printHelp(verb.help());
      }
      return;
    }
    s.println("");
    s.println(HEADER);
    s.println("=".repeat(HEADER.length()));
    for (String line : Columns.layout(Verbs.DOCUMENTED, 79)) {
      s.println(line);
    }
    s.println("");
  }
}
