package dev.tend.control.client.ssh;

/**
 * Where a server listens on the far host: a unix socket (the usual) or a TCP port that only that
 * host reaches (a config whose server is {@code http://localhost:9001}).
 */
public sealed interface RemoteSocket {

  /** The right-hand side of ssh's {@code -L local:REMOTE}. */
  String forwardTarget();

  /** A unix socket on the far host. */
  record Unix(String path) implements RemoteSocket {
    public Unix {
      if (!path.startsWith("/")) {
        throw new IllegalArgumentException("a remote socket path must be absolute: '" + path + "'");
      }
      if (path.indexOf(':') >= 0) {
        // ssh's -L cannot express it: its fields are separated by colons
        throw new IllegalArgumentException(
            "ssh cannot forward a socket whose path holds ':': '" + path + "'");
      }
    }

    @Override
    public String forwardTarget() {
      return path;
    }

    @Override
    public String toString() {
      return path;
    }
  }

  /** A TCP port as the far host reaches it. */
  record Tcp(String host, int port) implements RemoteSocket {
    public Tcp {
      if (host.isEmpty() || port < 1 || port > 65535) {
        throw new IllegalArgumentException("not a TCP address: '" + host + "' port " + port);
      }
    }

    @Override
    public String forwardTarget() {
      return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
    }

    @Override
    public String toString() {
      return "http://" + forwardTarget();
    }
  }
}
