package dev.tend.control.server;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * The web page's HTML pieces: escaping (every text from the config, a process or a request goes
 * through {@link #text}), URL parts, and the frame every page shares. The frame loads one
 * stylesheet and one script, both from this server; the script is deferred and only improves a page
 * that works without it.
 */
final class Html {
  private Html() {}

  /**
   * {@code s} as HTML text or a quoted attribute value; NUL and other C0 controls but tab and
   * newlines shown as U+FFFD.
   */
  static String text(String s) {
    StringBuilder b = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '&' -> b.append("&amp;");
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '"' -> b.append("&quot;");
        case '\'' -> b.append("&#39;");
        default -> b.append(c < 0x20 && c != '\n' && c != '\t' && c != '\r' ? '\uFFFD' : c);
      }
    }
    return b.toString();
  }

  /** {@code s} as a query-string value ({@code +} for a space, as forms send). */
  static String queryValue(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  /** {@code s} as one path segment ({@code %20} for a space, {@code %3A} for a colon). */
  static String pathSegment(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
  }

  /** Opens a page: its head and the start of its body. */
  static void open(StringBuilder b, String title, String bodyClass) {
    b.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        .append("<title>")
        .append(text(title))
        .append("</title>\n")
        .append("<link rel=\"stylesheet\" href=\"stylesheets/tend.css\">\n")
        .append("<script src=\"scripts/tend.js\" defer></script>\n")
        .append("</head>\n<body class=\"")
        .append(bodyClass)
        .append("\">\n");
  }

  /** Closes a page, with the footer naming the server. */
  static void close(StringBuilder b, String version) {
    b.append("<footer><a href=\"index.html\">Status</a> · ")
        .append(text(version))
        .append("</footer>\n</body>\n</html>\n");
  }
}
