package dev.tend.control.server;

import dev.tend.control.xmlrpc.XmlRpcLimits;
import java.time.Duration;

/**
 * The bounds that keep a broken or hostile client from exhausting the daemon, and what a client
 * that exceeds one gets (docs/COMPATIBILITY.md lists them). supervisord has none of these; the
 * defaults are far above what supervisorctl, tend, or any XML-RPC library sends.
 *
 * @param xml size, depth and element bounds of one XML-RPC request; the body size limit is its
 *     maxBytes (a larger declared body is refused with 413 before it is read)
 * @param maxHeaderBytes the request line and headers together; more is 431 (414 when the request
 *     line alone is longer)
 * @param maxHeaderCount header fields in one request; more is 431
 * @param idleTimeout a kept-alive connection with no request for this long is closed quietly (a
 *     call being answered, a long-poll or a log stream is never idle)
 * @param headerTimeout from the first byte of a request to the end of its headers; slower is 408 (a
 *     client sending a byte every few seconds is cut off)
 * @param bodyTimeout from the end of the headers to the end of the body; slower is 408
 * @param writeTimeout how long one write may wait for a client that does not read; then the
 *     connection is closed
 * @param maxConnections open connections over all listeners; one more is answered 503 and closed,
 *     unless a kept-alive connection waiting for its next request can be closed to make room
 * @param maxBodyMemory bytes of request bodies being read at once over all connections; a request
 *     that would exceed it is answered 503
 */
public record ServerLimits(
    XmlRpcLimits xml,
    int maxHeaderBytes,
    int maxHeaderCount,
    Duration idleTimeout,
    Duration headerTimeout,
    Duration bodyTimeout,
    Duration writeTimeout,
    int maxConnections,
    long maxBodyMemory) {

  public static final ServerLimits DEFAULTS =
      new ServerLimits(
          XmlRpcLimits.REQUESTS,
          8 * 1024,
          64,
          Duration.ofSeconds(60),
          Duration.ofSeconds(10),
          Duration.ofSeconds(30),
          Duration.ofSeconds(30),
          1024,
          64L << 20);

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
    for (Duration d : new Duration[] {idleTimeout, headerTimeout, bodyTimeout, writeTimeout}) {
      if (d.toMillis() < 1) {
        throw new IllegalArgumentException("timeouts must be at least 1 ms, got " + d);
      }
    }
    if (maxConnections < 1) {
      throw new IllegalArgumentException("maxConnections must be >= 1, got " + maxConnections);
    }
    if (maxBodyMemory < xml.maxBytes()) {
      throw new IllegalArgumentException(
          "maxBodyMemory must hold one largest body ("
              + xml.maxBytes()
              + "), got "
              + maxBodyMemory);
    }
  }

  /** The largest request body, in bytes. */
  int maxBodyBytes() {
    return (int) xml.maxBytes();
  }

  /** The shortest timeout: how long the deadline sweeper may sleep without missing one. */
  Duration shortestTimeout() {
    Duration min = idleTimeout;
    for (Duration d : new Duration[] {headerTimeout, bodyTimeout, writeTimeout}) {
      if (d.compareTo(min) < 0) {
        min = d;
      }
    }
    return min;
  }

  public ServerLimits withIdleTimeout(Duration idle) {
    return new ServerLimits(
        xml,
        maxHeaderBytes,
        maxHeaderCount,
        idle,
        headerTimeout,
        bodyTimeout,
        writeTimeout,
        maxConnections,
        maxBodyMemory);
  }

  /** The same limits with the header, body and write timeouts all set to {@code timeout}. */
  public ServerLimits withRequestTimeouts(Duration timeout) {
    return new ServerLimits(
        xml,
        maxHeaderBytes,
        maxHeaderCount,
        idleTimeout,
        timeout,
        timeout,
        timeout,
        maxConnections,
        maxBodyMemory);
  }

  public ServerLimits withMaxConnections(int max) {
    return new ServerLimits(
        xml,
        maxHeaderBytes,
        maxHeaderCount,
        idleTimeout,
        headerTimeout,
        bodyTimeout,
        writeTimeout,
        max,
        maxBodyMemory);
  }

  /** "10 s", "800 ms": a duration as the main log and the docs say it. */
  static String words(Duration d) {
    long ms = d.toMillis();
    return ms % 1000 == 0 ? ms / 1000 + " s" : ms + " ms";
  }
}
