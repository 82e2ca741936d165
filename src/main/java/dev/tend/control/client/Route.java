package dev.tend.control.client;

import dev.tend.api.ConnectionException;
import java.io.IOException;
import java.net.SocketAddress;
import org.jspecify.annotations.Nullable;

/**
 * Where a client's connections go: straight to the server's socket ({@link DirectRoute}), or to the
 * local end of an ssh forward ({@link SshRoute}).
 */
interface Route {

  /**
   * The address to connect to now. May take a while the first time (ssh logs in, finds the server,
   * forwards its socket).
   *
   * @throws ConnectionException when it cannot be had, saying why
   */
  SocketAddress address();

  /** The {@code Host} header; valid once {@link #address} answered. */
  String hostHeader();

  /** Credentials the server's own config names (found over ssh), used when none are given. */
  @Nullable String username();

  @Nullable String password();

  /**
   * A better account of {@code plain}, a failure to connect or a connection that broke before any
   * answer came; {@code plain} itself when there is nothing to add.
   */
  ConnectionException explain(ConnectionException plain, @Nullable IOException cause);

  /** Routes a URL that needs nothing but a socket: unix:// and http://. */
  static Route direct(ServerUrl url) {
    return new DirectRoute(url);
  }
}
