package dev.tend.app;

import dev.tend.config.ConfigContext;
import dev.tend.config.ConfigException;
import dev.tend.config.ConfigLoader;
import dev.tend.config.ConfigLocator;
import dev.tend.config.SupervisorConfig;
import dev.tend.platform.Detacher;
import dev.tend.platform.EtcFilesUserDatabase;
import dev.tend.platform.SpawnException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * {@code tend daemon}: supervisord's command line (spec §5.1). Loads the config, then runs in the
 * foreground ({@code -n}) or detaches: a copy of this JVM starts in a new session and the parent
 * exits 0 once the copy says it is up (or prints why it could not start and exits 2). {@code
 * --check} only loads the config and reports.
 */
final class DaemonCommand {
  private DaemonCommand() {}

  static final String HELP_HINT = "For help, use tend daemon -h";
  private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);

  static int run(String[] args, PrintStream out, PrintStream err) {
    DaemonOptions options;
    try {
      options = DaemonOptions.parse(Arrays.asList(args));
    } catch (Getopt.GetoptException e) {
      return usage(err, e.getMessage());
    }
    if (options.help()) {
      out.print(USAGE);
      return 0;
    }
    if (options.version()) {
      out.println(dev.tend.core.Supervisor.SUPERVISOR_VERSION_TEXT);
      return 0;
    }
    if (options.check()) {
      ConfigContext context = ConfigContext.system(EtcFilesUserDatabase.system());
      return check(options.configFile(), out, err, context, locator());
    }
    return start(args, options, out, err);
  }

  /** {@code --check} with a given context and search (tests). */
  static int run(
      String[] args,
      PrintStream out,
      PrintStream err,
      ConfigContext context,
      ConfigLocator locator) {
    DaemonOptions options;
    try {
      options = DaemonOptions.parse(Arrays.asList(args));
    } catch (Getopt.GetoptException e) {
      return usage(err, e.getMessage());
    }
    if (options.help()) {
      out.print(USAGE);
      return 0;
    }
    if (!options.check()) {
      return usage(err, "only --check can run with a given context");
    }
    return check(options.configFile(), out, err, context, locator);
  }

  static ConfigLocator locator() {
    String home = System.getenv("TEND_HOME");
    return new ConfigLocator(
        home == null ? null : Path.of(home, "bin"), Path.of("").toAbsolutePath(), Files::exists);
  }

  private static int start(String[] args, DaemonOptions options, PrintStream out, PrintStream err) {
    ConfigContext context = ConfigContext.system(new dev.tend.platform.NativeUserDatabase());
    var problem = options.problem(new dev.tend.config.CommandLineValues(context));
    if (problem.isPresent()) {
      return usage(err, problem.get());
    }
    ConfigLoader loader = new ConfigLoader(context);
    Path path = configPath(options.configFile(), err, loader);
    if (path == null) {
      return 2;
    }
    SupervisorConfig config;
    try {
      config = Daemon.load(loader, path, options);
    } catch (ConfigException e) {
      ConfigCheckReport.invalid(e, err);
      err.println(HELP_HINT);
      return 2;
    }
    if (!config.supervisord().nodaemon() && !options.daemonizedChild()) {
      return detach(args, config, err);
    }
    Detacher.Readiness readiness =
        options.daemonizedChild() ? Detacher.Readiness.fromEnvironment(System.getenv()) : null;
    try {
      return new Daemon(config, path, options, loader, out, err).serve(readiness);
    } catch (StartupException e) {
      if (readiness != null) {
        readiness.failed(e.getMessage());
      }
      return usage(err, e.getMessage());
    }
  }

  private static @Nullable Path configPath(
      @Nullable String file, PrintStream err, ConfigLoader loader) {
    if (file != null) {
      return Path.of(file);
    }
    ConfigLocator locator = locator();
    Optional<Path> found = locator.find();
    if (found.isEmpty()) {
      usage(err, locator.notFoundMessage());
      return null;
    }
    return found.get();
  }

  /** supervisord forks; a JVM cannot, so a copy of it starts in its own session instead. */
  private static int detach(String[] args, SupervisorConfig config, PrintStream err) {
    List<String> childArgs = new ArrayList<>();
    childArgs.add("daemon");
    childArgs.addAll(Arrays.asList(args));
    childArgs.add(DaemonOptions.DAEMONIZED_FLAG);
    Path dir = config.supervisord().directory();
    try {
      Detacher.Detached child =
          Detacher.start(
              Detacher.currentJvmCommand(Main.class.getName(), childArgs), System.getenv(), dir);
      String problem = child.awaitReady(READY_TIMEOUT);
      if (problem != null) {
        return usage(err, problem);
      }
      return 0;
    } catch (SpawnException e) {
      return usage(err, "could not daemonize: " + e.getMessage());
    }
  }

  static int check(
      @Nullable String file,
      PrintStream out,
      PrintStream err,
      ConfigContext context,
      ConfigLocator locator) {
    Path path;
    if (file != null) {
      path = Path.of(file);
    } else {
      if (context.users().currentUid() == 0) {
        err.println("Warning: " + ConfigLocator.ROOT_SEARCH_WARNING);
      }
      Optional<Path> found = locator.find();
      if (found.isEmpty()) {
        return usage(err, locator.notFoundMessage());
      }
      path = found.get();
    }
    try {
      SupervisorConfig config = new ConfigLoader(context).load(path);
      ConfigCheckReport.valid(config, out);
      return 0;
    } catch (ConfigException e) {
      ConfigCheckReport.invalid(e, err);
      err.println(HELP_HINT);
      return 2;
    }
  }

  static int usage(PrintStream err, String message) {
    err.println("Error: " + message);
    err.println(HELP_HINT);
    return 2;
  }

  static final String USAGE =
      """
      tend daemon -- run a set of applications as daemons (supervisord's command line).

      Usage: tend daemon [options]

      Options:
      """
          + DaemonOptions.TABLE.usageLines(79);
}
