package dev.tend.config;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Finds the supervisord and tend instances of this host ({@code tend --local}), without asking
 * anything of them: the sockets their configs name ({@code /etc/supervisor*}, {@code /etc/tend},
 * configs under {@code /srv/*} and {@code /srv/*}{@code /*}) and the usual sockets ({@code
 * /tmp/supervisor*.sock}, {@code /run/supervisor*.sock}, {@code /var/run/supervisor*.sock}), each
 * once. Configs that cannot be read, or are not supervisor configs, are passed over quietly: this
 * is a search, not a check. Whether a socket answers, and to whom, is for the caller to ask.
 */
public final class LocalDiscovery {
  private static final int SOCKET_TYPE = 0140000;
  private static final int FILE_TYPE_MASK = 0170000;

  private final Path root;
  private final Map<String, String> environment;

  /**
   * @param root {@code /}, or a directory standing for it (tests)
   * @param environment for {@code %(ENV_X)s} in the configs
   */
  public LocalDiscovery(Path root, Map<String, String> environment) {
    this.root = root;
    this.environment = Map.copyOf(environment);
  }

  /** The servers found, named after their socket or config; config servers first. */
  public List<ServerEntry> find() {
    Map<Path, ServerEntry> found = new LinkedHashMap<>();
    Set<String> names = new LinkedHashSet<>();
    for (Path config : configs()) {
      fromConfig(config, found, names);
    }
    for (Path socket : sockets()) {
      add(socket, nameOfSocket(socket), null, null, null, found, names);
    }
    return List.copyOf(found.values());
  }

  private List<Path> configs() {
    List<Path> out = new ArrayList<>();
    glob(root.resolve("etc"), "supervisor*.conf", out);
    for (Path d : dirs(root.resolve("etc"), "supervisor*")) {
      glob(d, "*.conf", out);
    }
    glob(root.resolve("etc/tend"), "*.conf", out);
    for (Path site : dirs(root.resolve("srv"), "*")) {
      glob(site, "*.conf", out);
      for (Path below : dirs(site, "*")) {
        glob(below, "*.conf", out);
      }
    }
    return out;
  }

  private List<Path> sockets() {
    List<Path> out = new ArrayList<>();
    glob(root.resolve("tmp"), "supervisor*.sock", out);
    glob(root.resolve("run"), "supervisor*.sock", out);
    glob(root.resolve("run/supervisor"), "*.sock", out);
    glob(root.resolve("var/run"), "supervisor*.sock", out);
    return out;
  }

  private void fromConfig(Path config, Map<Path, ServerEntry> found, Set<String> names) {
    CtlFileConfig read;
    try {
      Path dir = config.getParent();
      read = CtlConfigReader.read(config, environment, dir == null ? root : dir);
    } catch (ConfigException | RuntimeException e) {
      return; // not a supervisor config, or a broken one: not ours to judge here
    }
    String url = read.serverUrl();
    if (!url.startsWith("unix://")) {
      return;
    }
    CtlConfig ctl = read.ctl();
    String name = nameOfConfig(config, Path.of(url.substring(7)));
    add(
        Path.of(url.substring(7)),
        name,
        ctl == null ? null : ctl.username(),
        ctl == null ? null : ctl.password(),
        config,
        found,
        names);
  }

  private static void add(
      Path socket,
      String name,
      @Nullable String username,
      @Nullable String password,
      @Nullable Path config,
      Map<Path, ServerEntry> found,
      Set<String> names) {
    if (!isSocket(socket)) {
      return;
    }
    Path key;
    try {
      key = socket.toRealPath();
    } catch (IOException e) {
      return;
    }
    if (found.containsKey(key)) {
      return;
    }
    String unique = name;
    for (int n = 2; !names.add(unique); n++) {
      unique = name + "-" + n;
    }
    found.put(key, new ServerEntry(unique, "unix://" + socket, username, password, config, 0));
  }

  /** A config's server is named after the site directory under /srv, else after its socket. */
  private String nameOfConfig(Path config, Path socket) {
    Path srv = root.resolve("srv");
    Path dir = config.getParent();
    if (dir != null && dir.startsWith(srv) && !dir.equals(srv) && dir.getFileName() != null) {
      return dir.getFileName().toString();
    }
    return nameOfSocket(socket);
  }

  /** {@code supervisord.www-site.sock} is {@code www-site}; {@code supervisor.sock} stays. */
  static String nameOfSocket(Path socket) {
    String n = String.valueOf(socket.getFileName());
    if (n.endsWith(".sock")) {
      n = n.substring(0, n.length() - 5);
    }
    for (String prefix : List.of("supervisord.", "supervisor.", "supervisord-", "supervisor-")) {
      if (n.startsWith(prefix) && n.length() > prefix.length()) {
        return n.substring(prefix.length());
      }
    }
    return n;
  }

  private static boolean isSocket(Path p) {
    try {
      Object mode = Files.getAttribute(p, "unix:mode");
      return mode instanceof Integer m && (m & FILE_TYPE_MASK) == SOCKET_TYPE;
    } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
      return false;
    }
  }

  private static List<Path> dirs(Path dir, String glob) {
    List<Path> out = new ArrayList<>();
    glob(dir, glob, out);
    out.removeIf(p -> !Files.isDirectory(p));
    return out;
  }

  private static void glob(Path dir, String glob, List<Path> out) {
    if (!Files.isDirectory(dir)) {
      return;
    }
    List<Path> here = new ArrayList<>();
    try (DirectoryStream<Path> s = Files.newDirectoryStream(dir, glob)) {
      s.forEach(here::add);
    } catch (IOException | RuntimeException e) {
      return; // unreadable: nothing found there
    }
    here.sort(null);
    out.addAll(here);
  }
}
