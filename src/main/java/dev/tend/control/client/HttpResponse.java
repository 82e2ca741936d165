package dev.tend.control.client;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * One HTTP/1.x response read from an {@link HttpConnection}: its {@link HttpHead}, then the body in
 * pieces, framed by {@code Content-Length}, by chunked transfer coding, or by the end of the
 * stream.
 */
final class HttpResponse {
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
   * Reads the head of the next response.
   *
   * @param timeoutMillis how long to wait for each read, 0 for ever
   * @throws HttpProtocolException when the server does not speak HTTP/1.x
   * @throws EOFException when the connection closes before a status line
   */
  static HttpResponse read(HttpConnection connection, int timeoutMillis) throws IOException {
    HttpHead head = HttpHead.read(new HttpLines(connection, timeoutMillis));
    boolean keepAlive = head.keepAlive();
    Framing framing;
    if (head.chunked()) {
      framing = Framing.CHUNKED;
    } else if (head.contentLength() >= 0) {
      framing = Framing.LENGTH;
    } else {
      framing = Framing.UNTIL_CLOSE;
      keepAlive = false;
    }
    return new HttpResponse(
        connection,
        timeoutMillis,
        head.status(),
        head.reason(),
        keepAlive,
        framing,
        head.contentLength());
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
    HttpLines lines = new HttpLines(connection, timeoutMillis);
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
      throw new HttpProtocolException("bad chunk size line: " + HttpHead.clip(line));
    }
    long size = 0;
    for (int i = 0; i < hex.length(); i++) {
      int digit = Character.digit(hex.charAt(i), 16);
      if (digit < 0 || hex.charAt(i) > 'f') {
        throw new HttpProtocolException("bad chunk size line: " + HttpHead.clip(line));
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
}
