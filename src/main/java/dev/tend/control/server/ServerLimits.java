package dev.tend.control.server;

import dev.tend.control.xmlrpc.XmlRpcLimits;
import java.time.Duration;

/**
 * The bounds that keep a broken or hostile client from exhausting the daemon. supervisord has none
 * of these; the defaults are far above what supervisorctl, tend, or any XML-RPC library sends.
 *
 * @param xml size, depth and element bounds of one XML-RPC request (the body size is its maxBytes;
 *     a larger body is refused with 413 before it is read)
 * @param maxHeaderBytes the request line and headers together; more is 431
 * @param maxHeaderCount headers in one request; more is 431
 * @param idleTimeout a connection with no traffic for this long is closed (between requests, or a
 *     client that stops reading a response); a call that is waiting (long-poll, start with wait) or
 *     a quiet log stream is not idle
 * @param requestDeadline from the first byte of a request to its last: a request that trickles in
 *     more slowly (slowloris) is cut off
 * @param maxConnections open connections over all listeners; further clients wait in the accept
 *     queue until one closes
 */
public record ServerLimits(
    XmlRpcLimits xml,
    int maxHeaderBytes,
    int maxHeaderCount,
    Duration idleTimeout,
    Duration requestDeadline,
    int maxConnections) {

  public static final ServerLimits DEFAULTS =
      new ServerLimits(
          XmlRpcLimits.REQUESTS, 8 * 1024, 64, Duration.ofSeconds(30), Duration.ofSeconds(30), 256);

  public ServerLimits {
    if (xml.maxBytes() > Integer.MAX_VALUE - 16) {
      throw new IllegalArgumentException("request bodies are limited to 2 GiB, got " + xml);
    }
    if (maxHeaderBytes < 1024) {
      throw new IllegalArgumentException("maxHeaderBytes must be >= 1024, got " + maxHeaderBytes);
    }
    if (maxHeaderCount < 8) {
      throw new IllegalArgumentException("maxHeaderCount must be >= 8, got " + maxHeaderCount);
    }
    if (idleTimeout.toMillis() < 1 || requestDeadline.toMillis() < 1) {
      throw new IllegalArgumentException(
          "timeouts must be positive, got idle "
              + idleTimeout
              + ", request deadline "
              + requestDeadline);
    }
    if (maxConnections < 1) {
      throw new IllegalArgumentException("maxConnections must be >= 1, got " + maxConnections);
    }
  }

  /** The largest request body, in bytes. */
  int maxBodyBytes() {
    return (int) xml.maxBytes();
  }

  public ServerLimits withTimeouts(Duration idle, Duration deadline) {
    return new ServerLimits(xml, maxHeaderBytes, maxHeaderCount, idle, deadline, maxConnections);
  }

  public ServerLimits withMaxConnections(int max) {
    return new ServerLimits(xml, maxHeaderBytes, maxHeaderCount, idleTimeout, requestDeadline, max);
  }
}
