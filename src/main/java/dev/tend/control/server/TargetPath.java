package dev.tend.control.server;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * The path of a request target: the query and fragment cut off, an absolute-form target reduced to
 * its path, then percent-decoded as UTF-8 (medusa unquotes paths too, so {@code /RP%432} is {@code
 * /RPC2}). A path that does not decode is kept as it came.
 */
final class TargetPath {
  private TargetPath() {}

  static String of(String target) {
    String path = target;
    int scheme = path.indexOf("://");
    if (scheme > 0 && !path.startsWith("/")) {
      int slash = path.indexOf('/', scheme + 3);
      path = slash < 0 ? "/" : path.substring(slash);
    }
    int cut = indexOfAny(path, '?', '#');
    if (cut >= 0) {
      path = path.substring(0, cut);
    }
    return path.indexOf('%') < 0 ? path : decode(path);
  }

  /** The query of a target without its {@code ?}, or "" when it has none. */
  static String query(String target) {
    int q = target.indexOf('?');
    if (q < 0) {
      return "";
    }
    int hash = target.indexOf('#', q);
    return hash < 0 ? target.substring(q + 1) : target.substring(q + 1, hash);
  }

  private static int indexOfAny(String s, char a, char b) {
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) == a || s.charAt(i) == b) {
        return i;
      }
    }
    return -1;
  }

  /** Percent-decodes as UTF-8; the text as it was when an escape or the UTF-8 is broken. */
  static String decode(String s) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '%') {
        int hi = i + 2 < s.length() ? Character.digit(s.charAt(i + 1), 16) : -1;
        int lo = hi < 0 ? -1 : Character.digit(s.charAt(i + 2), 16);
        if (lo < 0) {
          return s;
        }
        out.write(hi * 16 + lo);
        i += 2;
      } else if (c > 0x7f) {
        return s;
      } else {
        out.write(c);
      }
    }
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(out.toByteArray()))
          .toString();
    } catch (CharacterCodingException e) {
      return s;
    }
  }
}
