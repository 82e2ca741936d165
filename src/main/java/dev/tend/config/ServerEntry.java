package dev.tend.config;

import java.nio.file.Path;
import org.jspecify.annotations.Nullable;

/**
 * One {@code [server:NAME]} of a servers file (or a server found on this host).
 *
 * @param name how output and the console name it
 * @param url {@code unix://}, {@code http://} or {@code ssh://}
 * @param username with {@code password}, sent as basic auth
 * @param file where it was written; null for a server found by local discovery
 * @param line its section header's line; 0 when not from a file
 */
public record ServerEntry(
    String name,
    String url,
    @Nullable String username,
    @Nullable String password,
    @Nullable Path file,
    int line) {

  @Override
  public String toString() {
    // never the password
    return "ServerEntry[" + name + " " + url + (username == null ? "" : " as " + username) + "]";
  }
}
