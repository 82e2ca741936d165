package dev.tend.core;

import dev.tend.platform.ProcessLauncher;
import dev.tend.platform.UserDatabase;
import java.time.ZoneId;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Everything the supervisor is built from: the loop and clock, the OS seam, the log factory, and
 * where the config comes from. The app wires real ones; tests wire fakes.
 *
 * @param daemonEnvironment the environment the children inherit (the daemon's own)
 * @param serverUrl SUPERVISOR_SERVER_URL for children, or null when the daemon has no server
 * @param version tend's version, reported by tend.getCapabilities
 * @param trees descendants tracking for stopasgroup/killasgroup stops
 */
public record CoreServices(
    CoreLoop loop,
    CoreClock clock,
    ProcessLauncher launcher,
    CommandPreparer preparer,
    UserDatabase users,
    ProcessOutputsFactory outputs,
    ConfigSource configSource,
    MainLogAccess mainLog,
    StatsSource stats,
    Map<String, String> daemonEnvironment,
    @Nullable String serverUrl,
    ZoneId zone,
    String version,
    ProcessTrees trees) {

  /** Without tree tracking (unit tests). */
  public CoreServices(
      CoreLoop loop,
      CoreClock clock,
      ProcessLauncher launcher,
      CommandPreparer preparer,
      UserDatabase users,
      ProcessOutputsFactory outputs,
      ConfigSource configSource,
      MainLogAccess mainLog,
      StatsSource stats,
      Map<String, String> daemonEnvironment,
      @Nullable String serverUrl,
      ZoneId zone,
      String version) {
    this(
        loop,
        clock,
        launcher,
        preparer,
        users,
        outputs,
        configSource,
        mainLog,
        stats,
        daemonEnvironment,
        serverUrl,
        zone,
        version,
        ProcessTrees.NONE);
  }
}
