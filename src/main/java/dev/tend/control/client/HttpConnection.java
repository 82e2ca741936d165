package dev.tend.control.client;

import dev.tend.api.ConnectionException;
import dev.tend.api.ConnectionException.Kind;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.SocketAddress;
import java.net.SocketTimeoutException;
import java.net.StandardProtocolFamily;
import java.net.StandardSocketOptions;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.CancelledKeyException;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.ClosedSelectorException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.channels.UnresolvedAddressException;
import java.nio.file.Files;
import org.jspecify.annotations.Nullable;

/**
 * One HTTP/1.1 connection to a supervisor: a non-blocking {@link SocketChannel} (TCP or unix
 * domain) with its own {@link Selector}, so every wait has a timeout, which blocking channels do
 * not offer for unix sockets. Bytes read wait in {@link #buffer()} for the response reader.
 *
 * <p>Used by one thread at a time (the pool hands it out); {@link #close} may come from any thread
 * and wakes a read in progress.
 */
final class HttpConnection implements AutoCloseable {
  private static final int BUFFER_BYTES = 16 * 1024;

  private final ServerUrl url;
  private final SocketChannel channel;
  private final Selector selector;
  private final SelectionKey key;
  private final ByteBuffer in = ByteBuffer.allocate(BUFFER_BYTES).flip(); // unread: position..limit
  private volatile boolean closed; // set once by close(), from any thread

  private HttpConnection(ServerUrl url, SocketChannel channel, Selector selector)
      throws IOException {
    this.url = url;
    this.channel = channel;
    this.selector = selector;
    this.key = channel.register(selector, 0);
  }

  /**
   * Connects to {@code address} (the server's socket, or the local end of an ssh forward to it),
   * waiting at most {@code timeoutMillis}.
   *
   * @throws ConnectionException REFUSED, NO_SUCH_FILE (a unix socket path that does not exist), or
   *     IO, with supervisorctl's wording
   */
  static HttpConnection open(ServerUrl url, SocketAddress address, int timeoutMillis) {
    SocketChannel channel = null;
    Selector selector = null;
    try {
      if (address instanceof UnixDomainSocketAddress) {
        channel = SocketChannel.open(StandardProtocolFamily.UNIX);
      } else {
        channel = SocketChannel.open();
        channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
      }
      channel.configureBlocking(false);
      selector = Selector.open();
      HttpConnection c = new HttpConnection(url, channel, selector);
      if (!channel.connect(address)) {
        c.await(SelectionKey.OP_CONNECT, timeoutMillis, "connecting");
        channel.finishConnect();
      }
      return c;
    } catch (ConnectException e) {
      closeQuietly(channel, selector);
      throw new ConnectionException(Kind.REFUSED, url + " refused connection", e);
    } catch (UnresolvedAddressException e) {
      closeQuietly(channel, selector);
      throw new ConnectionException(Kind.IO, url + ": unknown host " + url.host(), e);
    } catch (IOException e) {
      closeQuietly(channel, selector);
      if (url.isUnix() && Files.notExists(url.socketPath())) {
        throw new ConnectionException(Kind.NO_SUCH_FILE, url + " no such file", e);
      }
      throw new ConnectionException(Kind.IO, url + ": " + describe(e), e);
    }
  }

  ServerUrl url() {
    return url;
  }

  /** Writes every byte of {@code parts}, waiting up to {@code timeoutMillis} whenever stalled. */
  void write(ByteBuffer[] parts, int timeoutMillis) throws IOException {
    while (anyRemaining(parts)) {
      if (channel.write(parts) == 0) {
        await(SelectionKey.OP_WRITE, timeoutMillis, "sending");
      }
    }
  }

  /** The bytes read and not yet consumed, between position and limit. */
  ByteBuffer buffer() {
    return in;
  }

  /**
   * Reads more bytes into {@link #buffer()}, waiting up to {@code timeoutMillis} (0: for ever) for
   * the first; returns false at end of stream.
   */
  boolean fill(int timeoutMillis) throws IOException {
    in.compact();
    try {
      if (!in.hasRemaining()) {
        throw new IllegalStateException("fill() with a full buffer");
      }
      while (true) {
        int n = channel.read(in);
        if (n > 0) {
          return true;
        }
        if (n < 0) {
          return false;
        }
        await(SelectionKey.OP_READ, timeoutMillis, "waiting for the answer");
      }
    } finally {
      in.flip();
    }
  }

  /**
   * Whether an idle connection is unusable: the server closed it, or sent bytes nobody asked for.
   * Costs one non-blocking read.
   */
  boolean isStale() {
    if (closed || in.hasRemaining()) {
      return true;
    }
    try {
      in.compact();
      try {
        return channel.read(in) != 0;
      } finally {
        in.flip();
      }
    } catch (IOException e) {
      return true;
    }
  }

  @Override
  public void close() {
    closed = true;
    selector.wakeup();
    closeQuietly(channel, selector);
  }

  boolean isClosed() {
    return closed;
  }

  /** Waits until the channel is ready for {@code op}; {@code timeoutMillis} 0 waits for ever. */
  private void await(int op, int timeoutMillis, String doing) throws IOException {
    long deadline = System.nanoTime() + timeoutMillis * 1_000_000L;
    try {
      key.interestOps(op);
      while (true) {
        if (closed) {
          throw new ClosedChannelException();
        }
        if (Thread.currentThread().isInterrupted()) {
          throw new InterruptedIOException("interrupted while " + doing + " (" + url + ")");
        }
        long left = timeoutMillis == 0 ? 0 : (deadline - System.nanoTime()) / 1_000_000L;
        if (timeoutMillis > 0 && left <= 0) {
          throw new SocketTimeoutException(
              "timed out after " + timeoutMillis + " ms " + doing + " (" + url + ")");
        }
        int ready = selector.select(left);
        selector.selectedKeys().clear();
        if (ready > 0 && !closed) {
          key.interestOps(0);
          return;
        }
      }
    } catch (ClosedSelectorException | CancelledKeyException e) {
      throw new ClosedChannelException(); // closed by another thread meanwhile
    }
  }

  private static boolean anyRemaining(ByteBuffer[] parts) {
    for (ByteBuffer b : parts) {
      if (b.hasRemaining()) {
        return true;
      }
    }
    return false;
  }

  static String describe(IOException e) {
    String m = e.getMessage();
    return m == null ? e.getClass().getSimpleName() : m;
  }

  private static void closeQuietly(@Nullable SocketChannel channel, @Nullable Selector selector) {
    try {
      if (selector != null) {
        selector.close();
      }
    } catch (IOException ignored) {
      // nothing useful to do: the connection is being dropped either way
    }
    try {
      if (channel != null) {
        channel.close();
      }
    } catch (IOException ignored) {
      // as above
    }
  }
}
