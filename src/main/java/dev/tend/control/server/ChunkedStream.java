package dev.tend.control.server;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * The body of an endless response: each write goes out at once, as one chunk (HTTP/1.1) or as raw
 * bytes (HTTP/1.0, where closing the connection ends the body). Used by one thread.
 */
final class ChunkedStream {
  private static final byte[] CRLF = {'\r', '\n'};
  private static final byte[] LAST = "0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1);

  private final ResponseOutput out;
  private final boolean chunked;

  ChunkedStream(ResponseOutput out, boolean chunked) {
    this.out = out;
    this.chunked = chunked;
  }

  /** Sends {@code parts} as one chunk (nothing when they are empty: an empty chunk ends a body). */
  void write(ByteBuffer... parts) throws IOException {
    long n = 0;
    for (ByteBuffer p : parts) {
      n += p.remaining();
    }
    if (n == 0) {
      return;
    }
    if (!chunked) {
      out.write(parts);
      return;
    }
    ByteBuffer[] all = new ByteBuffer[parts.length + 2];
    all[0] = ByteBuffer.wrap((Long.toHexString(n) + "\r\n").getBytes(StandardCharsets.US_ASCII));
    System.arraycopy(parts, 0, all, 1, parts.length);
    all[all.length - 1] = ByteBuffer.wrap(CRLF);
    out.write(all);
  }

  void write(byte[] data) throws IOException {
    write(ByteBuffer.wrap(data));
  }

  /** Ends the body (the last chunk); the connection may then carry another request. */
  void finish() throws IOException {
    if (chunked) {
      out.write(ByteBuffer.wrap(LAST));
    }
  }
}
