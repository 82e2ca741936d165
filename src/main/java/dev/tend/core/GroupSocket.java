package dev.tend.core;

import dev.tend.config.FcgiSocketConfig;
import dev.tend.platform.ListeningSocket;
import java.io.IOException;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;

/**
 * The socket of an fcgi-program group: made when the group is added, given as fd 0 to every process
 * of the pool at each spawn, kept across the processes' restarts, closed (its unix file removed)
 * when the group is removed or the supervisor shuts down. supervisord closes it whenever no process
 * of the pool runs and makes it again at the next spawn; tend keeps it for the group's life, so
 * clients wait in its backlog through a restart instead of being refused. A socket that cannot be
 * made is logged and each spawn fails with the reason as its spawnerr. Loop thread only.
 */
final class GroupSocket {
  private static final MainLog log = MainLog.of(GroupSocket.class);

  private final FcgiSocketConfig config;
  // The socket, or null when it could not be made or is closed; loop thread only.
  private @Nullable ListeningSocket socket;
  // Why there is no socket (supervisord's message), or null while there is one.
  private @Nullable String failure;

  private GroupSocket(FcgiSocketConfig config) {
    this.config = config;
  }

  /** Makes the socket now (logging why not, when it cannot be made). */
  static GroupSocket open(FcgiSocketConfig config) {
    GroupSocket s = new GroupSocket(config);
    log.info("Creating socket " + config.url());
    try {
      s.socket = make(config);
    } catch (IOException e) {
      s.failure = "Could not create FastCGI socket " + config.url() + ": " + e.getMessage();
      log.error(s.failure);
    }
    return s;
  }

  private static ListeningSocket make(FcgiSocketConfig c) throws IOException {
    String url = c.url();
    if (url.startsWith("unix://")) {
      return ListeningSocket.unix(
          Path.of(url.substring("unix://".length())),
          c.backlog(),
          c.ownerUid(),
          c.ownerGid(),
          c.mode());
    }
    String hostPort = url.substring("tcp://".length());
    int colon = hostPort.lastIndexOf(':');
    return ListeningSocket.tcp(
        hostPort.substring(0, colon), Integer.parseInt(hostPort.substring(colon + 1)), c.backlog());
  }

  /** The descriptor a spawn gives the child as fd 0. */
  int fdForSpawn() throws Spawner.Refused {
    ListeningSocket s = socket;
    if (s == null) {
      String why = failure;
      throw new Spawner.Refused(why != null ? why : "the FastCGI socket is closed");
    }
    return s.fd();
  }

  void close() {
    ListeningSocket s = socket;
    if (s != null) {
      log.info("Closing socket " + config.url());
      s.close();
      socket = null;
      failure = "the FastCGI socket is closed";
    }
  }
}
