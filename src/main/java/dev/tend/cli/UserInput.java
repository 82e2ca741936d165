package dev.tend.cli;

import org.jspecify.annotations.Nullable;

/**
 * Where a session reads what the user types (shell lines, y/N answers, a login, {@code fg}'s input)
 * and learns of Ctrl-C. Implemented over a plain stdin and over jline's line reader.
 */
public interface UserInput {

  /**
   * Shows {@code prompt} and reads a line, without its end.
   *
   * @return null at end of input
   * @throws UserInterrupt when the user pressed Ctrl-C while it waited
   */
  @Nullable String readLine(String prompt);

  /**
   * As {@link #readLine}, for a shell command line: kept in the history where there is one, and
   * completed on Tab.
   */
  default @Nullable String readCommand(String prompt) {
    return readLine(prompt);
  }

  /** As {@link #readLine}, without echoing what is typed. */
  @Nullable String readPassword(String prompt);

  /**
   * Calls {@code action} (on a thread of the implementation's) each time the user presses Ctrl-C
   * until the registration is closed; meanwhile Ctrl-C does nothing else. For verbs that stream
   * until interrupted ({@code tail -f}, {@code maintail -f}, {@code fg}).
   */
  Registration onInterrupt(Runnable action);

  /** Whether a person is there to answer a prompt (stdin is a terminal). */
  boolean isTerminal();

  /** Ends an {@link #onInterrupt} registration. */
  interface Registration extends AutoCloseable {
    @Override
    void close();
  }
}
