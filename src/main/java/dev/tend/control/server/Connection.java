package dev.tend.control.server;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One accepted connection, served on a virtual thread of its own with blocking I/O: requests one
 * after the other (keep-alive, pipelining), each routed and answered before the next is read.
 * Whatever goes wrong ends this connection only. Deadlines come from the {@link DeadlineSweeper}; a
 * closing listener ends the connection through {@link #end}.
 */
final class Connection implements Runnable {
  private static final Logger log = LoggerFactory.getLogger(Connection.class);

  /** How long a refused client gets to read its answer before the connection is closed. */
  static final Duration LINGER = Duration.ofSeconds(2);

  /** The most a refused client may still send while it reads its answer. */
  static final long LINGER_BYTES = 1 << 20;

  /** What the connection is doing, for {@link Connections#inFlight} and for closing. */
  enum State {
    /** Reading a request, or waiting for one. */
    READING,
    /** A route is answering a request. */
    ANSWERING,
    /** A route holds the request open for long (a long-poll, a stream). */
    HOLDING
  }

  private final SocketChannel channel;
  private final Listener listener;
  private final Connections connections;
  // Accepted beyond the connection limit: answered 503 and closed.
  private final boolean refusal;
  private final Deadline deadline = new Deadline();
  private final RequestInput input;
  private final ResponseOutput output;
  // Written by the connection's thread; read by closers and the in-flight count.
  private volatile State state = State.READING;
  // Set by a closing listener: no request after the current one.
  private volatile boolean draining;
  // The thread serving the connection, once it runs; interrupted to end a held request.
  private volatile @Nullable Thread thread;

  Connection(SocketChannel channel, Listener listener, Connections connections, boolean refusal) {
    this.channel = channel;
    this.listener = listener;
    this.connections = connections;
    this.refusal = refusal;
    ServerLimits limits = connections.limits();
    this.input = new RequestInput(channel, deadline, limits, connections.budget());
    this.output = new ResponseOutput(channel, deadline, limits);
  }

  /** Serves requests until the client goes, a request is refused, or the listener closes. */
  @Override
  public void run() {
    thread = Thread.currentThread();
    try {
      if (listener.family() != StandardProtocolFamily.UNIX) {
        channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
      }
      while (!draining && serveOne()) {
        // next request
      }
    } catch (IOException e) {
      // the client went away, or a deadline closed the connection
    } catch (RuntimeException | Error e) {
      log.error("a connection on {} failed unexpectedly", listener.url(), e);
    } finally {
      close();
      connections.remove(this);
    }
  }

  /** Answers 503 and closes: the server is at its connection limit. */
  void refuseAtOnce() {
    thread = Thread.currentThread();
    try {
      refuse(new HttpError(Refusal.TOO_MANY_CONNECTIONS, "at the connection limit"), null);
    } finally {
      close();
      connections.remove(this);
    }
  }

  private boolean serveOne() throws IOException {
    RequestHead head;
    try {
      head = input.readHead();
    } catch (HttpError e) {
      refuse(e, null);
      return false;
    }
    if (head == null) {
      return false;
    }
    connections.requestRead();
    Exchange ex = new Exchange(this, head);
    state = State.ANSWERING;
    try {
      connections.router().serve(ex);
      if (!ex.responded()) {
        throw new IllegalStateException(head.method + " " + ex.path() + " was not answered");
      }
    } catch (HttpError e) {
      if (ex.responded()) {
        return false;
      }
      refuse(e, ex);
      return false;
    } catch (InterruptedException e) {
      return false; // the listener closes
    } finally {
      state = State.READING;
      Thread.interrupted(); // an interrupt meant for a held request must not end the next one
    }
    return ex.finish();
  }

  /** Says why (with a status line where one can be sent), logs it, and lets the client read it. */
  private void refuse(HttpError e, @Nullable Exchange ex) {
    connections.refusals().record(e.refusal(), listener.url(), e.detail());
    log.debug("refusing a request on {}: {}", listener.url(), e.detail());
    try {
      if (ex != null) {
        ex.refuse(e.status());
      } else {
        output.write(ByteBuffer.wrap(ErrorPages.standalone(e.status())));
      }
      channel.shutdownOutput();
      deadline.arm(Deadline.Phase.LINGER, LINGER.toNanos());
      input.drain(LINGER_BYTES);
    } catch (IOException | RuntimeException ignored) {
      // the client is gone already
    }
  }

  boolean refusal() {
    return refusal;
  }

  /** Called by the route: the request is held open for long. */
  void longRunning() {
    state = State.HOLDING;
    if (draining) {
      abort(); // the listener closed while this request was being read: end it now
    }
  }

  State state() {
    return state;
  }

  boolean draining() {
    return draining;
  }

  Deadline deadline() {
    return deadline;
  }

  Listener listener() {
    return listener;
  }

  Connections connections() {
    return connections;
  }

  RequestInput input() {
    return input;
  }

  ResponseOutput output() {
    return output;
  }

  /**
   * Ends the connection for a closing listener: a request being answered gets its answer first; one
   * held open (long-poll, stream) ends now, as does a connection waiting for a request.
   */
  void end() {
    draining = true;
    State s = state;
    if (s == State.HOLDING) {
      abort();
    } else if (s == State.READING) {
      expireRead();
    }
  }

  /** Ends the connection at once, whatever it is doing. */
  void abort() {
    draining = true;
    close();
    Thread t = thread;
    if (t != null) {
      t.interrupt();
    }
  }

  /** The deadline sweeper's verdict: end the read in progress (the owner answers) or close. */
  void expired(Deadline.Phase phase) {
    if (phase.reading()) {
      expireRead();
    } else {
      if (phase == Deadline.Phase.WRITE) {
        connections.refusals().record(Refusal.WRITE_TIMEOUT, listener.url(), "write timed out");
      }
      close();
    }
  }

  private void expireRead() {
    try {
      channel.shutdownInput(); // the blocked read returns end-of-input; the owner sees why
    } catch (IOException e) {
      close();
    }
  }

  /**
   * Reads (and drops) what the client sends while a stream is written, on a virtual thread of its
   * own: when the client closes, the connection is aborted, which ends the stream's wait. Only for
   * exchanges after which the connection closes: bytes read here are lost to the next request.
   */
  void watchClient() {
    Thread.ofVirtual()
        .name("tend-http-watch")
        .start(
            () -> {
              ByteBuffer sink = ByteBuffer.allocate(512);
              try {
                while (channel.read(sink.clear()) >= 0) {
                  // a client has nothing to say during a stream: dropped
                }
              } catch (IOException e) {
                // closed by the stream's end, or by the client: abort either way
              }
              abort();
            });
  }

  private void close() {
    try {
      channel.close();
    } catch (IOException ignored) {
      // closing: nothing left to save
    }
  }
}
