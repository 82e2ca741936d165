package dev.tend.config;

import dev.tend.platform.Hostname;
import dev.tend.platform.UserDatabase;
import dev.tend.platform.UserEnvironment;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What loading a config depends on besides the files: supervisord's environment (the {@code ENV_*}
 * names), the host name, the user database, and the directories relative paths resolve against.
 * Tests build their own; the daemon uses {@link #system}.
 *
 * @param environment the daemon's environment, in the order the OS gave it
 * @param hostNodeName {@code %(host_node_name)s}: Python's {@code platform.node()}
 * @param workingDirectory what relative paths resolve against (supervisord's cwd)
 * @param tempDirectory the default {@code childlogdir} (Python's {@code tempfile.gettempdir()})
 */
public record ConfigContext(
    Map<String, String> environment,
    String hostNodeName,
    UserDatabase users,
    Path workingDirectory,
    Path tempDirectory) {

  public ConfigContext {
    environment = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(environment));
    workingDirectory = workingDirectory.toAbsolutePath().normalize();
  }

  /**
   * This process's environment as the user started tend (what tend's starters added undone: {@link
   * UserEnvironment}), host name and working directory, with the given users.
   */
  public static ConfigContext system(UserDatabase users) {
    Map<String, String> env = UserEnvironment.of(processEnvironment());
    Path cwd = Path.of("").toAbsolutePath();
    return new ConfigContext(env, Hostname.get(), users, cwd, tempDirectory(env, cwd));
  }

  /** From /proc/self/environ, which keeps the order os.environ shows; else System.getenv(). */
  private static Map<String, String> processEnvironment() {
    Map<String, String> env = new LinkedHashMap<>();
    try {
      byte[] raw = Files.readAllBytes(Path.of("/proc/self/environ"));
      for (String pair : new String(raw, StandardCharsets.UTF_8).split("\0")) {
        int eq = pair.indexOf('=');
        if (eq > 0) {
          env.put(pair.substring(0, eq), pair.substring(eq + 1));
        }
      }
    } catch (IOException | SecurityException e) {
      env.clear();
    }
    if (!env.keySet().equals(System.getenv().keySet())) {
      env = new LinkedHashMap<>(new java.util.TreeMap<>(System.getenv()));
    }
    return env;
  }

  /** Python's tempfile.gettempdir(): $TMPDIR, $TEMP, $TMP, /tmp, /var/tmp, /usr/tmp, cwd. */
  static Path tempDirectory(Map<String, String> env, Path cwd) {
    for (String name : List.of("TMPDIR", "TEMP", "TMP")) {
      String dir = env.get(name);
      if (dir != null && !dir.isEmpty() && usable(cwd.resolve(dir))) {
        return cwd.resolve(dir).normalize();
      }
    }
    for (String dir : List.of("/tmp", "/var/tmp", "/usr/tmp")) {
      if (usable(Path.of(dir))) {
        return Path.of(dir);
      }
    }
    return cwd;
  }

  private static boolean usable(Path dir) {
    return Files.isDirectory(dir) && Files.isWritable(dir);
  }
}
