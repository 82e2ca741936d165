package dev.tend.core;

import dev.tend.api.Fault;
import dev.tend.api.FaultException;
import dev.tend.api.ProcessInfo;
import dev.tend.config.ProcessConfig;
import dev.tend.platform.ChildProcess;
import dev.tend.platform.ExitListener;
import dev.tend.platform.OutputSink;
import dev.tend.platform.ProcessLauncher;
import dev.tend.platform.SpawnException;
import dev.tend.platform.SpawnRequest;
import dev.tend.platform.UserAccount;
import dev.tend.platform.UserDatabase;
import java.nio.file.Path;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * How a child is made, in supervisord's two steps: {@link #prepare} works out what to run (the
 * account, the environment, the resolved command), {@link #launch} hands that to the OS with the
 * output sinks of the run. Both fail with supervisord's {@code spawnerr} text. Stateless past
 * construction; called on the loop thread.
 */
final class Spawner {
  private final ProcessLauncher launcher;
  private final CommandPreparer preparer;
  private final UserDatabase users;
  private final ChildEnvironment environment;

  Spawner(
      ProcessLauncher launcher,
      CommandPreparer preparer,
      UserDatabase users,
      ChildEnvironment environment) {
    this.launcher = launcher;
    this.preparer = preparer;
    this.users = users;
    this.environment = environment;
  }

  /** What to run, as {@link #prepare} worked it out. */
  record Plan(
      PreparedCommand command, Map<String, String> environment, @Nullable UserAccount user) {}

  /** A spawn that cannot happen; the message is the process's {@code spawnerr}. */
  static final class Refused extends Exception {
    private static final long serialVersionUID = 1L;

    Refused(String spawnerr) {
      super(spawnerr);
    }

    String spawnerr() {
      String m = getMessage();
      return m == null ? "unknown spawn error" : m;
    }
  }

  /** The first step: the account, the environment and the command of one run. */
  Plan prepare(ProcessConfig config, String group) throws Refused {
    UserAccount user = null;
    Integer uid = config.uid();
    if (uid != null) {
      user = users.byUid(uid).orElse(null);
      if (user == null) {
        throw new Refused("Can't find username '" + config.user() + "'");
      }
    }
    Map<String, String> env = environment.build(config, group, user);
    try {
      return new Plan(preparer.prepare(config, env), env, user);
    } catch (CommandPreparer.CommandException e) {
      throw new Refused(e.getMessage() == null ? "unknown spawn error" : e.getMessage());
    }
  }

  /** The second step: the child, running. {@code onExit} is called on the platform's I/O thread. */
  ChildProcess launch(
      ProcessConfig config,
      Plan plan,
      OutputSink stdout,
      @Nullable OutputSink stderr,
      ExitListener onExit)
      throws Refused {
    String directory = config.directory();
    SpawnRequest request =
        new SpawnRequest(
            plan.command().executable(),
            plan.command().argv(),
            plan.environment(),
            directory == null ? null : Path.of(directory),
            config.umask(),
            plan.user(),
            -1,
            stdout,
            stderr,
            onExit);
    try {
      return launcher.spawn(request);
    } catch (SpawnException e) {
      throw new Refused(spawnErrorText(config.name(), e));
    }
  }

  /**
   * startProcess's check before any state changes: NO_FILE or NOT_EXECUTABLE when the command
   * cannot run (the account's variables are left out, as supervisord checks before the fork).
   */
  void checkCommand(ProcessConfig config, String group) {
    try {
      preparer.prepare(config, environment.build(config, group, null));
    } catch (CommandPreparer.CommandException e) {
      Fault f =
          e.kind() == CommandPreparer.CommandException.Kind.NOT_FOUND
              ? Fault.NO_FILE
              : Fault.NOT_EXECUTABLE;
      String message = e.getMessage();
      throw new FaultException(
          f, message == null ? ProcessInfo.namespec(group, config.name()) : message);
    }
  }

  private static String spawnErrorText(String name, SpawnException e) {
    String message = e.getMessage();
    return switch (e.errnoName()) {
      case "EMFILE" -> "too many open files to spawn '" + name + "'";
      case "EAGAIN" -> "Too many processes in process table to spawn '" + name + "'";
      default ->
          message != null && !message.isEmpty() && e.errno() == 0
              ? message
              : "unknown error during fork for '" + name + "': " + e.errnoName();
    };
  }
}
