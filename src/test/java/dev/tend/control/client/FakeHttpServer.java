package dev.tend.control.client;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.UTF_8;

import dev.tend.control.xmlrpc.MethodCall;
import dev.tend.control.xmlrpc.XmlRpcEncoder;
import dev.tend.control.xmlrpc.XmlRpcLimits;
import dev.tend.control.xmlrpc.XmlRpcParser;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;

/**
 * A tiny HTTP/1.1 server on a unix socket or a loopback TCP port whose answers the test scripts,
 * byte for byte if it likes: keep-alive, chunked bodies, a close in the middle of an answer. It
 * records every request.
 */
final class FakeHttpServer implements AutoCloseable {

  /** One request as received; header names lower-cased. */
  record Request(
      int connection, String method, String path, Map<String, String> headers, byte[] body) {
    MethodCall call() throws Exception {
      return XmlRpcParser.parseCall(body, XmlRpcLimits.REQUESTS);
    }
  }

  /** Answers one request by writing to {@code out}; may close the connection. */
  interface Handler {
    void answer(Request request, Exchange out) throws Exception;
  }

  /** The answering side of one connection. */
  static final class Exchange {
    private final OutputStream out;
    private final SocketChannel channel;
    private boolean closed; // the handler closed the connection

    Exchange(OutputStream out, SocketChannel channel) {
      this.out = out;
      this.channel = channel;
    }

    void write(byte[] bytes) throws IOException {
      out.write(bytes);
      out.flush();
    }

    void write(String ascii) throws IOException {
      write(ascii.getBytes(ISO_8859_1));
    }

    void close() throws IOException {
      closed = true;
      channel.close();
    }
  }

  private final ServerSocketChannel server;
  private final ServerUrl url;
  private final Handler handler;
  private final List<Request> requests = new CopyOnWriteArrayList<>();
  private final List<SocketChannel> accepted = Collections.synchronizedList(new ArrayList<>());
  private final AtomicInteger connections = new AtomicInteger();
  private final Thread acceptor;

  private FakeHttpServer(ServerSocketChannel server, ServerUrl url, Handler handler) {
    this.server = server;
    this.url = url;
    this.handler = handler;
    this.acceptor = Thread.ofPlatform().daemon().name("fake-http-accept").start(this::accept);
  }

  static FakeHttpServer unix(Path socket, Handler handler) throws IOException {
    ServerSocketChannel s = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
    s.bind(UnixDomainSocketAddress.of(socket));
    return new FakeHttpServer(s, ServerUrl.parse("unix://" + socket), handler);
  }

  static FakeHttpServer tcp(Handler handler) throws IOException {
    ServerSocketChannel s = ServerSocketChannel.open();
    s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
    int port = ((InetSocketAddress) s.getLocalAddress()).getPort();
    return new FakeHttpServer(s, ServerUrl.parse("http://127.0.0.1:" + port), handler);
  }

  ServerUrl url() {
    return url;
  }

  List<Request> requests() {
    return List.copyOf(requests);
  }

  int connections() {
    return connections.get();
  }

  @Override
  public void close() throws IOException {
    server.close();
    synchronized (accepted) {
      for (SocketChannel c : accepted) {
        c.close();
      }
    }
    if (url.isUnix()) {
      Files.deleteIfExists(url.socketPath());
    }
  }

  private void accept() {
    try {
      while (true) {
        SocketChannel c = server.accept();
        accepted.add(c);
        int n = connections.incrementAndGet();
        Thread.ofPlatform().daemon().name("fake-http-" + n).start(() -> serve(c, n));
      }
    } catch (IOException closed) {
      // the test is over
    }
  }

  private void serve(SocketChannel c, int connection) {
    try (c) {
      InputStream in = Channels.newInputStream(c);
      OutputStream out = Channels.newOutputStream(c);
      Exchange exchange = new Exchange(out, c);
      while (!exchange.closed) {
        Request r = readRequest(in, connection);
        if (r == null) {
          return;
        }
        requests.add(r);
        handler.answer(r, exchange);
      }
    } catch (Exception e) {
      // the client went away, or the handler closed the connection: nothing to report
    }
  }

  private static @Nullable Request readRequest(InputStream in, int connection) throws IOException {
    String requestLine = line(in);
    if (requestLine == null) {
      return null;
    }
    String[] parts = requestLine.split(" ");
    Map<String, String> headers = new LinkedHashMap<>();
    for (String h = line(in); h != null && !h.isEmpty(); h = line(in)) {
      int colon = h.indexOf(':');
      headers.put(
          h.substring(0, colon).trim().toLowerCase(Locale.ROOT), h.substring(colon + 1).trim());
    }
    int length = Integer.parseInt(headers.getOrDefault("content-length", "0"));
    byte[] body = in.readNBytes(length);
    return new Request(connection, parts[0], parts[1], headers, body);
  }

  private static @Nullable String line(InputStream in) throws IOException {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    for (int c = in.read(); c != '\n'; c = in.read()) {
      if (c < 0) {
        return b.size() == 0 ? null : b.toString(ISO_8859_1);
      }
      if (c != '\r') {
        b.write(c);
      }
    }
    return b.toString(ISO_8859_1);
  }

  // ---- answers ----

  /** A 200 answer with {@code body} framed by Content-Length. */
  static byte[] ok(byte[] body) {
    return concat(
        ("HTTP/1.1 200 OK\r\nServer: Fake\r\nContent-Type: text/xml\r\nContent-Length: "
                + body.length
                + "\r\n\r\n")
            .getBytes(ISO_8859_1),
        body);
  }

  /** A 200 answer of the XML-RPC {@code value}. */
  static byte[] okValue(Object value) {
    return ok(XmlRpcEncoder.response(value));
  }

  /** A 200 answer whose body is sent in the given chunks, with a chunk extension and a trailer. */
  static byte[] chunked(byte[] body, int chunkSize) {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    b.writeBytes("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n".getBytes(ISO_8859_1));
    for (int i = 0; i < body.length; i += chunkSize) {
      int n = Math.min(chunkSize, body.length - i);
      b.writeBytes((Integer.toHexString(n) + ";ext=1\r\n").getBytes(ISO_8859_1));
      b.write(body, i, n);
      b.writeBytes("\r\n".getBytes(ISO_8859_1));
    }
    b.writeBytes("0\r\nX-Trailer: yes\r\n\r\n".getBytes(ISO_8859_1));
    return b.toByteArray();
  }

  static byte[] status(int code, String reason) {
    String body = "<html>" + reason + "</html>";
    return ("HTTP/1.1 "
            + code
            + " "
            + reason
            + "\r\nContent-Length: "
            + body.length()
            + "\r\n\r\n"
            + body)
        .getBytes(UTF_8);
  }

  static byte[] concat(byte[] a, byte[] b) {
    byte[] both = new byte[a.length + b.length];
    System.arraycopy(a, 0, both, 0, a.length);
    System.arraycopy(b, 0, both, a.length, b.length);
    return both;
  }
}
