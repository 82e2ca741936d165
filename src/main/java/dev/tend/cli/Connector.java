package dev.tend.cli;

import org.jspecify.annotations.Nullable;

/** Opens a {@link ServerLink}: at a session's first call, after {@code open URL}, after a login. */
@FunctionalInterface
public interface Connector {

  /**
   * @param serverurl as the user wrote it ({@code unix:///path} or {@code http://host:port})
   * @param username with {@code password}, sent as basic auth only when both are set
   * @throws IllegalArgumentException naming the URL when it is not one the client can use; no I/O
   *     happens here, so an unreachable server fails on the first call instead
   */
  ServerLink open(String serverurl, @Nullable String username, @Nullable String password);
}
