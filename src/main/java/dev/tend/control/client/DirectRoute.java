package dev.tend.control.client;

import dev.tend.api.ConnectionException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.UnixDomainSocketAddress;
import org.jspecify.annotations.Nullable;

/** A {@code unix://} or {@code http://} server: its own socket. */
final class DirectRoute implements Route {
  private final ServerUrl url;

  DirectRoute(ServerUrl url) {
    if (url.isSsh()) {
      throw new IllegalArgumentException(url + " needs an ssh route");
    }
    this.url = url;
  }

  @Override
  public SocketAddress address() {
    return url.isUnix()
        ? UnixDomainSocketAddress.of(url.socketPath())
        : new InetSocketAddress(url.host(), url.port());
  }

  @Override
  public String hostHeader() {
    return url.hostHeader();
  }

  @Override
  public @Nullable String username() {
    return null;
  }

  @Override
  public @Nullable String password() {
    return null;
  }

  @Override
  public ConnectionException explain(ConnectionException plain, @Nullable IOException cause) {
    return plain;
  }
}
