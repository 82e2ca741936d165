package dev.tend.core;

import dev.tend.config.ProcessConfig;
import dev.tend.platform.UserAccount;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Builds a child's environment as supervisord does (spec §2.4): the daemon's environment, the
 * SUPERVISOR_* variables, {@code [supervisord] environment}, then the program's own, later winning.
 * Beyond supervisord: HOME, USER and LOGNAME of the {@code user=} account (its issues #307, #161),
 * before the configured values so a config can still override them.
 */
final class ChildEnvironment {
  private final Map<String, String> daemonEnvironment;
  private final Map<String, String> supervisordEnvironment;
  private final @Nullable String serverUrl;

  /**
   * @param serverUrl the daemon's own server URL for SUPERVISOR_SERVER_URL, or null when it has no
   *     server
   */
  ChildEnvironment(
      Map<String, String> daemonEnvironment,
      Map<String, String> supervisordEnvironment,
      @Nullable String serverUrl) {
    this.daemonEnvironment = Map.copyOf(daemonEnvironment);
    this.supervisordEnvironment = new LinkedHashMap<>(supervisordEnvironment);
    this.serverUrl = serverUrl;
  }

  Map<String, String> build(ProcessConfig process, String group, @Nullable UserAccount user) {
    Map<String, String> env = new LinkedHashMap<>(daemonEnvironment);
    env.put("SUPERVISOR_ENABLED", "1");
    String url = process.serverurl() != null ? process.serverurl() : serverUrl;
    if (url != null) {
      env.put("SUPERVISOR_SERVER_URL", url);
    }
    env.put("SUPERVISOR_PROCESS_NAME", process.name());
    env.put("SUPERVISOR_GROUP_NAME", group);
    if (user != null) {
      env.put("HOME", user.home());
      env.put("USER", user.name());
      env.put("LOGNAME", user.name());
    }
    env.putAll(supervisordEnvironment);
    env.putAll(process.environment());
    return env;
  }
}
