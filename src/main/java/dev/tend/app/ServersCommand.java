package dev.tend.app;

import dev.tend.api.ConnectionException;
import dev.tend.api.FaultException;
import dev.tend.api.SupervisorApi;
import dev.tend.config.ConfigException;
import dev.tend.config.LocalDiscovery;
import dev.tend.config.ServerEntry;
import dev.tend.config.ServersFile;
import dev.tend.config.ServersFileReader;
import dev.tend.control.client.ClientSettings;
import dev.tend.control.client.RemoteSupervisor;
import dev.tend.control.client.ServerUrl;
import dev.tend.control.client.ssh.SshFailure;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jspecify.annotations.Nullable;

/**
 * {@code tend servers}: the servers tend knows by name (the servers file) and their groups; with
 * {@code --check}, what answers at each. {@code tend servers --local}: the supervisord and tend
 * instances found on this host ({@link LocalDiscovery}), each asked what it is.
 */
final class ServersCommand {
  /** {@code tend servers}' options; help, completion and the tend(1) man page are made from it. */
  static final OptionTable TABLE =
      OptionTable.of(
          CommandOption.of(
              "",
              "servers",
              "FILE",
              "the servers file (default ~/.config/tend/servers.conf): [server:NAME] url=,"
                  + " username=, password=; [group:NAME] servers=NAME, NAME"),
          CommandOption.flag("", "check", "ask each server what it is (ssh may prompt)"),
          CommandOption.flag(
              "",
              "local",
              "list the supervisord and tend instances found on this host: sockets named by"
                  + " /etc/supervisor*, /etc/tend and configs under /srv/*/, and the usual"
                  + " /tmp/supervisor*.sock, /run/supervisor*.sock; each is asked what it is"),
          CommandOption.flag("h", "help", "print this help and exit"));

  /** What {@code tend servers} is, before the options; the man page says it too. */
  static final String ABOUT =
      """
      tend servers: the servers of the servers file, NAME and URL, then the groups. Use a
      name with tend ctl -s NAME or the console's -s NAME, a group with tend ctl -g NAME or
      tend NAME.
      """;

  static final String HELP =
      ABOUT
          + """

          usage: tend servers [--servers FILE] [--check]
                 tend servers --local

          """
          + TABLE.usageLines(79);

  private static final ClientSettings QUICK =
      ClientSettings.defaults()
          .withTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(5), Duration.ofSeconds(5));

  private ServersCommand() {}

  static int run(String[] args, CtlCommand.Environment env) {
    return run(args, env, Path.of("/"));
  }

  /** As {@link #run(String[], CtlCommand.Environment)}, discovering under {@code root}. */
  static int run(String[] args, CtlCommand.Environment env, Path root) {
    Getopt.Result r;
    try {
      r = Getopt.parse(Arrays.asList(args), TABLE.shortSpec(), TABLE.longSpec());
    } catch (Getopt.GetoptException e) {
      return usage(env.err(), e.getMessage());
    }
    if (!r.rest().isEmpty()) {
      return usage(env.err(), "unexpected arguments: " + String.join(" ", r.rest()));
    }
    String file = null;
    boolean check = false;
    boolean local = false;
    for (Getopt.Option o : r.options()) {
      switch (o.name()) {
        case "--servers" -> file = o.value();
        case "--check" -> check = true;
        case "--local" -> local = true;
        default -> {
          env.out().print(HELP);
          env.out().flush();
          return 0;
        }
      }
    }
    int status = local ? local(env, root) : listed(file, check, env);
    env.out().flush();
    return status;
  }

  private static int local(CtlCommand.Environment env, Path root) {
    List<ServerEntry> found = new LocalDiscovery(root, env.variables()).find();
    if (found.isEmpty()) {
      env.err().println("tend servers: no supervisord or tend socket found on this host");
      return 1;
    }
    table(found, states(found, env), env.out());
    return 0;
  }

  private static int listed(@Nullable String given, boolean check, CtlCommand.Environment env) {
    Path file =
        given != null
            ? env.workingDirectory().resolve(given)
            : ServersFile.defaultPath(env.variables());
    if (file == null || !Files.exists(file)) {
      env.err().println("tend servers: no servers file " + (file == null ? "(no $HOME)" : file));
      return 1;
    }
    ServersFile servers;
    try {
      servers = ServersFileReader.read(file, env.variables(), CtlServers::urlProblem);
    } catch (ConfigException e) {
      for (var d : e.errors()) {
        env.err().println("Error: " + d.describe());
      }
      return 2;
    }
    List<ServerEntry> all = List.copyOf(servers.servers().values());
    table(all, check ? states(all, env) : null, env.out());
    for (Map.Entry<String, List<String>> g : servers.groups().entrySet()) {
      env.out().println("group " + g.getKey() + ": " + String.join(", ", g.getValue()));
    }
    return 0;
  }

  private static void table(
      List<ServerEntry> servers, @Nullable List<String> states, PrintStream out) {
    int name = "NAME".length();
    int url = "URL".length();
    for (ServerEntry e : servers) {
      name = Math.max(name, e.name().length());
      url = Math.max(url, e.url().length());
    }
    String format = "%-" + name + "s  %-" + url + "s" + (states == null ? "" : "  %s");
    out.println(String.format(format, "NAME", "URL", "STATE").stripTrailing());
    for (int i = 0; i < servers.size(); i++) {
      ServerEntry e = servers.get(i);
      out.println(
          String.format(format, e.name(), e.url(), states == null ? "" : states.get(i))
              .stripTrailing());
    }
  }

  /** What answers at each server, asked of all at once. */
  private static List<String> states(List<ServerEntry> servers, CtlCommand.Environment env) {
    List<String> out = new ArrayList<>();
    try (SshOnDemand ssh = new SshOnDemand(env.variables());
        ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
      List<Future<String>> asked = new ArrayList<>();
      for (ServerEntry e : servers) {
        asked.add(pool.submit(() -> state(e, ssh)));
      }
      for (Future<String> f : asked) {
        try {
          out.add(f.get());
        } catch (Exception x) {
          out.add("? " + x);
        }
      }
    }
    return out;
  }

  private static String state(ServerEntry e, SshOnDemand ssh) {
    ClientSettings s = QUICK.withCredentials(e.username(), e.password());
    ServerUrl url = ServerUrl.parse(e.url());
    try (RemoteSupervisor api =
        url.isSsh()
            ? RemoteSupervisor.connect(url, s, ssh.get())
            : RemoteSupervisor.connect(url, s)) {
      SupervisorApi.Capabilities c = api.capabilities();
      return c.server() + ", " + api.getState().name();
    } catch (ConnectionException x) {
      if (x.getCause() instanceof SshFailure f) {
        return String.valueOf(f.getMessage());
      }
      return switch (x.kind()) {
        case REFUSED -> "refused (nothing listens)";
        case NO_SUCH_FILE -> "no such socket";
        case UNAUTHORIZED -> "wants a login (username, password)";
        default -> String.valueOf(x.getMessage());
      };
    } catch (FaultException x) {
      return "answered " + x.faultString();
    }
  }

  private static int usage(PrintStream err, String message) {
    err.println("Error: " + message);
    err.println("For help, use tend servers --help");
    return 2;
  }
}
