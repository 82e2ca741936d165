package dev.tend.control.server;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * A deliberately dumb HTTP/1.x client for tests: sends exactly the bytes it is given (so tests can
 * send malformed requests) and parses one response at a time, by Content-Length, chunked encoding,
 * or connection close. Over a unix socket or TCP.
 */
final class RawHttp implements AutoCloseable {
  private final SocketChannel channel;
  private final InputStream in;
  private final OutputStream out;

  private RawHttp(SocketChannel channel) {
    this.channel = channel;
    this.in = new java.io.BufferedInputStream(Channels.newInputStream(channel));
    this.out = Channels.newOutputStream(channel);
  }

  static RawHttp unix(Path socket) throws IOException {
    SocketChannel ch = SocketChannel.open(StandardProtocolFamily.UNIX);
    ch.connect(UnixDomainSocketAddress.of(socket));
    return new RawHttp(ch);
  }

  static RawHttp tcp(String host, int port) throws IOException {
    return new RawHttp(SocketChannel.open(new InetSocketAddress(host, port)));
  }

  /** Connects to a server URL as ControlServer reports it. */
  static RawHttp to(String url) throws IOException {
    if (url.startsWith("unix://")) {
      return unix(Path.of(url.substring("unix://".length())));
    }
    java.net.URI u = java.net.URI.create(url);
    return tcp(u.getHost(), u.getPort());
  }

  RawHttp send(String raw) throws IOException {
    return send(raw.getBytes(StandardCharsets.ISO_8859_1));
  }

  RawHttp send(byte[] raw) throws IOException {
    out.write(raw);
    out.flush();
    return this;
  }

  /** A POST of a body with the headers a client normally sends, plus extra header lines. */
  static byte[] post(String path, byte[] body, String... extraHeaders) {
    StringBuilder h = new StringBuilder();
    h.append("POST ").append(path).append(" HTTP/1.1\r\n");
    h.append("Host: localhost\r\nContent-Type: text/xml\r\n");
    h.append("Content-Length: ").append(body.length).append("\r\n");
    for (String x : extraHeaders) {
      h.append(x).append("\r\n");
    }
    h.append("\r\n");
    byte[] head = h.toString().getBytes(StandardCharsets.ISO_8859_1);
    byte[] all = new byte[head.length + body.length];
    System.arraycopy(head, 0, all, 0, head.length);
    System.arraycopy(body, 0, all, head.length, body.length);
    return all;
  }

  static String get(String path, String... extraHeaders) {
    StringBuilder h = new StringBuilder("GET " + path + " HTTP/1.1\r\nHost: localhost\r\n");
    for (String x : extraHeaders) {
      h.append(x).append("\r\n");
    }
    return h.append("\r\n").toString();
  }

  /** One response: status, headers (names lower-cased), body. */
  record Response(String statusLine, int status, Map<String, String> headers, byte[] body) {
    String header(String name) {
      return headers.get(name.toLowerCase(Locale.ROOT));
    }

    String text() {
      return new String(body, StandardCharsets.UTF_8);
    }
  }

  /** Reads the status line and headers only; the body is left for {@link #bodyStream}. */
  Response readHead() throws IOException {
    String status = line();
    while (status.isEmpty()) {
      status = line();
    }
    String[] parts = status.split(" ", 3);
    int code = Integer.parseInt(parts[1]);
    Map<String, String> headers = new TreeMap<>();
    for (String l = line(); !l.isEmpty(); l = line()) {
      int colon = l.indexOf(':');
      headers.merge(
          l.substring(0, colon).trim().toLowerCase(Locale.ROOT),
          l.substring(colon + 1).trim(),
          (a, b) -> a + ", " + b);
    }
    return new Response(status, code, headers, new byte[0]);
  }

  /** A whole response. */
  Response read() throws IOException {
    Response head = readHead();
    byte[] body;
    String length = head.header("content-length");
    if (length != null) {
      body = in.readNBytes(Integer.parseInt(length));
    } else if ("chunked".equalsIgnoreCase(head.header("transfer-encoding"))) {
      ByteArrayOutputStream all = new ByteArrayOutputStream();
      for (byte[] chunk = chunk(); chunk != null; chunk = chunk()) {
        all.writeBytes(chunk);
      }
      body = all.toByteArray();
    } else {
      body = in.readAllBytes();
    }
    return new Response(head.statusLine(), head.status(), head.headers(), body);
  }

  /** The next chunk of a chunked body, or null at its end. */
  byte[] chunk() throws IOException {
    String size = line();
    while (size.isEmpty()) {
      size = line(); // the line end of the previous chunk, which a server may send late
    }
    int n = Integer.parseInt(size.split(";")[0].trim(), 16);
    if (n == 0) {
      line(); // the blank line after the last chunk
      return null;
    }
    return in.readNBytes(n);
  }

  /** Whether the server closed the connection (the next read finds its end). */
  boolean closedByServer() throws IOException {
    try {
      return in.read() < 0;
    } catch (IOException e) {
      return true;
    }
  }

  private String line() throws IOException {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    int c;
    while ((c = in.read()) >= 0) {
      if (c == '\n') {
        break;
      }
      if (c != '\r') {
        b.write(c);
      }
    }
    if (c < 0 && b.size() == 0) {
      throw new java.io.EOFException("the server closed the connection");
    }
    return b.toString(StandardCharsets.ISO_8859_1);
  }

  @Override
  public void close() throws IOException {
    channel.close();
  }
}
