package dev.tend.control.server;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.util.component.AbstractLifeCycle;
import org.eclipse.jetty.util.thread.Scheduler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Cuts off connections whose request trickles in (slowloris): once bytes of a request have arrived,
 * its headers must be complete within the deadline. The idle timeout alone cannot do this, since a
 * byte every few seconds keeps a connection from ever being idle. A connection is watched only
 * while no request of it is being handled: a waiting call or a log stream is exempt, and a body is
 * bounded by the handler's own read deadline. Checks four times a second on Jetty's scheduler, and
 * only while a connection is open, so an idle daemon is not woken for nothing.
 */
final class RequestDeadlines extends AbstractLifeCycle implements Connection.Listener {
  private static final Logger log = LoggerFactory.getLogger(RequestDeadlines.class);
  private static final long SWEEP_MILLIS = 250;

  private final Scheduler scheduler;
  private final long deadlineNanos;
  // Open connections of every listener: added on open, removed on close.
  private final Map<Connection, Watch> watches = new ConcurrentHashMap<>();
  // Written by start/stop; read by the sweep to stop rescheduling itself.
  private volatile boolean running;
  // True while a sweep is scheduled or running; at most one is.
  private final AtomicBoolean sweeping = new AtomicBoolean();

  /** Per connection; written by the sweep and by request handling (hence volatile). */
  private static final class Watch {
    // True while one of the connection's requests is being handled.
    volatile boolean handling;
    // Bytes read when the connection was last known to be between requests.
    volatile long bytesWhenIdle;
    // When bytes beyond bytesWhenIdle were first seen (a request began), 0 = none.
    volatile long partialSince;
  }

  RequestDeadlines(Scheduler scheduler, Duration deadline) {
    this.scheduler = scheduler;
    this.deadlineNanos = deadline.toNanos();
  }

  @Override
  protected void doStart() {
    running = true;
    sweepSoon();
  }

  @Override
  protected void doStop() {
    running = false;
  }

  @Override
  public void onOpened(Connection connection) {
    watches.put(connection, new Watch());
    sweepSoon();
  }

  /** Schedules a sweep unless one is pending, the listener is stopped, or nothing is open. */
  private void sweepSoon() {
    if (running && !watches.isEmpty() && sweeping.compareAndSet(false, true)) {
      scheduler.schedule(this::sweep, SWEEP_MILLIS, TimeUnit.MILLISECONDS);
    }
  }

  @Override
  public void onClosed(Connection connection) {
    watches.remove(connection);
  }

  /** A request of this connection is being handled: its headers are complete. */
  void handling(Connection connection) {
    Watch w = watches.get(connection);
    if (w != null) {
      w.handling = true;
      w.partialSince = 0;
    }
  }

  /** The connection's request was answered; the next one starts with its next byte. */
  void handled(Connection connection) {
    Watch w = watches.get(connection);
    if (w != null) {
      w.bytesWhenIdle = connection.getBytesIn();
      w.partialSince = 0;
      w.handling = false;
    }
  }

  private void sweep() {
    if (!running) {
      return;
    }
    try {
      long now = System.nanoTime();
      for (Map.Entry<Connection, Watch> e : watches.entrySet()) {
        check(e.getKey(), e.getValue(), now);
      }
    } catch (RuntimeException e) {
      log.warn("request deadline sweep failed", e);
    } finally {
      sweeping.set(false);
      sweepSoon(); // a connection opened during this sweep is seen here at the latest
    }
  }

  private void check(Connection connection, Watch w, long now) {
    if (w.handling) {
      return;
    }
    if (connection.getBytesIn() == w.bytesWhenIdle) {
      w.partialSince = 0;
      return;
    }
    if (w.partialSince == 0) {
      w.partialSince = now;
    } else if (now - w.partialSince > deadlineNanos) {
      log.debug("closing {}: request not complete within the deadline", connection);
      watches.remove(connection);
      connection.close();
    }
  }

  int watched() {
    return watches.size();
  }
}
