package dev.tend.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * Where supervisord and supervisorctl look for their config when {@code -c} is absent (spec §1.1),
 * first existing path wins: {@code <H>/etc/supervisord.conf}, {@code <H>/supervisord.conf} (H = the
 * directory above the executable's), {@code supervisord.conf}, {@code etc/supervisord.conf} (both
 * relative to the working directory), {@code /etc/supervisord.conf}, {@code
 * /etc/supervisor/supervisord.conf}; then tend's own system config, {@code /etc/tend/tend.conf}
 * (the .deb's {@code tend.service}), last, so that a machine with both packages finds what
 * supervisorctl would.
 */
public final class ConfigLocator {
  /** The system daemon's config, as the .deb installs it. */
  public static final String TEND_SYSTEM_CONFIG = "/etc/tend/tend.conf";

  /** What supervisord warns when root searches (it includes the working directory). */
  public static final String ROOT_SEARCH_WARNING =
      "Supervisord is running as root and it is searching for its configuration file in default"
          + " locations (including its current working directory); you probably want to specify a"
          + " \"-c\" argument specifying an absolute path to a configuration file for improved"
          + " security.";

  private final List<String> searchPaths;
  private final Path workingDirectory;
  private final Predicate<Path> exists;

  /**
   * @param executableDir the directory of the program that was run (tend's {@code bin}); null when
   *     unknown, which makes the first two paths relative, as a bare argv[0] does for supervisord
   * @param exists whether a path (absolute) exists; a directory counts, as in supervisord
   */
  public ConfigLocator(
      @Nullable Path executableDir, Path workingDirectory, Predicate<Path> exists) {
    String h = "";
    if (executableDir != null && executableDir.getParent() != null) {
      h = executableDir.getParent().toString();
    }
    String prefix = h.isEmpty() ? "" : h.endsWith("/") ? h : h + "/";
    this.searchPaths =
        List.of(
            prefix + "etc/supervisord.conf",
            prefix + "supervisord.conf",
            "supervisord.conf",
            "etc/supervisord.conf",
            "/etc/supervisord.conf",
            "/etc/supervisor/supervisord.conf",
            TEND_SYSTEM_CONFIG);
    this.workingDirectory = workingDirectory;
    this.exists = exists;
  }

  /** The paths in search order, as supervisord lists them. */
  public List<String> searchPaths() {
    return searchPaths;
  }

  /** The first path that exists, as listed (relative ones relative to the working directory). */
  public Optional<Path> find() {
    for (String p : searchPaths) {
      if (exists.test(workingDirectory.resolve(p))) {
        return Optional.of(Path.of(p));
      }
    }
    return Optional.empty();
  }

  /** supervisord's error when nothing is found (it then prints {@code For help, use ... -h}). */
  public String notFoundMessage() {
    return "No config file found at default paths ("
        + String.join(", ", searchPaths)
        + "); use the -c option to specify a config file at a different path";
  }
}
