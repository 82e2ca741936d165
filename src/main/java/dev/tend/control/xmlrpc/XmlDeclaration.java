package dev.tend.control.xmlrpc;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Reads {@code <?xml version="1.0" encoding="..." standalone="..."?>} at the start of a document.
 * Only version 1.0 and encodings this scanner reads as they are (UTF-8 and its ASCII subset) pass;
 * a document in another encoding is refused rather than misread.
 */
final class XmlDeclaration {
  private XmlDeclaration() {}

  /** Reads the declaration that starts at the scanner's position, leaving it just after. */
  static void read(XmlScanner scanner) throws XmlRpcParseException {
    byte[] in = scanner.input();
    int end = scanner.end();
    int p = scanner.position() + "<?xml".length();
    int seen = 0; // pseudo-attributes read, in their required order: version, encoding, standalone
    while (true) {
      int spaceFrom = p;
      while (p < end && XmlScanner.isWhitespace(in[p])) {
        p++;
      }
      if (p + 1 < end && in[p] == '?' && in[p + 1] == '>') {
        if (seen == 0) {
          throw scanner.error("XML declaration without a version", p);
        }
        scanner.moveTo(p + 2);
        return;
      }
      if (p == spaceFrom) {
        throw scanner.error("malformed XML declaration", p);
      }
      int nameFrom = p;
      while (p < end && in[p] >= 'a' && in[p] <= 'z') {
        p++;
      }
      String name = new String(in, nameFrom, p - nameFrom, StandardCharsets.US_ASCII);
      while (p < end && XmlScanner.isWhitespace(in[p])) {
        p++;
      }
      if (p >= end || in[p] != '=') {
        throw scanner.error("malformed XML declaration", p);
      }
      p++;
      while (p < end && XmlScanner.isWhitespace(in[p])) {
        p++;
      }
      if (p >= end || (in[p] != '"' && in[p] != '\'')) {
        throw scanner.error("malformed XML declaration", p);
      }
      byte quote = in[p++];
      int valueFrom = p;
      while (p < end && in[p] != quote && p - valueFrom < 40) {
        p++;
      }
      if (p >= end || in[p] != quote) {
        throw scanner.error("malformed XML declaration", valueFrom);
      }
      String value = new String(in, valueFrom, p - valueFrom, StandardCharsets.US_ASCII);
      p++;
      seen = check(scanner, name, value, seen, nameFrom);
    }
  }

  private static int check(XmlScanner scanner, String name, String value, int seen, int at)
      throws XmlRpcParseException {
    switch (name) {
      case "version" -> {
        if (seen != 0) {
          throw scanner.error("version must come first in the XML declaration", at);
        }
        if (!value.equals("1.0")) {
          throw scanner.error("unsupported XML version '" + value + "'", at);
        }
        return 1;
      }
      case "encoding" -> {
        if (seen != 1) {
          throw scanner.error("encoding out of place in the XML declaration", at);
        }
        String e = value.toLowerCase(Locale.ROOT);
        if (!e.equals("utf-8")
            && !e.equals("utf8")
            && !e.equals("us-ascii")
            && !e.equals("ascii")) {
          throw scanner.error("unsupported encoding '" + value + "' (only UTF-8)", at);
        }
        return 2;
      }
      case "standalone" -> {
        if (seen == 0 || seen == 3) {
          throw scanner.error("standalone out of place in the XML declaration", at);
        }
        if (!value.equals("yes") && !value.equals("no")) {
          throw scanner.error("standalone must be yes or no, got '" + value + "'", at);
        }
        return 3;
      }
      default -> throw scanner.error("unknown '" + name + "' in the XML declaration", at);
    }
  }
}
