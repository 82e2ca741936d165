package dev.tend.control.client;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;

/** Reads CRLF- (or LF-) terminated ISO-8859-1 lines from the connection's buffer. */
final class HttpLines {
  private static final int MAX_LINE = 8 * 1024;

  private final HttpConnection connection;
  private final int timeoutMillis;

  HttpLines(HttpConnection connection, int timeoutMillis) {
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
