package dev.tend.core;

import dev.tend.config.BadCommandException;
import dev.tend.config.CommandLine;
import dev.tend.config.ProcessConfig;
import dev.tend.platform.CommandResolver;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The real {@link CommandPreparer}: POSIX shlex split, then the PATH search and checks of spec
 * §1.16 (the program's PATH from its environment, else the daemon's, else the default).
 */
public final class ResolvingCommandPreparer implements CommandPreparer {
  private final @Nullable String daemonPath;

  /**
   * @param daemonPath the daemon's own PATH, or null when it has none
   */
  public ResolvingCommandPreparer(@Nullable String daemonPath) {
    this.daemonPath = daemonPath;
  }

  @Override
  public PreparedCommand prepare(ProcessConfig process, Map<String, String> environment)
      throws CommandException {
    List<String> argv;
    try {
      argv = CommandLine.split(process.command());
    } catch (BadCommandException e) {
      throw new CommandException(CommandException.Kind.BAD_COMMAND, e.getMessage());
    }
    String programPath = process.environment().get("PATH");
    CommandResolver resolver = CommandResolver.forPaths(programPath, daemonPath);
    return switch (resolver.resolve(argv.get(0))) {
      case CommandResolver.Found f -> new PreparedCommand(f.file(), argv);
      case CommandResolver.NotFound n ->
          throw new CommandException(CommandException.Kind.NOT_FOUND, n.message());
      case CommandResolver.NotExecutable n ->
          throw new CommandException(CommandException.Kind.NOT_EXECUTABLE, n.message());
      case CommandResolver.NoPermission n ->
          throw new CommandException(CommandException.Kind.NO_PERMISSION, n.message());
    };
  }
}
