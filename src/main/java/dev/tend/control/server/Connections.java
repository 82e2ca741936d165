package dev.tend.control.server;

import java.io.IOException;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Every open connection of a control server, over all its listeners, and what they share: the
 * limits, the routes, the body budget, the refusal log, the answers owed. Admits each accepted
 * connection onto a virtual thread of its own, or, at the limit, makes room by closing a kept-alive
 * connection that waits for its next request, or answers 503. Thread-safe.
 */
final class Connections {
  private final ServerLimits limits;
  private final Router router;
  private final BodyBudget budget;
  private final RefusalLog refusals;
  private final PendingAnswers pending;
  private final ThreadFactory threads = Thread.ofVirtual().name("tend-http").factory();
  // Every connection being served or refused; added on admission, removed when it ends.
  private final Set<Connection> open = ConcurrentHashMap.newKeySet();
  // Connections admitted and not yet ended (refusals aside); at most maxConnections plus those
  // being closed to make room.
  private final AtomicInteger admitted = new AtomicInteger();
  // Requests whose head was read, ever: for tests and measurements.
  private final java.util.concurrent.atomic.AtomicLong requests =
      new java.util.concurrent.atomic.AtomicLong();
  // Refusals being written; bounded too, so a flood beyond the limit cannot grow without end.
  private final AtomicInteger refusing = new AtomicInteger();
  private final DeadlineSweeper sweeper;

  Connections(ServerLimits limits, Router router, RefusalLog refusals, PendingAnswers pending) {
    this.limits = limits;
    this.pending = pending;
    this.router = router;
    this.budget = new BodyBudget(limits.maxBodyMemory());
    this.refusals = refusals;
    this.sweeper = new DeadlineSweeper(open, limits.shortestTimeout());
  }

  ServerLimits limits() {
    return limits;
  }

  Router router() {
    return router;
  }

  BodyBudget budget() {
    return budget;
  }

  RefusalLog refusals() {
    return refusals;
  }

  PendingAnswers pending() {
    return pending;
  }

  /** Serves a connection just accepted on {@code listener}, or refuses it. Never blocks. */
  void admit(SocketChannel channel, Listener listener) {
    if (admitted.incrementAndGet() <= limits.maxConnections() || closeAnIdleOne()) {
      Connection c = new Connection(channel, listener, this, false);
      start(c, c::run);
      return;
    }
    admitted.decrementAndGet();
    if (refusing.incrementAndGet() > limits.maxConnections()) {
      refusing.decrementAndGet();
      refusals.record(Refusal.TOO_MANY_CONNECTIONS, listener.url(), "closed without an answer");
      closeQuietly(channel);
      return;
    }
    Connection c = new Connection(channel, listener, this, true);
    start(c, c::refuseAtOnce);
  }

  private void start(Connection c, Runnable body) {
    open.add(c);
    sweeper.connectionOpened();
    try {
      threads.newThread(body).start();
    } catch (RuntimeException | OutOfMemoryError e) {
      remove(c);
      throw e;
    }
  }

  /** Closes the kept-alive connection that has waited longest for its next request, if any. */
  private boolean closeAnIdleOne() {
    for (int attempt = 0; attempt < 3; attempt++) {
      long now = System.nanoTime();
      Connection oldest = null;
      long least = Long.MAX_VALUE;
      for (Connection c : open) {
        long left = c.deadline().remaining(now);
        if (c.deadline().idle() && left < least) {
          oldest = c;
          least = left;
        }
      }
      if (oldest == null) {
        return false;
      }
      if (oldest.deadline().expireIfDue(now, true)) {
        oldest.expired(Deadline.Phase.IDLE);
        return true;
      }
    }
    return false;
  }

  /** A connection ended (its thread is done with it). */
  void remove(Connection c) {
    if (open.remove(c)) {
      (c.refusal() ? refusing : admitted).decrementAndGet();
    }
  }

  /** Requests being answered now, long-polls and streams included. */
  int inFlight() {
    int n = 0;
    for (Connection c : open) {
      if (c.state() != Connection.State.READING) {
        n++;
      }
    }
    return n;
  }

  int size() {
    return open.size();
  }

  /** A request's head was read. */
  void requestRead() {
    requests.incrementAndGet();
  }

  long requests() {
    return requests.get();
  }

  /** Walks over the open connections' deadlines so far (for tests). */
  long sweeps() {
    return sweeper.sweeps();
  }

  /** Connections waiting for their next request. */
  int idle() {
    int n = 0;
    for (Connection c : open) {
      if (c.deadline().idle()) {
        n++;
      }
    }
    return n;
  }

  /** Ends the connections of a listener that closes ({@link Connection#end}). */
  void endAll(Listener listener) {
    for (Connection c : open) {
      if (c.listener() == listener) {
        c.end();
      }
    }
  }

  /**
   * Closes everything: first lets the answers owed go out (at most {@code drain}), then ends every
   * connection at once. Listeners must be closed first.
   */
  void close(Duration drain) {
    for (Connection c : open) {
      c.end();
    }
    try {
      if (!pending.awaitNone(drain)) {
        refusals.closingWithAnswersOwed();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    for (Connection c : open) {
      c.abort();
    }
    sweeper.close();
  }

  private static void closeQuietly(SocketChannel channel) {
    try {
      channel.close();
    } catch (IOException ignored) {
      // refused anyway
    }
  }
}
