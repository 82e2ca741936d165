package dev.tend.platform;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedSelectorException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link NetworkChecks} on one thread ({@code tend-probe}) with non-blocking sockets and a
 * selector, however many checks run at once: threads do not grow with programs. The thread starts
 * with the first check, so a daemon without network probes has none. Host names are resolved on
 * this thread (a slow resolver delays other checks, never the supervisor).
 */
public final class SelectorNetworkChecks implements NetworkChecks {
  private static final Logger log = LoggerFactory.getLogger(SelectorNetworkChecks.class);
  private static final int STATUS_LINE_LIMIT = 1024;

  // Any thread adds; the check thread drains.
  private final ConcurrentLinkedQueue<Check> submitted = new ConcurrentLinkedQueue<>();
  // Check thread only: checks open now.
  private final List<Check> open = new ArrayList<>();
  // Set once, under this, by the first check; then read by any thread.
  private volatile @Nullable Selector selector;
  private volatile boolean closed;

  @Override
  public void connect(String host, int port, long timeoutMillis, Consumer<Outcome> done) {
    submit(new Check(host, port, null, timeoutMillis, done));
  }

  @Override
  public void httpGet(
      String host, int port, String path, long timeoutMillis, Consumer<Outcome> done) {
    String hostHeader = (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
    String request =
        "GET "
            + path
            + " HTTP/1.1\r\nHost: "
            + hostHeader
            + "\r\nUser-Agent: tend\r\nAccept: */*\r\nConnection: close\r\n\r\n";
    submit(
        new Check(host, port, request.getBytes(StandardCharsets.ISO_8859_1), timeoutMillis, done));
  }

  private void submit(Check check) {
    Selector s;
    try {
      s = started();
    } catch (IOException e) {
      check.done.accept(new Outcome(false, "cannot open a selector: " + e.getMessage()));
      return;
    }
    if (s == null) {
      check.done.accept(new Outcome(false, "closed"));
      return;
    }
    submitted.add(check);
    s.wakeup();
  }

  private synchronized @Nullable Selector started() throws IOException {
    if (closed) {
      return null;
    }
    Selector s = selector;
    if (s == null) {
      s = Selector.open();
      selector = s;
      Selector running = s;
      Thread t = new Thread(() -> run(running), "tend-probe");
      t.setDaemon(true);
      t.start();
    }
    return s;
  }

  private void run(Selector s) {
    try {
      while (!closed) {
        Check c;
        while ((c = submitted.poll()) != null) {
          begin(s, c);
        }
        s.select(untilNextDeadline());
        handleReady(s);
        expire();
      }
    } catch (IOException | ClosedSelectorException e) {
      if (!closed) {
        log.error("the network check loop stopped: {}", e.toString());
      }
    } finally {
      for (Check c : open) {
        c.finish(new Outcome(false, "closed"));
      }
      open.clear();
      Check c;
      while ((c = submitted.poll()) != null) {
        c.finish(new Outcome(false, "closed"));
      }
      try {
        s.close();
      } catch (IOException e) {
        // the thread ends anyway
      }
    }
  }

  private long untilNextDeadline() {
    long now = System.nanoTime();
    long next = Long.MAX_VALUE;
    for (Check c : open) {
      next = Math.min(next, c.deadlineNanos);
    }
    if (next == Long.MAX_VALUE) {
      return 0; // block until woken
    }
    return Math.max(1, (next - now) / 1_000_000 + 1);
  }

  private void begin(Selector s, Check c) {
    InetSocketAddress address = new InetSocketAddress(c.host, c.port);
    if (address.isUnresolved()) {
      c.finish(new Outcome(false, "unknown host " + c.host));
      return;
    }
    try {
      SocketChannel ch = SocketChannel.open();
      c.channel = ch;
      ch.configureBlocking(false);
      open.add(c);
      if (ch.connect(address)) {
        connected(s, c);
      } else {
        ch.register(s, SelectionKey.OP_CONNECT, c);
      }
    } catch (IOException e) {
      fail(c, e);
    }
  }

  private void handleReady(Selector s) {
    Iterator<SelectionKey> keys = s.selectedKeys().iterator();
    while (keys.hasNext()) {
      SelectionKey key = keys.next();
      keys.remove();
      Check c = (Check) key.attachment();
      try {
        if (key.isValid() && key.isConnectable()) {
          c.channel().finishConnect();
          connected(s, c);
        } else if (key.isValid() && key.isWritable()) {
          write(s, c);
        } else if (key.isValid() && key.isReadable()) {
          read(c);
        }
      } catch (IOException e) {
        fail(c, e);
      }
    }
  }

  private void connected(Selector s, Check c) throws IOException {
    if (c.request == null) {
      end(c, new Outcome(true, "connected to " + c.host + ":" + c.port));
      return;
    }
    write(s, c);
  }

  private void write(Selector s, Check c) throws IOException {
    ByteBuffer out = c.request;
    if (out == null) {
      return;
    }
    c.channel().write(out);
    int interest = out.hasRemaining() ? SelectionKey.OP_WRITE : SelectionKey.OP_READ;
    c.channel().register(s, interest, c);
  }

  private void read(Check c) throws IOException {
    int n = c.channel().read(c.response);
    String head =
        new String(c.response.array(), 0, c.response.position(), StandardCharsets.ISO_8859_1);
    int eol = head.indexOf("\r\n");
    if (eol >= 0) {
      end(c, status(head.substring(0, eol)));
    } else if (n < 0) {
      end(c, new Outcome(false, "connection closed before an HTTP status line"));
    } else if (!c.response.hasRemaining()) {
      end(
          c,
          new Outcome(false, "no HTTP status line in the first " + STATUS_LINE_LIMIT + " bytes"));
    }
  }

  /** {@code HTTP/1.1 204 No Content}: 2xx and 3xx are a success. */
  static Outcome status(String line) {
    String[] parts = line.split(" ", 3);
    if (parts.length < 2 || !parts[0].startsWith("HTTP/")) {
      return new Outcome(false, "not an HTTP status line: " + line);
    }
    int code;
    try {
      code = Integer.parseInt(parts[1]);
    } catch (NumberFormatException e) {
      return new Outcome(false, "not an HTTP status line: " + line);
    }
    String text = "HTTP " + code + (parts.length > 2 ? " " + parts[2] : "");
    return new Outcome(code >= 200 && code < 400, text);
  }

  private void expire() {
    long now = System.nanoTime();
    for (Check c : new ArrayList<>(open)) {
      if (now - c.deadlineNanos >= 0) {
        end(c, new Outcome(false, "no answer in " + c.timeoutMillis + " ms"));
      }
    }
  }

  private void fail(Check c, IOException e) {
    String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    m = m.isEmpty() ? m : m.substring(0, 1).toLowerCase(Locale.ROOT) + m.substring(1);
    end(c, new Outcome(false, m));
  }

  private void end(Check c, Outcome outcome) {
    open.remove(c);
    c.finish(outcome);
  }

  /** Stops the thread; checks still open end as failures. */
  @Override
  public void close() {
    Selector s;
    synchronized (this) {
      closed = true;
      s = selector;
    }
    if (s != null) {
      s.wakeup();
    }
  }

  /** One check in flight. Check thread only, once submitted. */
  private static final class Check {
    final String host;
    final int port;
    final @Nullable ByteBuffer request;
    final ByteBuffer response = ByteBuffer.allocate(STATUS_LINE_LIMIT);
    final long timeoutMillis;
    final long deadlineNanos;
    final Consumer<Outcome> done;
    @Nullable SocketChannel channel;
    boolean finished;

    Check(
        String host,
        int port,
        byte @Nullable [] request,
        long timeoutMillis,
        Consumer<Outcome> done) {
      this.host = host;
      this.port = port;
      this.request = request == null ? null : ByteBuffer.wrap(request);
      this.timeoutMillis = timeoutMillis;
      this.deadlineNanos = System.nanoTime() + timeoutMillis * 1_000_000L;
      this.done = done;
    }

    SocketChannel channel() throws IOException {
      SocketChannel ch = channel;
      if (ch == null) {
        throw new IOException("not connected");
      }
      return ch;
    }

    void finish(Outcome outcome) {
      if (finished) {
        return;
      }
      finished = true;
      SocketChannel ch = channel;
      if (ch != null) {
        try {
          ch.close();
        } catch (IOException e) {
          // nothing left to do with it
        }
      }
      try {
        done.accept(outcome);
      } catch (RuntimeException e) {
        log.warn("a network check's callback failed", e);
      }
    }
  }
}
