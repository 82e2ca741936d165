package dev.tend.control.client;

import dev.tend.api.ConnectionException;
import dev.tend.api.ConnectionException.Kind;
import dev.tend.control.client.ssh.RemoteConfig;
import dev.tend.control.client.ssh.RemoteSocket;
import dev.tend.control.client.ssh.SshConnections;
import dev.tend.control.client.ssh.SshFailure;
import dev.tend.control.client.ssh.SshMaster;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.SocketAddress;
import java.net.UnixDomainSocketAddress;
import org.jspecify.annotations.Nullable;

/**
 * An {@code ssh://} server: the local end of a forward over its host's master. The remote socket is
 * the URL's, or found on first use in the config supervisorctl would read there. Failures come as
 * {@link ConnectionException}s whose cause is the {@link SshFailure} (the console reads its kind):
 * a missing socket and one nobody listens on keep supervisorctl's kinds (NO_SUCH_FILE, REFUSED), so
 * {@code tend ctl} words them as for a local socket; the rest are TRANSPORT, shown in ssh's words.
 */
final class SshRoute implements Route {
  private final ServerUrl url;
  private final SshMaster master;
  private volatile @Nullable RemoteSocket socket; // the URL's, or found once; then fixed
  private volatile @Nullable RemoteConfig found; // the far host's config, when it was searched

  SshRoute(ServerUrl url, SshConnections connections) {
    this.url = url;
    this.master = connections.master(url.sshTarget());
    String path = url.remoteSocket();
    this.socket = path == null ? null : new RemoteSocket.Unix(path);
  }

  @Override
  public SocketAddress address() {
    try {
      return UnixDomainSocketAddress.of(master.forward(socket()));
    } catch (SshFailure f) {
      throw failure(url, f);
    }
  }

  private RemoteSocket socket() throws SshFailure {
    RemoteSocket s = socket;
    if (s != null) {
      return s;
    }
    synchronized (this) {
      RemoteSocket again = socket;
      if (again != null) {
        return again; // another thread found it meanwhile
      }
      RemoteConfig config = master.findConfig(url.remoteConfig());
      RemoteSocket there = socketOf(config);
      found = config;
      socket = there;
      return there;
    }
  }

  private RemoteSocket socketOf(RemoteConfig config) throws SshFailure {
    ServerUrl there;
    try {
      there = ServerUrl.parse(config.serverUrl());
    } catch (IllegalArgumentException e) {
      there = null;
    }
    if (there != null && there.isUnix()) {
      return new RemoteSocket.Unix(there.socketPath().toString());
    }
    if (there != null && !there.isSsh()) {
      return new RemoteSocket.Tcp(there.host(), there.port());
    }
    throw new SshFailure(
        SshFailure.Kind.NO_CONFIG,
        config.file() + " on " + url.sshTarget() + " names " + config.serverUrl(),
        "not a server tend can reach through ssh");
  }

  @Override
  public String hostHeader() {
    if (socket instanceof RemoteSocket.Tcp tcp) {
      String h = tcp.host().indexOf(':') >= 0 ? "[" + tcp.host() + "]" : tcp.host();
      return tcp.port() == 80 ? h : h + ":" + tcp.port();
    }
    return "localhost";
  }

  @Override
  public @Nullable String username() {
    RemoteConfig c = found;
    return c == null ? null : c.username();
  }

  @Override
  public @Nullable String password() {
    RemoteConfig c = found;
    return c == null ? null : c.password();
  }

  @Override
  public ConnectionException explain(ConnectionException plain, @Nullable IOException cause) {
    RemoteSocket s = socket;
    if (s == null
        || cause instanceof InterruptedIOException // a timeout too: the server is slow, not gone
        || cause instanceof HttpProtocolException
        || plain.getCause() instanceof SshFailure) {
      return plain;
    }
    return failure(url, master.explain(s));
  }

  static ConnectionException failure(ServerUrl url, SshFailure f) {
    Kind kind =
        switch (f.kind()) {
          case NO_SUCH_SOCKET -> Kind.NO_SUCH_FILE;
          case REFUSED -> Kind.REFUSED;
          default -> Kind.TRANSPORT;
        };
    return new ConnectionException(kind, url + ": " + f.getMessage(), f);
  }
}
