package dev.tend.control.client;

import dev.tend.api.ConnectionException;
import java.net.SocketAddress;
import java.util.ArrayDeque;
import org.jspecify.annotations.Nullable;

/**
 * Keeps a few idle keep-alive connections to one server so that calls from several threads (the
 * console's long-poll, its actions, log followers) do not each pay a connect. Connections in use
 * belong to their caller; there is no cap on those, only on the idle ones kept.
 */
final class ConnectionPool implements AutoCloseable {
  private final ServerUrl url;
  private final Route route;
  private final int connectTimeoutMillis;
  private final int maxIdle;
  private final ArrayDeque<HttpConnection> idle =
      new ArrayDeque<>(); // guarded by this; newest first
  private boolean closed; // guarded by this; no connection is kept after close()
  private int opened; // guarded by this; connections ever opened, for tests and diagnostics

  ConnectionPool(ServerUrl url, Route route, int connectTimeoutMillis, int maxIdle) {
    this.url = url;
    this.route = route;
    this.connectTimeoutMillis = connectTimeoutMillis;
    this.maxIdle = maxIdle;
  }

  /** The most recently used idle connection that still looks alive, or null if none is. */
  @Nullable HttpConnection takeIdle() {
    while (true) {
      HttpConnection c;
      synchronized (this) {
        c = idle.pollFirst();
      }
      if (c == null) {
        return null;
      }
      if (!c.isStale()) {
        return c;
      }
      c.close();
    }
  }

  Route route() {
    return route;
  }

  /** A new connection, not yet pooled. */
  HttpConnection open() {
    SocketAddress address = route.address();
    HttpConnection c;
    try {
      c = HttpConnection.open(url, address, connectTimeoutMillis);
    } catch (ConnectionException e) {
      throw route.explain(e, null);
    }
    synchronized (this) {
      opened++;
    }
    return c;
  }

  /** Gives back a connection whose last response was read completely. */
  void release(HttpConnection c) {
    synchronized (this) {
      if (!closed && !c.isClosed() && idle.size() < maxIdle) {
        idle.addFirst(c);
        return;
      }
    }
    c.close();
  }

  private synchronized @Nullable HttpConnection takeAny() {
    return idle.pollFirst();
  }

  synchronized int opened() {
    return opened;
  }

  @Override
  public void close() {
    synchronized (this) {
      closed = true;
    }
    for (HttpConnection c = takeAny(); c != null; c = takeAny()) {
      c.close(); // outside the lock: closing may block briefly
    }
  }
}
