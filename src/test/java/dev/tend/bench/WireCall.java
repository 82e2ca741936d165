package dev.tend.bench;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * A deliberately plain HTTP/1.1 client for the fault suite: sends exactly the bytes it is given on
 * a unix socket or loopback TCP, reads one response (status, headers, a Content-Length or chunked
 * body), and says precisely how an exchange ended when no status line came: refused, no socket
 * file, reset, closed, timed out. Every wait is bounded; thread-safe.
 */
final class WireCall {
  private static final ScheduledExecutorService TIMER =
      Executors.newSingleThreadScheduledExecutor(
          r -> Thread.ofPlatform().daemon().name("faults-timer").unstarted(r));

  private WireCall() {}

  /** How an exchange ended. */
  enum Outcome {
    /** 200 */
    ANSWERED,
    /** Any other status: refused, but with a status line. */
    STATUS,
    /** The connection was refused (ECONNREFUSED, or a full backlog on a unix socket). */
    REFUSED,
    /** The unix socket file was not there. */
    NO_SOCKET,
    /** Closed or reset before a whole status line arrived. */
    NO_STATUS,
    /** No answer within the timeout. */
    TIMEOUT
  }

  /** What an exchange gave: the outcome, the status (0 without one), and its time. */
  record Result(Outcome outcome, int status, long nanos) {
    boolean failedWithoutStatus() {
      return outcome != Outcome.ANSWERED && outcome != Outcome.STATUS;
    }
  }

  /** Where a daemon listens. */
  record Target(Path socket, int tcpPort) {
    SocketAddress address(boolean tcp) {
      return tcp ? new InetSocketAddress("127.0.0.1", tcpPort) : UnixDomainSocketAddress.of(socket);
    }

    String describe(boolean tcp) {
      return tcp ? "tcp" : "unix";
    }
  }

  /** {@code POST /RPC2} of an XML-RPC call without parameters, as supervisorctl sends it. */
  static byte[] rpc(String method, boolean keepAlive) {
    String body =
        "<?xml version='1.0'?>\n<methodCall>\n<methodName>"
            + method
            + "</methodName>\n<params>\n</params>\n</methodCall>\n";
    String head =
        "POST /RPC2 HTTP/1.1\r\nHost: localhost\r\nAccept-Encoding: identity\r\n"
            + "User-Agent: tend-faults\r\nContent-Type: text/xml\r\nContent-Length: "
            + body.length()
            + "\r\n"
            + (keepAlive ? "" : "Connection: close\r\n")
            + "\r\n";
    return (head + body).getBytes(StandardCharsets.US_ASCII);
  }

  /** One request on a new connection; with {@code halfClose} the client then shuts its output. */
  static Result once(Target t, boolean tcp, byte[] request, Duration timeout, boolean halfClose) {
    long t0 = System.nanoTime();
    try (Session s = Session.open(t, tcp)) {
      return s.exchange(request, timeout, halfClose, t0);
    } catch (IOException e) {
      return new Result(classify(e), 0, System.nanoTime() - t0);
    }
  }

  static Outcome classify(IOException e) {
    if (e instanceof NoSuchFileException) {
      return Outcome.NO_SOCKET;
    }
    String m = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT);
    if (e instanceof ConnectException || m.contains("refused")) {
      return Outcome.REFUSED;
    }
    if (m.contains("no such file")) {
      return Outcome.NO_SOCKET;
    }
    if (m.contains("resource temporarily unavailable")) {
      return Outcome.REFUSED; // a unix socket's backlog is full
    }
    return Outcome.NO_STATUS;
  }

  /** A connection that may carry several requests (keep-alive). */
  static final class Session implements AutoCloseable {
    private final SocketChannel channel;
    private final ByteBuffer in = ByteBuffer.allocate(64 * 1024).flip();

    private Session(SocketChannel channel) {
      this.channel = channel;
    }

    static Session open(Target t, boolean tcp) throws IOException {
      SocketChannel ch =
          SocketChannel.open(tcp ? StandardProtocolFamily.INET : StandardProtocolFamily.UNIX);
      try {
        ch.connect(t.address(tcp));
      } catch (IOException e) {
        ch.close();
        throw e;
      }
      return new Session(ch);
    }

    SocketChannel channel() {
      return channel;
    }

    /** Sends a request and reads its response. */
    Result call(byte[] request, Duration timeout) {
      long t0 = System.nanoTime();
      try {
        return exchange(request, timeout, false, t0);
      } catch (IOException e) {
        return new Result(classify(e), 0, System.nanoTime() - t0);
      }
    }

    private Result exchange(byte[] request, Duration timeout, boolean halfClose, long t0)
        throws IOException {
      java.util.concurrent.atomic.AtomicBoolean rang =
          new java.util.concurrent.atomic.AtomicBoolean();
      ScheduledFuture<?> alarm =
          TIMER.schedule(
              () -> {
                rang.set(true);
                close();
              },
              timeout.toNanos(),
              TimeUnit.NANOSECONDS);
      try {
        try {
          ByteBuffer out = ByteBuffer.wrap(request);
          while (out.hasRemaining()) {
            channel.write(out);
          }
          if (halfClose) {
            channel.shutdownOutput();
          }
        } catch (IOException e) {
          // the server may have answered and closed early: read what it said
        }
        int status = readResponse();
        long nanos = System.nanoTime() - t0;
        if (status < 0) {
          return new Result(rang.get() ? Outcome.TIMEOUT : Outcome.NO_STATUS, 0, nanos);
        }
        return new Result(status == 200 ? Outcome.ANSWERED : Outcome.STATUS, status, nanos);
      } catch (IOException e) {
        long nanos = System.nanoTime() - t0;
        return new Result(rang.get() ? Outcome.TIMEOUT : Outcome.NO_STATUS, 0, nanos);
      } finally {
        alarm.cancel(false);
      }
    }

    /** The status of the next response, its body read; -1 when the connection ended first. */
    private int readResponse() throws IOException {
      String head = readHead();
      if (head == null || !head.startsWith("HTTP/1.") || head.length() < 12) {
        return -1;
      }
      int status = Integer.parseInt(head.substring(9, 12));
      long length = -1;
      boolean chunked = false;
      for (String line : head.split("\r\n")) {
        String l = line.toLowerCase(Locale.ROOT);
        if (l.startsWith("content-length:")) {
          length = Long.parseLong(l.substring(15).trim());
        } else if (l.startsWith("transfer-encoding:") && l.contains("chunked")) {
          chunked = true;
        }
      }
      if (chunked) {
        return status; // a stream: the caller only wanted the status
      }
      skip(length);
      return status;
    }

    private String readHead() throws IOException {
      StringBuilder h = new StringBuilder();
      while (true) {
        while (in.hasRemaining()) {
          h.append((char) (in.get() & 0xff));
          int n = h.length();
          if (n >= 4 && h.charAt(n - 1) == '\n' && h.indexOf("\r\n\r\n", n - 4) >= 0) {
            return h.toString();
          }
          if (n > 65536) {
            return null;
          }
        }
        if (!fill()) {
          return null;
        }
      }
    }

    private void skip(long length) throws IOException {
      long left = length;
      while (left != 0) {
        if (!in.hasRemaining() && !fill()) {
          if (length < 0) {
            return; // delimited by the close
          }
          throw new IOException("closed in the body");
        }
        int n = (int) (length < 0 ? in.remaining() : Math.min(left, in.remaining()));
        in.position(in.position() + n);
        left -= length < 0 ? 0 : n;
      }
    }

    private boolean fill() throws IOException {
      in.compact();
      try {
        return channel.read(in) > 0;
      } finally {
        in.flip();
      }
    }

    @Override
    public void close() {
      try {
        channel.close();
      } catch (IOException ignored) {
        // closing a test connection
      }
    }
  }
}
