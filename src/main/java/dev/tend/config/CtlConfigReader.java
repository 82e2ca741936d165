package dev.tend.config;

import dev.tend.platform.UserAccount;
import dev.tend.platform.UserDatabase;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads only what supervisorctl reads ({@code [supervisorctl]}) plus, for tend's console, the
 * {@code [unix_http_server]} and {@code [inet_http_server]} sections. No {@code [include]}, no user
 * lookups, no process sections: it sits on {@code tend ctl}'s start-up path, so it loads few
 * classes and does little.
 */
public final class CtlConfigReader {
  private CtlConfigReader() {}

  /**
   * @param environment supervisorctl's environment, for {@code %(ENV_X)s}
   * @param workingDirectory what relative paths resolve against
   * @throws ConfigException when the file is missing or unreadable, has syntax errors, or a {@code
   *     [supervisorctl]} value does not expand
   */
  public static CtlFileConfig read(
      Path file, Map<String, String> environment, Path workingDirectory) throws ConfigException {
    Path absolute = hostTypes(environment, workingDirectory).normalize(file.toString());
    if (!java.nio.file.Files.exists(absolute)) {
      throw failure("could not find config file " + file, file);
    }
    String text = ConfigLoader.readText(absolute);
    if (text == null) {
      throw failure("could not read config file " + file, file);
    }
    return parse(file, text, environment, workingDirectory);
  }

  /**
   * Reads a config's text that was fetched from elsewhere (another host, over ssh), as {@link
   * #read} reads a file.
   *
   * @param file where the text came from, for messages, {@code %(here)s} and relative paths
   * @param environment the environment there, for {@code ~} and {@code %(ENV_X)s}
   * @param workingDirectory what relative paths resolve against there
   */
  public static CtlFileConfig parse(
      Path file, String text, Map<String, String> environment, Path workingDirectory)
      throws ConfigException {
    HostValueTypes host = hostTypes(environment, workingDirectory);
    Path absolute = host.normalize(file.toString());
    String here = absolute.getParent() == null ? "/" : absolute.getParent().toString();
    Diagnostics diagnostics = new Diagnostics();
    IniDocument doc = new IniDocument();
    IniParser.read(doc, file, text, diagnostics);
    Map<String, Object> envNames = new LinkedHashMap<>();
    for (Map.Entry<String, String> e : environment.entrySet()) {
      envNames.put("ENV_" + e.getKey(), e.getValue());
    }
    SectionReader r = new SectionReader(doc, CtlSectionParser.SECTION, diagnostics, envNames, "");
    CtlConfig ctl = CtlSectionParser.parse(doc, r, host, here);
    if (diagnostics.hasErrors()) {
      throw diagnostics.failure();
    }
    Diagnostics serverProblems = new Diagnostics();
    ServerSectionParser servers =
        new ServerSectionParser(doc, serverProblems, envNames, here, host, false);
    return new CtlFileConfig(
        absolute, ctl, servers.unixServers(), servers.inetServers(), serverProblems.errors());
  }

  private static HostValueTypes hostTypes(Map<String, String> environment, Path workingDirectory) {
    return new HostValueTypes(
        new ConfigContext(environment, "", NO_USERS, workingDirectory, workingDirectory));
  }

  private static ConfigException failure(String message, Path file) {
    return new ConfigException(
        List.of(new Diagnostic(Diagnostic.Severity.ERROR, message, file, 0, null, null, null)));
  }

  /** The ctl path resolves no users: {@code ~} uses $HOME only. */
  private static final UserDatabase NO_USERS =
      new UserDatabase() {
        @Override
        public Optional<UserAccount> byName(String name) {
          return Optional.empty();
        }

        @Override
        public Optional<UserAccount> byUid(int uid) {
          return Optional.empty();
        }

        @Override
        public Optional<Integer> groupByName(String name) {
          return Optional.empty();
        }

        @Override
        public boolean groupExists(int gid) {
          return false;
        }

        @Override
        public int currentUid() {
          return -1;
        }
      };
}
