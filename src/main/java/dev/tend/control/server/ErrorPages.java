package dev.tend.control.server;

import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;

/**
 * Error responses in medusa's words and layout (supervisord's HTTP server): a small HTML page with
 * no server version, no stack trace and nothing of the request echoed back.
 */
final class ErrorPages {
  private ErrorPages() {}

  static byte[] body(int status) {
    return body(status, null);
  }

  /**
   * The page, with {@code why} (a sentence of the server's own, HTML-escaped here) after the
   * message when not null.
   */
  static byte[] body(int status, @Nullable String why) {
    String page =
        "<head>\r\n"
            + "<title>Error response</title>\r\n"
            + "</head>\r\n"
            + "<body>\r\n"
            + "<h1>Error response</h1>\r\n"
            + "<p>Error code "
            + status
            + ".\r\n"
            + "<p>Message: "
            + HttpStatus.reason(status)
            + ".\r\n"
            + (why == null ? "" : "<p>" + escape(why) + "\r\n")
            + "</body>\r\n";
    return page.getBytes(StandardCharsets.US_ASCII);
  }

  private static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }

  /**
   * A whole error response for a request whose head could not be read (so its version is unknown):
   * HTTP/1.1, and the connection closes.
   */
  static byte[] standalone(int status) {
    byte[] body = body(status);
    String head =
        "HTTP/1.1 "
            + status
            + " "
            + HttpStatus.reason(status)
            + "\r\nDate: "
            + HttpDate.now()
            + "\r\nContent-Type: text/html\r\nContent-Length: "
            + body.length
            + "\r\nConnection: close\r\n\r\n";
    byte[] h = head.getBytes(StandardCharsets.ISO_8859_1);
    byte[] all = new byte[h.length + body.length];
    System.arraycopy(h, 0, all, 0, h.length);
    System.arraycopy(body, 0, all, h.length, body.length);
    return all;
  }
}
