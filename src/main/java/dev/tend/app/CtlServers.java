package dev.tend.app;

import dev.tend.config.ConfigException;
import dev.tend.config.CtlConfig;
import dev.tend.config.ServerEntry;
import dev.tend.config.ServersFile;
import dev.tend.config.ServersFileReader;
import dev.tend.control.client.ServerUrl;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Which servers a {@code tend ctl} command runs on: {@code -s} URLs and names of the servers file,
 * {@code -g} groups of it, in the order given, each once; none of those: the one of the config, as
 * supervisorctl. The servers file is read only when a name or group asks for it, so a broken one
 * never gets in the way of a plain supervisorctl command line.
 */
final class CtlServers implements CtlOptions.ServerNames {

  /** A server to run on, and its credentials (command line, else its own, else the config's). */
  record Target(String name, String url, @Nullable String username, @Nullable String password) {}

  private final Map<String, String> environment;
  private final Path workingDirectory;
  private final Map<String, ServersFile> read = new LinkedHashMap<>(); // by path as given

  CtlServers(Map<String, String> environment, Path workingDirectory) {
    this.environment = environment;
    this.workingDirectory = workingDirectory;
  }

  @Override
  public boolean has(@Nullable String serversFile, String name) throws CtlOptions.UsageException {
    Path file = path(serversFile);
    if (file == null || (serversFile == null && !Files.exists(file))) {
      return false;
    }
    return file(file).server(name) != null;
  }

  /** The targets of {@code options}; empty when none was named (the config's server then). */
  List<Target> targets(CtlOptions options, CtlConfig config) throws CtlOptions.UsageException {
    Map<String, Target> out = new LinkedHashMap<>();
    String filePath = options.many().serversFile();
    for (String s : options.servers()) {
      if (CtlOptions.looksLikeUrl(s)) {
        out.putIfAbsent(s, credentials(new Target(s, s, null, null), options, config));
      } else {
        ServerEntry e = required(filePath).server(s);
        if (e != null) {
          out.putIfAbsent(e.name(), credentials(target(e), options, config));
        }
      }
    }
    for (String g : options.many().groups()) {
      ServersFile file = required(filePath);
      List<ServerEntry> members = file.group(g);
      if (members == null) {
        throw new CtlOptions.UsageException(
            "no group " + CtlOptions.repr(g) + " in " + file.file() + groupsHint(file));
      }
      for (ServerEntry e : members) {
        out.putIfAbsent(e.name(), credentials(target(e), options, config));
      }
    }
    return new ArrayList<>(out.values());
  }

  /** Every server of the servers file, in its order ({@code tend --all}). */
  List<Target> all(@Nullable String serversFile) throws CtlOptions.UsageException {
    List<Target> out = new ArrayList<>();
    for (ServerEntry e : required(serversFile).servers().values()) {
      out.add(target(e));
    }
    return out;
  }

  private static Target target(ServerEntry e) {
    return new Target(e.name(), e.url(), e.username(), e.password());
  }

  private static Target credentials(Target t, CtlOptions options, CtlConfig config) {
    boolean given = options.username() != null || options.password() != null;
    boolean own = t.username() != null;
    return new Target(
        t.name(),
        t.url(),
        given ? options.username() : own ? t.username() : config.username(),
        given ? options.password() : own ? t.password() : config.password());
  }

  private static String groupsHint(ServersFile file) {
    return file.groups().isEmpty()
        ? " (it has no [group:NAME])"
        : " (groups: " + String.join(", ", file.groups().keySet()) + ")";
  }

  private ServersFile required(@Nullable String serversFile) throws CtlOptions.UsageException {
    Path file = path(serversFile);
    if (file == null) {
      throw new CtlOptions.UsageException("no servers file: neither $XDG_CONFIG_HOME nor $HOME");
    }
    if (!Files.exists(file)) {
      throw new CtlOptions.UsageException("no servers file " + file);
    }
    return file(file);
  }

  private @Nullable Path path(@Nullable String serversFile) {
    return serversFile != null
        ? workingDirectory.resolve(serversFile)
        : ServersFile.defaultPath(environment);
  }

  private ServersFile file(Path file) throws CtlOptions.UsageException {
    ServersFile f = read.get(file.toString());
    if (f == null) {
      try {
        f = ServersFileReader.read(file, environment, CtlServers::urlProblem);
      } catch (ConfigException e) {
        throw new CtlOptions.UsageException(e.errors().get(0).describe());
      }
      read.put(file.toString(), f);
    }
    return f;
  }

  /** What {@link ServerUrl} finds wrong with a URL of the servers file, or null. */
  static @Nullable String urlProblem(String url) {
    try {
      ServerUrl.parse(url);
      return null;
    } catch (IllegalArgumentException e) {
      return e.getMessage();
    }
  }
}
