package dev.tend.app;

import dev.tend.config.ConfigContext;
import dev.tend.config.ConfigException;
import dev.tend.config.ConfigLoader;
import dev.tend.config.ConfigLocator;
import dev.tend.config.SupervisorConfig;
import dev.tend.platform.EtcFilesUserDatabase;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * {@code tend daemon}: supervisord's command line. For now {@code --check [-c FILE]}: load the
 * config and print what would run, or every error, exit 0 or 2.
 */
final class DaemonCommand {
  private DaemonCommand() {}

  static final String HELP_HINT = "For help, use tend daemon -h";

  static int run(String[] args, PrintStream out, PrintStream err) {
    String home = System.getenv("TEND_HOME");
    ConfigLocator locator =
        new ConfigLocator(
            home == null ? null : Path.of(home, "bin"),
            Path.of("").toAbsolutePath(),
            Files::exists);
    return run(args, out, err, ConfigContext.system(EtcFilesUserDatabase.system()), locator);
  }

  static int run(
      String[] args,
      PrintStream out,
      PrintStream err,
      ConfigContext context,
      ConfigLocator locator) {
    boolean check = false;
    String file = null;
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      if (a.equals("--check")) {
        check = true;
      } else if (a.equals("-h") || a.equals("--help") || a.equals("-?")) {
        out.print(USAGE);
        return 0;
      } else if (a.equals("-c") || a.equals("--configuration")) {
        if (i + 1 >= args.length) {
          return usage(err, "option " + a + " requires argument");
        }
        file = args[++i];
      } else if (a.startsWith("--configuration=")) {
        file = a.substring("--configuration=".length());
      } else if (a.startsWith("-c") && a.length() > 2) {
        file = a.substring(2);
      } else {
        return usage(err, "option " + a + " is not built yet in tend daemon (only -c and --check)");
      }
    }
    if (!check) {
      return usage(err, "running the daemon is not built yet; use tend daemon --check -c FILE");
    }
    return check(file, out, err, context, locator);
  }

  private static int check(
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

  private static int usage(PrintStream err, String message) {
    err.println("Error: " + message);
    err.println(HELP_HINT);
    return 2;
  }

  static final String USAGE =
      """
      tend daemon: the supervisor daemon, supervisord's command line.

      usage:
        tend daemon --check [-c FILE]   load the config (supervisord.conf), print every process
                                        it defines and every warning, or every error; exit 0 or 2
        -c FILE, --configuration=FILE   the config file; without it supervisord's search order
        -h, --help                      this help

      Running the daemon itself is not built yet.
      """;
}
