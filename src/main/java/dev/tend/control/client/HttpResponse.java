package dev.tend.control.client;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * One HTTP/1.x response read from an {@link HttpConnection}: the status line and the headers that
 * matter to a client (framing, persistence, authentication), then the body in pieces, framed by
 * {@code Content-Length}, by chunked transfer coding, or by the end of the stream.
 */
final class HttpResponse {
  private static final int MAX_LINE = 8 * 1024;
  private static final int MAX_HEADER_BYTES = 64 * 1024;

  private enum Framing {
    LENGTH,
    CHUNKED,
    UNTIL_CLOSE
  }

  private final HttpConnection connection;
  private final int timeoutMillis;
  private final int status;
  private final String reason;
  private final boolean keepAlive;
  private final Framing framing;

  private long remaining; // bytes left in the body (LENGTH) or in the current chunk (CHUNKED)
  private boolean done; // the whole body has been consumed
  private boolean firstChunk = true; // CHUNKED: no chunk header read yet

  private HttpResponse(
      HttpConnection connection,
      int timeoutMillis,
      int status,
      String reason,
      boolean keepAlive,
      Framing framing,
      long contentLength) {
    this.connection = connection;
    this.timeoutMillis = timeoutMillis;
    this.status = status;
    this.reason = reason;
    this.keepAlive = keepAlive;
    this.framing = framing;
    this.remaining = framing == Framing.LENGTH ? contentLength : 0;
    this.done = framing == Framing.LENGTH && contentLength == 0;
  }

  /**
   * Reads the status line and headers; skips interim 1xx responses.
   *
   * @param timeoutMillis how long to wait for each read, 0 for ever
   * @throws HttpProtocolException when the server does not speak HTTP/1.x
   * @throws EOFException when the connection closes before a status line
   */
  static HttpResponse read(HttpConnection connection, int timeoutMillis) throws IOException {
    while (true) {
      LineReader lines = new LineReader(connection, timeoutMillis);
      String statusLine = lines.next();
      if (statusLine == null) {
        throw new EOFException("connection closed before an answer");
      }
      boolean http11;
      if (statusLine.startsWith("HTTP/1.1 ")) {
        http11 = true;
      } else if (statusLine.startsWith("HTTP/1.0 ")) {
        http11 = false;
      } else {
        throw new HttpProtocolException("not an HTTP/1.x status line: " + clip(statusLine));
      }
      int status = statusCode(statusLine);
      String reason = statusLine.length() > 13 ? statusLine.substring(13).trim() : "";
      Headers h = Headers.read(lines);
      if (status >= 100 && status < 200) {
        continue;
      }
      boolean keepAlive = http11 ? !h.close : h.keepAlive && !h.close;
      Framing framing;
      if (h.chunked) {
        framing = Framing.CHUNKED;
      } else if (h.contentLength >= 0) {
        framing = Framing.LENGTH;
      } else {
        framing = Framing.UNTIL_CLOSE;
        keepAlive = false;
      }
      return new HttpResponse(
          connection, timeoutMillis, status, reason, keepAlive, framing, h.contentLength);
    }
  }

  int status() {
    return status;
  }

  String reason() {
    return reason;
  }

  /** Whether the connection may carry another request once the body has been read. */
  boolean reusable() {
    return done && keepAlive;
  }

  /**
   * The next piece of the body, or null at its end. The piece is a view of the connection's buffer,
   * valid until the next call.
   */
  @Nullable ByteBuffer nextPiece() throws IOException {
    if (done) {
      return null;
    }
    if (framing == Framing.CHUNKED && remaining == 0) {
      remaining = chunkSize();
      if (remaining == 0) {
        done = true;
        return null;
      }
    }
    ByteBuffer in = connection.buffer();
    if (!in.hasRemaining() && !connection.fill(timeoutMillis)) {
      if (framing == Framing.UNTIL_CLOSE) {
        done = true;
        return null;
      }
      throw new EOFException("connection closed in the middle of the answer");
    }
    int n =
        framing == Framing.UNTIL_CLOSE ? in.remaining() : (int) Math.min(in.remaining(), remaining);
    ByteBuffer piece = in.slice(in.position(), n);
    in.position(in.position() + n);
    if (framing != Framing.UNTIL_CLOSE) {
      remaining -= n;
      if (framing == Framing.LENGTH && remaining == 0) {
        done = true;
      }
    }
    return piece;
  }

  /**
   * The whole body.
   *
   * @throws HttpProtocolException when it is longer than {@code maxBytes}
   */
  byte[] readBody(long maxBytes) throws IOException {
    if (framing == Framing.LENGTH && remaining > maxBytes) {
      throw new HttpProtocolException(
          "answer of " + remaining + " bytes is over the limit of " + maxBytes);
    }
    // grow as bytes arrive rather than trust a large Content-Length with memory up front
    int initial = framing == Framing.LENGTH ? (int) Math.min(remaining, 1 << 20) : 8192;
    byte[] body = new byte[initial];
    int size = 0;
    for (ByteBuffer piece = nextPiece(); piece != null; piece = nextPiece()) {
      int n = piece.remaining();
      if (size + (long) n > maxBytes) {
        throw new HttpProtocolException("answer over the limit of " + maxBytes + " bytes");
      }
      if (size + n > body.length) {
        body = Arrays.copyOf(body, (int) Math.min(maxBytes, Math.max(body.length * 2L, size + n)));
      }
      piece.get(body, size, n);
      size += n;
    }
    return size == body.length ? body : Arrays.copyOf(body, size);
  }

  /** Reads the line that opens a chunk (after the CRLF that closes the previous one). */
  private long chunkSize() throws IOException {
    LineReader lines = new LineReader(connection, timeoutMillis);
    if (!firstChunk) {
      String end = lines.next();
      if (end == null || !end.isEmpty()) {
        throw new HttpProtocolException("chunk not followed by CRLF");
      }
    }
    firstChunk = false;
    String line = lines.next();
    if (line == null) {
      throw new EOFException("connection closed between chunks");
    }
    int semicolon = line.indexOf(';');
    String hex = (semicolon < 0 ? line : line.substring(0, semicolon)).trim();
    if (hex.isEmpty() || hex.length() > 15) {
      throw new HttpProtocolException("bad chunk size line: " + clip(line));
    }
    long size = 0;
    for (int i = 0; i < hex.length(); i++) {
      int digit = Character.digit(hex.charAt(i), 16);
      if (digit < 0 || hex.charAt(i) > 'f') {
        throw new HttpProtocolException("bad chunk size line: " + clip(line));
      }
      size = size * 16 + digit;
    }
    if (size == 0) {
      for (String trailer = lines.next(); ; trailer = lines.next()) {
        if (trailer == null) {
          throw new EOFException("connection closed in the trailers");
        }
        if (trailer.isEmpty()) {
          break;
        }
      }
    }
    return size;
  }

  private static int statusCode(String statusLine) throws HttpProtocolException {
    int code = 0;
    for (int i = 9; i < 12; i++) {
      char c = i < statusLine.length() ? statusLine.charAt(i) : ' ';
      if (c < '0' || c > '9') {
        throw new HttpProtocolException("bad status line: " + clip(statusLine));
      }
      code = code * 10 + (c - '0');
    }
    if (statusLine.length() > 12 && statusLine.charAt(12) != ' ') {
      throw new HttpProtocolException("bad status line: " + clip(statusLine));
    }
    return code;
  }

  static String clip(String s) {
    return s.length() <= 80 ? s : s.substring(0, 80) + "...";
  }

  /** The headers that decide how to read the body and whether to keep the connection. */
  private static final class Headers {
    private long contentLength = -1; // -1 when absent
    private boolean chunked; // Transfer-Encoding: chunked
    private boolean close; // Connection: close
    private boolean keepAlive; // Connection: keep-alive (HTTP/1.0)

    static Headers read(LineReader lines) throws IOException {
      Headers h = new Headers();
      int total = 0;
      while (true) {
        String line = lines.next();
        if (line == null) {
          throw new EOFException("connection closed in the headers");
        }
        if (line.isEmpty()) {
          return h;
        }
        total += line.length() + 2;
        if (total > MAX_HEADER_BYTES) {
          throw new HttpProtocolException("headers longer than " + MAX_HEADER_BYTES + " bytes");
        }
        int colon = line.indexOf(':');
        if (colon <= 0) {
          throw new HttpProtocolException("malformed header: " + clip(line));
        }
        h.take(line.substring(0, colon).trim(), line.substring(colon + 1).trim());
      }
    }

    private void take(String name, String value) throws HttpProtocolException {
      if (name.equalsIgnoreCase("Content-Length")) {
        long length = parseLength(value);
        if (contentLength >= 0 && contentLength != length) {
          throw new HttpProtocolException("conflicting Content-Length headers");
        }
        contentLength = length;
      } else if (name.equalsIgnoreCase("Transfer-Encoding")) {
        if (!value.equalsIgnoreCase("chunked")) {
          throw new HttpProtocolException("unsupported Transfer-Encoding: " + clip(value));
        }
        chunked = true;
      } else if (name.equalsIgnoreCase("Connection")) {
        for (String token : value.split(",")) {
          close |= token.trim().equalsIgnoreCase("close");
          keepAlive |= token.trim().equalsIgnoreCase("keep-alive");
        }
      }
    }

    private static long parseLength(String value) throws HttpProtocolException {
      if (value.isEmpty() || value.length() > 18) {
        throw new HttpProtocolException("bad Content-Length: " + clip(value));
      }
      long n = 0;
      for (int i = 0; i < value.length(); i++) {
        char c = value.charAt(i);
        if (c < '0' || c > '9') {
          throw new HttpProtocolException("bad Content-Length: " + clip(value));
        }
        n = n * 10 + (c - '0');
      }
      return n;
    }
  }

  /** Reads CRLF- (or LF-) terminated ISO-8859-1 lines from the connection's buffer. */
  private static final class LineReader {
    private final HttpConnection connection;
    private final int timeoutMillis;

    LineReader(HttpConnection connection, int timeoutMillis) {
      this.connection = connection;
      this.timeoutMillis = timeoutMillis;
    }

    /** The next line without its terminator, or null when the stream ends before one. */
    @Nullable String next() throws IOException {
      ByteBuffer in = connection.buffer();
      int scanned = 0; // bytes of the buffer already searched for '\n'
      while (true) {
        for (int i = in.position() + scanned; i < in.limit(); i++) {
          if (in.get(i) == '\n') {
            int from = in.position();
            int to = i > from && in.get(i - 1) == '\r' ? i - 1 : i;
            String line = new String(in.array(), from, to - from, StandardCharsets.ISO_8859_1);
            in.position(i + 1);
            return line;
          }
        }
        scanned = in.remaining();
        if (scanned >= MAX_LINE) {
          throw new HttpProtocolException("line longer than " + MAX_LINE + " bytes");
        }
        if (!connection.fill(timeoutMillis)) {
          return null;
        }
      }
    }
  }
}
