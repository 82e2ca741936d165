package dev.tend.control.server;

import dev.tend.config.HttpAuth;
import dev.tend.config.InetHttpServerConfig;
import dev.tend.config.SupervisorConfig;
import dev.tend.config.UnixHttpServerConfig;
import dev.tend.testing.TestConfigs;
import java.nio.file.Path;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Configs with server sections, for tests that need listeners but no programs. */
final class ServerConfigs {
  private ServerConfigs() {}

  static UnixHttpServerConfig unix(Path file, int chmod, @Nullable HttpAuth auth) {
    return new UnixHttpServerConfig("unix_http_server", file, chmod, null, null, auth);
  }

  static InetHttpServerConfig inet(@Nullable HttpAuth auth) {
    return new InetHttpServerConfig("inet_http_server", "127.0.0.1", 0, auth);
  }

  static SupervisorConfig with(
      List<UnixHttpServerConfig> unix, List<InetHttpServerConfig> inet, Path mainLog) {
    SupervisorConfig base =
        ServerHarness.withServers(TestConfigs.config(), Path.of("unused"), mainLog, null, false);
    return new SupervisorConfig(
        base.file(),
        base.includedFiles(),
        base.supervisord(),
        unix,
        inet,
        base.ctl(),
        base.rpcInterfaces(),
        base.groups(),
        base.diagnostics());
  }
}
