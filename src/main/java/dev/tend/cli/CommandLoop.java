package dev.tend.cli;

/**
 * supervisorctl's shell loop ({@code cmd.Cmd.cmdloop} as supervisorctl starts it): {@code status}
 * first, then a prompt and one command per line until {@code quit}, {@code exit} or end of input
 * (which prints an empty line). Ctrl-C at the prompt, or at a question a verb asks, ends the shell
 * with an empty line too.
 */
public final class CommandLoop {
  private CommandLoop() {}

  public static void run(CtlSession session, UserInput input, String prompt) {
    try {
      session.execute("status");
      while (true) {
        session.flush();
        String line = input.readCommand(prompt);
        if (session.execute(line == null ? "EOF" : line)) {
          return;
        }
      }
    } catch (UserInterrupt e) {
      session.println("");
      session.flush();
    }
  }
}
