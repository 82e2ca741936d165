package dev.tend.app;

import dev.tend.api.SupervisorApi;
import dev.tend.control.client.ClientSettings;
import dev.tend.control.client.RemoteSupervisor;
import dev.tend.control.client.ServerUrl;
import dev.tend.control.client.ssh.SshFailure;
import dev.tend.control.client.ssh.SshTarget;
import dev.tend.tui.state.ConsoleOptions;
import dev.tend.tui.state.ConsoleOptions.Mode;
import dev.tend.tui.view.Console;
import dev.tend.tui.view.TtyTerminal;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * {@code tend -s A -s B}, {@code tend web}, {@code tend --all}: the console on several servers. The
 * ssh hosts among them are connected before the screen is taken (ssh's questions reach the person
 * then, one host at a time), then ssh may ask nothing more. A server that does not answer is not an
 * error: the console shows it lost and takes it back when it answers.
 */
final class ConsoleOnServers {
  private ConsoleOnServers() {}

  static int open(
      ConsoleServers servers,
      @Nullable String user,
      @Nullable String pass,
      ConsoleCommand.Choices choices,
      PrintStream out,
      PrintStream err) {
    List<CtlServers.Target> targets;
    try {
      targets = servers.resolve(System.getenv(), Path.of("").toAbsolutePath(), user, pass);
    } catch (CtlOptions.UsageException e) {
      return ConsoleCommand.usage(err, e.getMessage());
    }
    Map<String, ServerUrl> urls = new LinkedHashMap<>();
    for (CtlServers.Target t : targets) {
      try {
        urls.put(t.name(), ServerUrl.parse(t.url()));
      } catch (IllegalArgumentException e) {
        return ConsoleCommand.usage(err, "value '" + t.url() + "' is not a URL");
      }
    }
    try (SshOnDemand ssh = new SshOnDemand(System.getenv())) {
      connectSsh(urls, ssh, err);
      Map<String, SupervisorApi> apis = new LinkedHashMap<>();
      Map<String, String> shown = new LinkedHashMap<>();
      List<RemoteSupervisor> clients = new ArrayList<>();
      ClientSettings base = ClientSettings.defaults().withFollowInterval(Duration.ofMillis(40));
      for (CtlServers.Target t : targets) {
        ServerUrl url = java.util.Objects.requireNonNull(urls.get(t.name()));
        ClientSettings s = base.withCredentials(t.username(), t.password());
        RemoteSupervisor api =
            url.isSsh()
                ? RemoteSupervisor.connect(url, s, ssh.get())
                : RemoteSupervisor.connect(url, s);
        clients.add(api);
        if (url.isSsh()) {
          Thread.ofVirtual().name("tend-console-warm-" + t.name()).start(() -> warm(api));
        }
        apis.put(t.name(), url.isUnix() ? LocalStats.around(api) : api);
        shown.put(t.name(), t.url());
      }
      try {
        return run(apis, shown, servers, choices, err);
      } finally {
        clients.forEach(RemoteSupervisor::close);
      }
    }
  }

  /**
   * Opens the server's forward and asks what it is while the console builds its screen (a second or
   * more of the JVM's start-up work): the first frame then waits for neither. A failure is left for
   * the console's own first call to meet and show.
   */
  private static void warm(RemoteSupervisor api) {
    try {
      api.capabilities();
    } catch (RuntimeException e) {
      // the change feed asks again and says what is wrong
    }
  }

  /**
   * Connects every ssh host at once, prompting one at a time; a host that fails is said here and
   * shown lost in the console, which keeps trying it.
   */
  private static void connectSsh(Map<String, ServerUrl> urls, SshOnDemand ssh, PrintStream err) {
    List<SshTarget> hosts = new ArrayList<>();
    urls.values().stream().filter(ServerUrl::isSsh).forEach(u -> hosts.add(u.sshTarget()));
    if (hosts.isEmpty()) {
      return;
    }
    for (Map.Entry<SshTarget, SshFailure> f : ssh.get().connectAll(hosts).entrySet()) {
      err.println("tend: " + f.getKey() + ": " + f.getValue().getMessage());
    }
    ssh.get().allowPrompts(false);
  }

  private static int run(
      Map<String, SupervisorApi> apis,
      Map<String, String> urls,
      ConsoleServers servers,
      ConsoleCommand.Choices choices,
      PrintStream err) {
    String names = String.join(",", apis.keySet());
    String shown =
        servers.groups().size() == 1 && servers.urls().isEmpty()
            ? servers.groups().get(0)
            : servers.all() ? "all servers" : apis.size() + " servers";
    ConsoleOptions options =
        ConsoleOptions.defaults(Mode.ATTACHED, shown)
            .withTarget(shown, "servers:" + names)
            .withReadOnly(choices.readOnly());
    Integer lines =
        choices.logLines() != null
            ? choices.logLines()
            : ConsoleCommand.savedLogLines(options, err);
    if (lines != null) {
      options = options.withLogLines(lines);
    }
    try (TtyTerminal terminal = TtyTerminal.open()) {
      Console.run(apis, urls, options, terminal);
      return 0;
    } catch (IOException e) {
      err.println("tend: " + e.getMessage());
      return 1;
    }
  }
}
