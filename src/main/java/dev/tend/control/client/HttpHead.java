package dev.tend.control.client;

import java.io.EOFException;
import java.io.IOException;

/**
 * The status line of a response and the headers that decide how to read its body and whether the
 * connection stays open. Interim 1xx responses are skipped.
 */
record HttpHead(int status, String reason, boolean keepAlive, long contentLength, boolean chunked) {
  private static final int MAX_HEADER_BYTES = 64 * 1024;

  /** Reads the head of the next final response; {@code contentLength} is -1 when absent. */
  static HttpHead read(HttpLines lines) throws IOException {
    while (true) {
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
      return new HttpHead(status, reason, keepAlive, h.contentLength, h.chunked);
    }
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

    static Headers read(HttpLines lines) throws IOException {
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
}
