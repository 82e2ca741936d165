package dev.tend.app;

import dev.tend.cli.CommandLoop;
import dev.tend.cli.CtlSession;
import dev.tend.cli.EachServer;
import dev.tend.cli.UserInput;
import dev.tend.cli.shell.JlineShell;
import dev.tend.config.ConfigException;
import dev.tend.config.ConfigLocator;
import dev.tend.config.CtlConfig;
import dev.tend.config.CtlConfigReader;
import dev.tend.control.client.ClientSettings;
import dev.tend.platform.UserEnvironment;
import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * {@code tend ctl}: supervisorctl's command line. Reads the options and {@code [supervisorctl]},
 * then runs the one command given (exit status as supervisorctl's) or the shell (exit status 0): on
 * a terminal the jline shell, else a plain loop over standard input, byte for byte as
 * supervisorctl's.
 */
final class CtlCommand {
  static final String HELP_HINT = "For help, use tend ctl -h";

  private CtlCommand() {}

  /** What the command needs from its process. */
  record Environment(
      InputStream in,
      PrintStream out,
      PrintStream err,
      Map<String, String> variables,
      Path workingDirectory,
      boolean stdinIsTerminal,
      boolean stdoutIsTerminal) {

    /**
     * This process's streams; {@code System.out} is replaced by one that flushes only when asked
     * (the JDK's flushes every write: a syscall per status line).
     */
    static Environment system(PrintStream out, PrintStream err) {
      PrintStream stdout = out;
      if (out == System.out) {
        stdout =
            new PrintStream(
                new BufferedOutputStream(new FileOutputStream(FileDescriptor.out), 1 << 16),
                false,
                StandardCharsets.UTF_8);
      }
      return new Environment(
          System.in,
          stdout,
          err,
          System.getenv(),
          Path.of("").toAbsolutePath(),
          Tty.isTerminal(0),
          Tty.isTerminal(1));
    }
  }

  static int run(String[] args, Environment env) {
    CtlServers servers = new CtlServers(env.variables(), env.workingDirectory());
    CtlOptions options;
    try {
      options = CtlOptions.parse(Arrays.asList(args), servers);
    } catch (CtlOptions.UsageException e) {
      return usage(env.err(), e.getMessage());
    }
    if (options.help()) {
      env.out().print(USAGE);
      env.out().flush();
      return 0;
    }
    CtlConfig config;
    List<CtlServers.Target> targets;
    try {
      config = config(options, env);
      targets = servers.targets(options, config);
    } catch (ConfigException e) {
      return usage(env.err(), e.errors().get(0).message());
    } catch (CtlOptions.UsageException e) {
      return usage(env.err(), e.getMessage());
    }
    boolean interactive = options.interactive() || options.args().isEmpty();
    if (targets.size() > 1) {
      return many(targets, options, config, env);
    }
    CtlServers.Target one = targets.isEmpty() ? null : targets.get(0);
    CtlSession.Settings settings =
        new CtlSession.Settings(
            one != null ? one.url() : config.serverurl(),
            one != null ? one.username() : or(options.username(), config.username()),
            one != null ? one.password() : or(options.password(), config.password()),
            interactive,
            colour(env));
    if (!options.args().isEmpty()) {
      return once(settings, String.join(" ", options.args()), env);
    }
    Path history =
        options.historyFile() != null
            ? env.workingDirectory().resolve(options.historyFile())
            : config.historyFile();
    return shell(settings, config.prompt() + "> ", history, env);
  }

  private static int once(CtlSession.Settings settings, String line, Environment env) {
    StdinInput input = new StdinInput(env.in(), env.out(), env.stdinIsTerminal());
    try (SshOnDemand ssh = new SshOnDemand(env.variables());
        CtlSession session = session(settings, input, ssh, env)) {
      session.execute(line);
      return session.exitStatus();
    }
  }

  /** One command on several servers ({@link EachServer}); the shell takes one server only. */
  private static int many(
      List<CtlServers.Target> targets, CtlOptions options, CtlConfig config, Environment env) {
    if (options.args().isEmpty()) {
      return usage(
          env.err(),
          "the shell talks to one server; give a command to run on " + targets.size() + " servers");
    }
    List<EachServer.Server> servers = new ArrayList<>(targets.size());
    for (CtlServers.Target t : targets) {
      servers.add(
          new EachServer.Server(
              t.name(),
              new CtlSession.Settings(
                  t.url(), t.username(), t.password(), options.interactive(), colour(env))));
    }
    StdinInput input = new StdinInput(env.in(), env.out(), false);
    EachServer.Order order =
        new EachServer.Order(options.many().serial(), options.many().stopOnError());
    try (SshOnDemand ssh = new SshOnDemand(env.variables())) {
      EachServer each =
          new EachServer(
              servers,
              RemoteLink.connector(ClientSettings.defaults(), ssh),
              input,
              env.out(),
              env.err());
      int status = each.run(String.join(" ", options.args()), order);
      env.out().flush();
      return status;
    }
  }

  /** The shell; always exit status 0, as supervisorctl's. */
  private static int shell(
      CtlSession.Settings settings, String prompt, @Nullable Path history, Environment env) {
    if (!env.stdinIsTerminal()) {
      StdinInput input = new StdinInput(env.in(), env.out(), false);
      try (SshOnDemand ssh = new SshOnDemand(env.variables());
          CtlSession session = session(settings, input, ssh, env)) {
        CommandLoop.run(session, input, prompt);
      }
      return 0;
    }
    Runnable exitNow =
        new Runnable() {
          @Override
          public void run() {
            env.out().flush();
            System.exit(0);
          }
        };
    try (SshOnDemand ssh = new SshOnDemand(env.variables());
        JlineShell shell = JlineShell.open(history, exitNow);
        CtlSession session = session(settings, shell, ssh, env)) {
      shell.run(session, prompt);
    } catch (IOException e) {
      env.err().println("tend ctl: cannot use the terminal: " + e.getMessage());
      return 1;
    }
    return 0;
  }

  private static CtlSession session(
      CtlSession.Settings settings, UserInput input, SshOnDemand ssh, Environment env) {
    return new CtlSession(
        settings,
        RemoteLink.connector(ClientSettings.defaults(), ssh),
        input,
        env.out(),
        env.err());
  }

  /** {@code [supervisorctl]} of the given or found config file, else supervisorctl's defaults. */
  static CtlConfig config(CtlOptions options, Environment env) throws ConfigException {
    Path file;
    if (options.configFile() != null) {
      file = Path.of(options.configFile());
    } else {
      file = locator(env).find().orElse(null);
      if (file == null) {
        return CtlConfig.defaults();
      }
    }
    return CtlConfigReader.read(file, UserEnvironment.of(env.variables()), env.workingDirectory())
        .requireCtl();
  }

  private static ConfigLocator locator(Environment env) {
    String home = env.variables().get("TEND_HOME");
    Predicate<Path> exists =
        new Predicate<>() {
          @Override
          public boolean test(Path p) {
            return Files.exists(p);
          }
        };
    return new ConfigLocator(
        home == null ? null : Path.of(home, "bin"), env.workingDirectory(), exists);
  }

  /** Colour only for a person: stdout is a terminal, NO_COLOR is unset, TERM is not dumb. */
  static boolean colour(Environment env) {
    String noColor = env.variables().get("NO_COLOR");
    String term = env.variables().get("TERM");
    return env.stdoutIsTerminal() && (noColor == null || noColor.isEmpty()) && !"dumb".equals(term);
  }

  /** The URL {@code -s} gives, else the config's (which always has one). */
  private static @Nullable String or(@Nullable String first, @Nullable String second) {
    return first != null ? first : second;
  }

  static int usage(PrintStream err, String message) {
    err.println("Error: " + message);
    err.println(HELP_HINT);
    err.flush();
    return 2;
  }

  /** What follows the options in {@code -h}; the man page's description says it too. */
  static final String ABOUT_ACTIONS =
      """
      Actions are commands like "tail" or "stop".  If -i is specified or no action is
      specified on the command line, a "shell" interpreting actions typed
      interactively is started.  Use the action "help" to find out about available
      actions.

      Beyond supervisorctl: "status" is coloured on a terminal (not with NO_COLOR or
      when piped); "tail -f" follows several processes at once ("tail -f web:* db",
      "tail -f all stderr"), each line prefixed by its process; "tend completion bash"
      and "tend completion zsh" print shell completion scripts.

      Many servers: with several -s or a -g group, the action runs on each (all at
      once unless --serial), each line prefixed by the server's name; "status"
      prints one table, the server first; the exit status is the highest of them.
      Server URLs may be ssh://[user@]host[:port]/socket, or ssh://host (the server
      the config there names); $TEND_SSH is the ssh command (default "ssh"). See
      tend servers --help for the servers file.
      """;

  static final String USAGE =
      """
      tend ctl -- control applications run by tend or supervisord from the cmd line.

      Usage: tend ctl [options] [action [arguments]]

      Options:
      """
          + CtlOptions.TABLE.usageLines(79)
          + "\naction [arguments] -- see below\n\n"
          + ABOUT_ACTIONS
          + "\n";
}
