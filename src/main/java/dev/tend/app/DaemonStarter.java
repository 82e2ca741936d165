package dev.tend.app;

import dev.tend.platform.Detacher;
import dev.tend.platform.SpawnException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Starts {@code tend daemon} in the background: a new session, stdio on /dev/null, and a handshake
 * that says when it is up (or why it could not start). The JVM options are the daemon's own ({@code
 * TEND_DAEMON_JAVA_OPTS}, which bin/tend sets), not the caller's.
 */
final class DaemonStarter {
  static final Duration READY_TIMEOUT = Duration.ofSeconds(60);

  private DaemonStarter() {}

  /**
   * @param daemonArgs what follows {@code tend daemon}
   * @return null when the daemon runs, else why it could not start
   */
  static @Nullable String start(List<String> daemonArgs, @Nullable Path directory) {
    List<String> command = new ArrayList<>();
    command.add(
        ProcessHandle.current()
            .info()
            .command()
            .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
    Map<String, String> env = System.getenv();
    String opts = env.getOrDefault("TEND_DAEMON_JAVA_OPTS", "");
    for (String o : opts.trim().split("\\s+")) {
      if (!o.isEmpty()) {
        command.add(o);
      }
    }
    if (!opts.contains("--enable-native-access")) {
      command.add("--enable-native-access=ALL-UNNAMED");
    }
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(Main.class.getName());
    command.add("daemon");
    command.addAll(daemonArgs);
    command.add(DaemonOptions.DAEMONIZED_FLAG);
    try {
      return Detacher.start(command, env, directory).awaitReady(READY_TIMEOUT);
    } catch (SpawnException e) {
      return "could not daemonize: " + e.getMessage();
    }
  }
}
