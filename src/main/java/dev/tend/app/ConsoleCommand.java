package dev.tend.app;

import dev.tend.api.ConnectionException;
import dev.tend.api.FaultException;
import dev.tend.api.SupervisorApi;
import dev.tend.config.ConfigException;
import dev.tend.config.CtlConfig;
import dev.tend.config.CtlConfigReader;
import dev.tend.config.CtlFileConfig;
import dev.tend.control.client.ClientSettings;
import dev.tend.control.client.RemoteSupervisor;
import dev.tend.control.client.ServerUrl;
import dev.tend.platform.UserEnvironment;
import dev.tend.tui.feed.ConsolePreferences;
import dev.tend.tui.state.ConsoleOptions;
import dev.tend.tui.state.ConsoleOptions.ExitChoice;
import dev.tend.tui.state.ConsoleOptions.Mode;
import dev.tend.tui.view.Console;
import dev.tend.tui.view.TtyTerminal;
import java.io.IOException;
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
 * {@code tend [-c FILE | -s URL]}: the console. It attaches to whatever answers at the config's
 * server (a tend daemon or a real supervisord). When nothing answers and the config has a server
 * section, it hosts: it starts {@code tend daemon} on that config in the background and attaches to
 * it, so the programs do not depend on this terminal — an ssh session that drops does not take
 * production down with it — and quitting asks whether to stop them or leave them running.
 */
final class ConsoleCommand {
  /** The console's options; help and the tend(1) man page are made from this table. */
  static final OptionTable TABLE =
      OptionTable.of(
          CommandOption.of(
              "c",
              "configuration",
              "FILE",
              "a supervisord.conf (default: supervisorctl's search order)"),
          CommandOption.of(
              "s",
              "serverurl",
              "URL",
              "attach to unix:///path, http://host:port or ssh://[user@]host[/path/to/socket]"
                  + " (docs/SERVERS.md), or to the NAME of a [server:NAME] of the servers file;"
                  + " many times: one table of all their processes, with a SERVER column"),
          CommandOption.of(
              "g",
              "group",
              "NAME",
              "the servers of [group:NAME] of the servers file (also: tend NAME); many times"),
          CommandOption.flag("", "all", "every server of the servers file"),
          CommandOption.flag(
              "",
              "local",
              "every supervisord and tend instance found on this host (as tend servers --local)"),
          CommandOption.of(
              "",
              "servers",
              "FILE",
              "the servers file (default ~/.config/tend/servers.conf; see tend servers --help)"),
          CommandOption.of(
              "u", "username", "USER", "basic-auth user (default: the config's [supervisorctl])"),
          CommandOption.of("p", "password", "PASSWORD", "basic-auth password"),
          CommandOption.flag("", "read-only", "no action that changes anything"),
          CommandOption.of(
              "",
              "log-lines",
              "N",
              "lines each log pane keeps (default 10000, or log-lines in"
                  + " ~/.config/tend/console.conf; 100 to 200000)"),
          CommandOption.flag("h", "help", "print this help and exit"));

  private ConsoleCommand() {}

  /** What the console is, before the options in {@code -h}; the man page says it too. */
  static final String ABOUT =
      """
      tend: the console. Attaches to the supervisor of a config (a tend daemon or supervisord),
      or, when none answers, starts tend daemon on it and attaches (HOSTED). With several
      servers (-s many times, a group of the servers file, --all, --local), one table shows
      the processes of all of them, each row with its SERVER.
      """;

  static final String HELP =
      ABOUT
          + """

          usage: tend [-c FILE | -s URL] [-u USER] [-p PASSWORD] [--read-only] [--log-lines N]
                 tend [-s URL|NAME]... [-g GROUP]... [--all] [--local] [GROUP...]
                 tend demo [--read-only]

          """
          + TABLE.usageLines(79)
          + """

          Press ? in the console for its keys. The panes are kept per config or server and come
          back next time.
          """;

  /** How to reach the supervisor, and whether hosting is possible. */
  private record Target(String url, @Nullable Path config, boolean canHost, CtlConfig ctl) {}

  static int run(String[] args, PrintStream out, PrintStream err) {
    Getopt.Result r;
    try {
      r = Getopt.parse(Arrays.asList(args), TABLE.shortSpec(), TABLE.longSpec());
    } catch (Getopt.GetoptException e) {
      return usage(err, e.getMessage());
    }
    Line line = new Line(r.rest());
    for (Getopt.Option o : r.options()) {
      if (o.name().equals("--log-lines")) {
        line.logLines = logLines(o.value());
        if (line.logLines == null) {
          return usage(
              err,
              "--log-lines must be a number from 100 to "
                  + ConsoleOptions.MAX_LOG_LINES
                  + ", got '"
                  + o.value()
                  + "'");
        }
      } else if (!line.take(o)) {
        out.print(HELP);
        return 0;
      }
    }
    Choices choices = new Choices(line.readOnly, line.logLines);
    ConsoleServers many =
        new ConsoleServers(line.urls, line.groups, line.serversFile, line.all, line.local);
    if (many.many()) {
      return ConsoleOnServers.open(many, line.user, line.pass, choices, out, err);
    }
    String url = line.urls.isEmpty() ? null : line.urls.get(0);
    return open(line.file, url, line.user, line.pass, choices, out, err);
  }

  /** The options as read, in order. */
  private static final class Line {
    // all fields: written while the options are read, then only read
    @Nullable String file;
    final List<String> urls = new ArrayList<>();
    final List<String> groups;
    @Nullable String serversFile;
    boolean all;
    boolean local;
    @Nullable String user;
    @Nullable String pass;
    boolean readOnly;
    @Nullable Integer logLines;

    Line(List<String> words) {
      groups = new ArrayList<>(words); // tend web: the servers of a group
    }

    /** Takes one option; false for help. */
    boolean take(Getopt.Option o) {
      switch (o.name()) {
        case "-c", "--configuration" -> file = o.value();
        case "-s", "--serverurl" -> urls.add(o.value());
        case "-g", "--group" -> groups.add(o.value());
        case "--servers" -> serversFile = o.value();
        case "--all" -> all = true;
        case "--local" -> local = true;
        case "-u", "--username" -> user = o.value();
        case "-p", "--password" -> pass = o.value();
        case "--read-only" -> readOnly = true;
        default -> {
          return false;
        }
      }
      return true;
    }
  }

  /** What the command line chose for the console itself. */
  record Choices(boolean readOnly, @Nullable Integer logLines) {}

  private static @Nullable Integer logLines(@Nullable String text) {
    try {
      int n = Integer.parseInt(text == null ? "" : text.strip());
      return n >= 100 && n <= ConsoleOptions.MAX_LOG_LINES ? n : null;
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /** {@code tend demo}: the console on the bundled demo config. */
  static int demo(String[] args, PrintStream out, PrintStream err) {
    String home = System.getenv("TEND_HOME");
    Path conf =
        Path.of(home == null ? "." : home, "examples", "demo", "supervisord.conf").toAbsolutePath();
    boolean readOnly = Arrays.asList(args).contains("--read-only");
    return open(conf.toString(), null, null, null, new Choices(readOnly, null), out, err);
  }

  private static int open(
      @Nullable String file,
      @Nullable String url,
      @Nullable String user,
      @Nullable String pass,
      Choices choices,
      PrintStream out,
      PrintStream err) {
    Target target;
    try {
      target = target(file, url);
    } catch (ConfigException e) {
      return usage(err, e.errors().get(0).describe());
    }
    ServerUrl serverUrl;
    try {
      serverUrl = ServerUrl.parse(target.url());
    } catch (IllegalArgumentException e) {
      return usage(err, "value '" + target.url() + "' is not a URL");
    }
    ClientSettings settings =
        ClientSettings.defaults()
            .withCredentials(
                user != null ? user : target.ctl().username(),
                pass != null ? pass : target.ctl().password())
            // the console draws at most 25 frames a second: a trickling log's lines may gather
            .withFollowInterval(Duration.ofMillis(40));
    try (SshOnDemand ssh = new SshOnDemand(System.getenv())) {
      RemoteSupervisor api =
          serverUrl.isSsh()
              ? RemoteSupervisor.connect(serverUrl, settings, ssh.get())
              : RemoteSupervisor.connect(serverUrl, settings);
      return attach(api, serverUrl, ssh, target, choices, out, err);
    }
  }

  /**
   * Asks the server for its state before the screen is taken, so that ssh's questions (a
   * passphrase, a host key) reach the person at the terminal; ssh may not ask anything after.
   */
  private static int attach(
      RemoteSupervisor api,
      ServerUrl serverUrl,
      SshOnDemand ssh,
      Target target,
      Choices choices,
      PrintStream out,
      PrintStream err) {
    Mode mode = Mode.ATTACHED;
    try {
      api.getState();
    } catch (ConnectionException e) {
      boolean down =
          e.kind() == ConnectionException.Kind.REFUSED
              || e.kind() == ConnectionException.Kind.NO_SUCH_FILE;
      if (!down || !target.canHost() || target.config() == null) {
        err.println("tend: " + e.getMessage());
        return 1;
      }
      err.println("tend: nothing answers at " + target.url() + "; starting tend daemon on it");
      String problem = DaemonStarter.start(List.of("-c", target.config().toString()), null);
      if (problem != null) {
        DaemonCommand.printProblem(err, problem);
        return 2;
      }
      mode = Mode.HOSTED;
    } catch (FaultException e) {
      err.println("tend: " + target.url() + " answered " + e.faultString());
      return 1;
    }
    if (serverUrl.isSsh()) {
      ssh.get().allowPrompts(false);
    }
    SupervisorApi console = serverUrl.isUnix() ? LocalStats.around(api) : api;
    return runConsole(console, mode, target, choices, out, err);
  }

  private static int runConsole(
      SupervisorApi api,
      Mode mode,
      Target target,
      Choices choices,
      PrintStream out,
      PrintStream err) {
    Path config = target.config();
    String key = config != null ? config.toAbsolutePath().normalize().toString() : target.url();
    String shown = config != null ? shownPath(config) : target.url();
    ConsoleOptions options =
        ConsoleOptions.defaults(mode, shown)
            .withTarget(shown, key)
            .withReadOnly(choices.readOnly());
    Integer lines = choices.logLines() != null ? choices.logLines() : savedLogLines(options, err);
    if (lines != null) {
      options = options.withLogLines(lines);
    }
    ExitChoice choice;
    try (TtyTerminal terminal = TtyTerminal.open()) {
      choice = Console.run(api, options, terminal);
    } catch (IOException e) {
      err.println("tend: " + e.getMessage());
      return 1;
    }
    return afterwards(api, choice, target, out, err);
  }

  private static int afterwards(
      SupervisorApi api, ExitChoice choice, Target target, PrintStream out, PrintStream err) {
    String again =
        target.config() != null ? "tend -c " + target.config() : "tend -s " + target.url();
    switch (choice) {
      case STOP_PROGRAMS -> {
        try {
          int pid = api.getPID();
          api.shutdown();
          Optional<ProcessHandle> h = ProcessHandle.of(pid);
          if (h.isPresent()) {
            h.get()
                .onExit()
                .orTimeout(Duration.ofMinutes(5).toSeconds(), java.util.concurrent.TimeUnit.SECONDS)
                .join();
          }
          out.println("tend: stopped the programs and the daemon");
        } catch (RuntimeException e) {
          err.println("tend: could not stop the daemon: " + e.getMessage());
          return 1;
        }
      }
      case LEAVE_RUNNING ->
          out.println(
              "tend: the programs keep running under tend daemon; "
                  + again
                  + " comes back, tend ctl"
                  + (target.config() != null ? " -c " + target.config() : " -s " + target.url())
                  + " shutdown stops them");
      case DETACH -> {}
    }
    return 0;
  }

  /**
   * A config path as the header shows it: relative to the working directory when it is below it,
   * else from the home folder ({@code ~/...}), else absolute.
   */
  static String shownPath(Path config) {
    Path abs = config.toAbsolutePath().normalize();
    Path cwd = Path.of("").toAbsolutePath();
    if (abs.startsWith(cwd) && !abs.equals(cwd)) {
      return cwd.relativize(abs).toString();
    }
    String home = System.getProperty("user.home", "");
    if (!home.isEmpty() && abs.startsWith(Path.of(home))) {
      return "~/" + Path.of(home).relativize(abs);
    }
    return abs.toString();
  }

  /** {@code log-lines} from console.conf, when it is set and sane (else a word on stderr). */
  static @Nullable Integer savedLogLines(ConsoleOptions options, PrintStream err) {
    Path prefs = options.preferencesFile();
    String v = prefs == null ? null : ConsolePreferences.read(prefs).get("log-lines");
    if (v == null) {
      return null;
    }
    Integer n = logLines(v);
    if (n == null) {
      err.println(
          "tend: ignoring log-lines = "
              + v
              + " in "
              + prefs
              + " (a number from 100 to "
              + ConsoleOptions.MAX_LOG_LINES
              + ")");
    }
    return n;
  }

  /** The server URL from -s, or from the config as supervisorctl and the daemon see it. */
  private static Target target(@Nullable String file, @Nullable String url) throws ConfigException {
    Path config = null;
    if (file != null) {
      config = Path.of(file);
    } else if (url == null) {
      config = DaemonCommand.locator().find().orElse(null);
    }
    if (config == null) {
      return new Target(
          url != null ? url : CtlConfig.DEFAULT_SERVERURL, null, false, CtlConfig.defaults());
    }
    CtlFileConfig read =
        CtlConfigReader.read(
            config, UserEnvironment.of(System.getenv()), Path.of("").toAbsolutePath());
    CtlConfig ctl = read.ctl() != null ? read.ctl() : CtlConfig.defaults();
    boolean hasServer = !read.unixHttpServers().isEmpty() || !read.inetHttpServers().isEmpty();
    String chosen = url != null ? url : read.serverUrl();
    return new Target(chosen, read.file(), hasServer && Files.exists(read.file()), ctl);
  }

  static int usage(PrintStream err, String message) {
    err.println("Error: " + message);
    err.println("For help, use tend --help");
    return 2;
  }
}
