package dev.tend.app;

import dev.tend.config.CtlConfig;
import dev.tend.config.LocalDiscovery;
import dev.tend.config.ServerEntry;
import dev.tend.control.client.ServerUrl;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Which servers a console on many servers shows, each under a short name for its SERVER column: the
 * servers file's name, else one made from the URL (the host of an ssh URL, the socket's file name,
 * host:port), made unique with {@code -2}, {@code -3}.
 *
 * @param urls {@code -s} values: URLs or names of the servers file
 * @param groups {@code -g} values and the words after the options: groups, or servers, of the file
 * @param all every server of the servers file
 * @param local the instances found on this host ({@link LocalDiscovery})
 */
record ConsoleServers(
    List<String> urls,
    List<String> groups,
    @Nullable String serversFile,
    boolean all,
    boolean local) {

  /** Whether the command line asks for more than the one server of a config or URL. */
  boolean many() {
    boolean named = urls.size() == 1 && !CtlOptions.looksLikeUrl(urls.get(0));
    return urls.size() > 1 || named || !groups.isEmpty() || all || local;
  }

  /** The servers, in the order asked, each once. */
  List<CtlServers.Target> resolve(
      Map<String, String> environment,
      Path workingDirectory,
      @Nullable String user,
      @Nullable String password)
      throws CtlOptions.UsageException {
    CtlServers file = new CtlServers(environment, workingDirectory);
    List<String> servers = new ArrayList<>(urls);
    List<String> named = new ArrayList<>();
    for (String g : groups) {
      if (file.has(serversFile, g)) {
        servers.add(g); // tend web1: a server's name works as a group of one
      } else {
        named.add(g);
      }
    }
    CtlOptions options =
        new CtlOptions(
            false,
            null,
            false,
            servers,
            user,
            password,
            null,
            new CtlOptions.Many(named, serversFile, false, false),
            List.of());
    Map<String, CtlServers.Target> out = new LinkedHashMap<>();
    if (all) {
      file.all(serversFile).forEach(t -> out.putIfAbsent(t.url(), t));
    }
    if (local) {
      for (ServerEntry e : new LocalDiscovery(Path.of("/"), environment).find()) {
        out.putIfAbsent(e.url(), new CtlServers.Target(e.name(), e.url(), user, password));
      }
    }
    for (CtlServers.Target t : file.targets(options, CtlConfig.defaults())) {
      out.putIfAbsent(t.url(), t);
    }
    if (out.isEmpty()) {
      throw new CtlOptions.UsageException("no server to show");
    }
    return named(new ArrayList<>(out.values()));
  }

  /** The targets under unique short names. */
  static List<CtlServers.Target> named(List<CtlServers.Target> targets) {
    List<CtlServers.Target> out = new ArrayList<>();
    Map<String, Integer> seen = new LinkedHashMap<>();
    for (CtlServers.Target t : targets) {
      String base = CtlOptions.looksLikeUrl(t.name()) ? shortName(t.url()) : clean(t.name());
      int n = seen.merge(base, 1, Integer::sum);
      String name = n == 1 ? base : base + "-" + n;
      out.add(new CtlServers.Target(name, t.url(), t.username(), t.password()));
    }
    return out;
  }

  /**
   * A name for the SERVER column from a URL: the host of an ssh URL, a unix socket's file name
   * without {@code .sock}, host:port of an http URL; letters, digits, {@code _ . -} only.
   */
  static String shortName(String url) {
    String name;
    try {
      ServerUrl u = ServerUrl.parse(url);
      if (u.isSsh()) {
        name = u.sshTarget().host();
      } else if (u.isUnix()) {
        String file = String.valueOf(u.socketPath().getFileName());
        name = file.endsWith(".sock") ? file.substring(0, file.length() - 5) : file;
      } else {
        name = u.host() + "-" + u.port();
      }
    } catch (IllegalArgumentException e) {
      name = url;
    }
    return clean(name);
  }

  /** A server name keeps letters, digits and {@code _ . -} (the console's keys split at @). */
  private static String clean(String name) {
    String clean = name.replaceAll("[^A-Za-z0-9_.-]", "_");
    return clean.isEmpty() ? "server" : clean;
  }
}
