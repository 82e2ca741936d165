package dev.tend.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A whole supervisord.conf, includes resolved: what the daemon runs.
 *
 * @param file the main config file, absolute
 * @param includedFiles files read through {@code [include]}, in the order read
 * @param groups sorted by (priority, name), as supervisord adds them
 * @param ctl the {@code [supervisorctl]} section, null when absent
 * @param diagnostics warnings and notes found while loading (errors throw instead)
 */
public record SupervisorConfig(
    Path file,
    List<Path> includedFiles,
    SupervisordConfig supervisord,
    List<UnixHttpServerConfig> unixHttpServers,
    List<InetHttpServerConfig> inetHttpServers,
    @Nullable CtlConfig ctl,
    List<RpcInterfaceConfig> rpcInterfaces,
    List<GroupConfig> groups,
    List<Diagnostic> diagnostics) {

  public SupervisorConfig {
    includedFiles = List.copyOf(includedFiles);
    unixHttpServers = List.copyOf(unixHttpServers);
    inetHttpServers = List.copyOf(inetHttpServers);
    rpcInterfaces = List.copyOf(rpcInterfaces);
    groups = List.copyOf(groups);
    diagnostics = List.copyOf(diagnostics);
  }

  public Optional<GroupConfig> group(String name) {
    return groups.stream().filter(g -> g.name().equals(name)).findFirst();
  }
}
