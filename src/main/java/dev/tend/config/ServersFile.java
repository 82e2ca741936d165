package dev.tend.config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The servers tend knows by name ({@code ~/.config/tend/servers.conf}): {@code [server:NAME]}
 * sections and {@code [group:NAME]} sections listing servers. See {@link ServersFileReader}.
 *
 * @param file where it was read from
 * @param servers by name, in the order written
 * @param groups member names by group name, in the order written
 */
public record ServersFile(
    Path file, Map<String, ServerEntry> servers, Map<String, List<String>> groups) {

  public ServersFile {
    servers = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(servers));
    groups = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(groups));
  }

  /** {@code $XDG_CONFIG_HOME/tend/servers.conf}, else {@code $HOME/.config/tend/servers.conf}. */
  public static @Nullable Path defaultPath(Map<String, String> environment) {
    String xdg = environment.get("XDG_CONFIG_HOME");
    if (xdg != null && !xdg.isBlank()) {
      return Path.of(xdg, "tend", "servers.conf");
    }
    String home = environment.getOrDefault("HOME", System.getProperty("user.home", ""));
    return home.isBlank() ? null : Path.of(home, ".config", "tend", "servers.conf");
  }

  /** A file that lists nothing (there is no servers file). */
  public static ServersFile empty(Path file) {
    return new ServersFile(file, Map.of(), Map.of());
  }

  public @Nullable ServerEntry server(String name) {
    return servers.get(name);
  }

  /** The servers of a group, in the group's order; null when there is no such group. */
  public @Nullable List<ServerEntry> group(String name) {
    List<String> members = groups.get(name);
    if (members == null) {
      return null;
    }
    List<ServerEntry> out = new ArrayList<>(members.size());
    for (String m : members) {
      ServerEntry e = servers.get(m);
      if (e != null) { // the reader let no unknown member through
        out.add(e);
      }
    }
    return out;
  }
}
