package dev.tend.control.server;

import dev.tend.config.HttpAuth;
import dev.tend.config.InetHttpServerConfig;
import dev.tend.config.UnixHttpServerConfig;
import dev.tend.core.MainLog;
import java.io.IOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.ProtocolFamily;
import java.net.StandardProtocolFamily;
import java.net.StandardSocketOptions;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channel;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.channels.UnresolvedAddressException;
import java.nio.file.Path;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * One {@code [unix_http_server]} or {@code [inet_http_server]}: its listening socket (and socket
 * file), its credentials, and an accept loop on a virtual thread that ends only when the listener
 * is closed. An accept that fails (no file descriptors left, or anything else) is logged, waited
 * out briefly and tried again; a socket that breaks anyway marks the listener broken and says so at
 * once ({@code onBroken}), and the {@link HttpListeners} open it anew.
 */
final class Listener {
  private static final MainLog log = MainLog.of(ControlServer.class);
  private static final int BACKLOG = 1024;
  private static final long MAX_BACKOFF_MILLIS = 1000;

  private final Object spec;
  private final @Nullable BasicAuth auth;
  private final ServerSocketChannel server;
  private final @Nullable UnixSocketFile socket;
  private final String url;
  private final Connections connections;
  private final Runnable onBroken;
  // Set once by close(); the accept loop then ends quietly.
  private volatile boolean closing;
  // Set once when the listening socket failed on its own: the listener needs replacing.
  private volatile boolean broken;

  private Listener(
      Object spec,
      @Nullable HttpAuth credentials,
      ServerSocketChannel server,
      @Nullable UnixSocketFile socket,
      String url,
      Connections connections,
      Runnable onBroken) {
    this.spec = spec;
    this.auth = credentials == null ? null : new BasicAuth(credentials);
    this.server = server;
    this.socket = socket;
    this.url = url;
    this.connections = connections;
    this.onBroken = onBroken;
  }

  /**
   * Opens the listener of a section (a {@link UnixHttpServerConfig} or an {@link
   * InetHttpServerConfig}) and starts accepting. A unix socket file gets its mode and owner before
   * it appears under its configured name.
   */
  static Listener open(
      Object spec, Connections connections, Consumer<String> messages, Runnable onBroken)
      throws ControlServerException {
    Listener l =
        switch (spec) {
          case UnixHttpServerConfig u -> openUnix(u, connections, messages, onBroken);
          case InetHttpServerConfig i -> openInet(i, connections, onBroken);
          default -> throw new IllegalArgumentException("not a server section: " + spec);
        };
    Thread.ofVirtual().name("tend-http-accept").start(l::acceptLoop);
    return l;
  }

  private static Listener openUnix(
      UnixHttpServerConfig u, Connections connections, Consumer<String> messages, Runnable onBroken)
      throws ControlServerException {
    UnixSocketFile file = new UnixSocketFile(u, messages);
    ServerSocketChannel ch = null;
    try {
      ch = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
      ch.bind(UnixDomainSocketAddress.of(file.bindPath()), BACKLOG);
      file.publish();
      return new Listener(u, u.auth(), ch, file, "unix://" + file.target(), connections, onBroken);
    } catch (IOException e) {
      closeQuietly(ch);
      file.remove();
      throw cannotOpen(e, u.section());
    } catch (ControlServerException | RuntimeException e) {
      closeQuietly(ch);
      file.remove();
      throw e;
    }
  }

  private static Listener openInet(
      InetHttpServerConfig i, Connections connections, Runnable onBroken)
      throws ControlServerException {
    ServerSocketChannel ch = null;
    try {
      ch = ServerSocketChannel.open();
      ch.setOption(StandardSocketOptions.SO_REUSEADDR, true);
      InetSocketAddress at =
          i.host().isEmpty()
              ? new InetSocketAddress(i.port())
              : new InetSocketAddress(i.host(), i.port());
      ch.bind(at, BACKLOG);
      int port = ((InetSocketAddress) ch.getLocalAddress()).getPort();
      return new Listener(i, i.auth(), ch, null, httpUrl(i.host(), port), connections, onBroken);
    } catch (IOException | UnresolvedAddressException e) {
      closeQuietly(ch);
      if (e instanceof BindException b && String.valueOf(b.getMessage()).contains("in use")) {
        throw new ControlServerException(
            ControlServerException.Kind.ADDRESS_IN_USE,
            ControlServerException.ADDRESS_IN_USE_MESSAGE,
            e);
      }
      throw cannotOpen(e, i.section());
    }
  }

  private static ControlServerException cannotOpen(Exception e, String section) {
    String reason =
        e instanceof IOException io
            ? UnixSocketFile.describe(io)
            : e instanceof UnresolvedAddressException ? "unknown host" : e.toString();
    return new ControlServerException(
        ControlServerException.Kind.CANNOT_OPEN,
        "Cannot open an HTTP server: " + reason + " [" + section + "]",
        e);
  }

  private static String httpUrl(String configured, int port) {
    String host = configured.isEmpty() ? "localhost" : configured;
    if (host.indexOf(':') >= 0) {
      host = "[" + host + "]";
    }
    return "http://" + host + ":" + port;
  }

  private void acceptLoop() {
    long backoff = 0;
    while (!closing) {
      SocketChannel ch;
      try {
        ch = server.accept();
      } catch (ClosedChannelException e) {
        if (!closing) {
          fail("its socket was closed", e);
        }
        return;
      } catch (IOException e) {
        backoff = Math.min(MAX_BACKOFF_MILLIS, Math.max(10, backoff * 2));
        connections.refusals().acceptFailed(url, e, backoff);
        pause(backoff);
        continue;
      } catch (RuntimeException | OutOfMemoryError e) {
        backoff = MAX_BACKOFF_MILLIS;
        log.error("control server " + url + ": accepting failed unexpectedly: " + e);
        pause(backoff);
        continue;
      }
      backoff = 0;
      try {
        connections.admit(ch, this);
      } catch (RuntimeException | OutOfMemoryError e) {
        log.error("control server " + url + ": cannot serve a connection: " + e);
        closeQuietly(ch);
        pause(MAX_BACKOFF_MILLIS);
      }
    }
  }

  private void fail(String why, Exception e) {
    broken = true;
    log.critical("control server " + url + ": the listener failed (" + why + ": " + e + ")");
    onBroken.run();
  }

  private static void pause(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      // nothing interrupts an accept loop but the JVM's end; accept again, or end if closing
    }
  }

  /** Closes the listening socket as a failure would, leaving the listener open (for tests). */
  void failUnderIt() {
    closeQuietly(server);
  }

  /** The section this listener serves. */
  Object spec() {
    return spec;
  }

  @Nullable BasicAuth auth() {
    return auth;
  }

  String url() {
    return url;
  }

  /** The socket file of a unix listener, or null. */
  @Nullable Path socketFile() {
    return socket == null ? null : socket.target();
  }

  ProtocolFamily family() {
    return socket != null ? StandardProtocolFamily.UNIX : StandardProtocolFamily.INET;
  }

  /**
   * Why the listener no longer serves its section, or null while it does: it failed, it was closed
   * (a replacement could not be opened yet), or its socket file is gone.
   */
  @Nullable String trouble() {
    if (broken) {
      return "its listening socket failed";
    }
    if (closing) {
      return "it is closed";
    }
    if (socket != null && !socket.stillPublished()) {
      return "its socket file " + socket.target() + " was removed or replaced";
    }
    return null;
  }

  /**
   * Stops accepting and removes the socket file if it is still ours. With {@code endConnections}
   * the connections it accepted end too (after the answer they are writing; long-polls and streams
   * at once); without, they go on (a replacement listener serves the same section).
   */
  void close(boolean endConnections) {
    closing = true;
    closeQuietly(server);
    if (socket != null) {
      socket.remove();
    }
    if (endConnections) {
      connections.endAll(this);
    }
  }

  private static void closeQuietly(@Nullable Channel ch) {
    try {
      if (ch != null) {
        ch.close();
      }
    } catch (IOException ignored) {
      // closing: nothing to save
    }
  }
}
