package dev.tend.core;

import dev.tend.config.ProcessConfig;
import java.util.Map;

/**
 * Splits a process's command (POSIX shlex) and finds the file to run on the PATH (the program's
 * environment PATH, else the daemon's), as supervisord does before every spawn.
 */
@FunctionalInterface
public interface CommandPreparer {

  /**
   * @param environment the child's complete environment (its PATH is searched)
   * @throws CommandException with supervisord's message when the command cannot run
   */
  PreparedCommand prepare(ProcessConfig process, Map<String, String> environment)
      throws CommandException;

  /** Why a command cannot be run; {@link #kind} maps to the API's fault. */
  final class CommandException extends Exception {
    private static final long serialVersionUID = 1L;

    /** NOT_FOUND maps to fault NO_FILE; the others to NOT_EXECUTABLE. */
    public enum Kind {
      NOT_FOUND,
      NOT_EXECUTABLE,
      NO_PERMISSION,
      BAD_COMMAND
    }

    private final Kind kind;

    public CommandException(Kind kind, String message) {
      super(message);
      this.kind = kind;
    }

    public Kind kind() {
      return kind;
    }
  }
}
