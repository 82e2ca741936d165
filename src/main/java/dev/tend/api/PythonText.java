package dev.tend.api;

import java.util.ArrayList;
import java.util.List;

/**
 * Python's string rules that supervisord's and supervisorctl's parsing and messages depend on:
 * {@code str.isspace}, {@code str.strip}, {@code str.split()}, {@code repr()} and {@code ascii()}
 * of a string. One implementation for every layer, so the config, the logs, the launcher and the
 * ctl quote and trim alike.
 */
public final class PythonText {
  private PythonText() {}

  /** Python's {@code str.isspace} for one character (Unicode whitespace, plus \x1c-\x1f). */
  public static boolean isSpace(int c) {
    return switch (c) {
      case '\t', '\n', 0x0b, '\f', '\r', 0x1c, 0x1d, 0x1e, 0x1f, ' ', 0x85, 0xa0, 0x1680 -> true;
      case 0x2028, 0x2029, 0x202f, 0x205f, 0x3000 -> true;
      default -> c >= 0x2000 && c <= 0x200a;
    };
  }

  /** Python's {@code str.strip()}. */
  public static String strip(String s) {
    int start = 0;
    int end = s.length();
    while (start < end && isSpace(s.charAt(start))) {
      start++;
    }
    while (end > start && isSpace(s.charAt(end - 1))) {
      end--;
    }
    return s.substring(start, end);
  }

  /** Python's {@code str.rstrip()}. */
  public static String rstrip(String s) {
    int end = s.length();
    while (end > 0 && isSpace(s.charAt(end - 1))) {
      end--;
    }
    return s.substring(0, end);
  }

  /** Python's {@code str.split()} without arguments: runs of whitespace separate, none empty. */
  public static List<String> split(String s) {
    List<String> parts = new ArrayList<>();
    int i = 0;
    while (i < s.length()) {
      while (i < s.length() && isSpace(s.charAt(i))) {
        i++;
      }
      int start = i;
      while (i < s.length() && !isSpace(s.charAt(i))) {
        i++;
      }
      if (i > start) {
        parts.add(s.substring(start, i));
      }
    }
    return parts;
  }

  /**
   * {@code repr(s)}: how supervisord quotes values in its messages ({@code 'x'}, {@code "it's"}).
   */
  public static String repr(String s) {
    return quote(s, false);
  }

  /** {@code ascii(s)}: like {@link #repr} with every non-ASCII character escaped. */
  public static String ascii(String s) {
    return quote(s, true);
  }

  private static String quote(String s, boolean asciiOnly) {
    char q = s.indexOf('\'') >= 0 && s.indexOf('"') < 0 ? '"' : '\'';
    StringBuilder out = new StringBuilder(s.length() + 2).append(q);
    s.codePoints()
        .forEach(
            c -> {
              if (c == q || c == '\\') {
                out.append('\\').appendCodePoint(c);
              } else if (c == '\t') {
                out.append("\\t");
              } else if (c == '\n') {
                out.append("\\n");
              } else if (c == '\r') {
                out.append("\\r");
              } else if (c < ' ' || c == 0x7f) {
                hex(out, "\\x", c, 2);
              } else if (c < 0x7f || (!asciiOnly && isPrintable(c))) {
                out.appendCodePoint(c);
              } else if (c <= 0xff) {
                hex(out, "\\x", c, 2);
              } else if (c <= 0xffff) {
                hex(out, "\\u", c, 4);
              } else {
                hex(out, "\\U", c, 8);
              }
            });
    return out.append(q).toString();
  }

  private static void hex(StringBuilder out, String prefix, int c, int digits) {
    String h = Integer.toHexString(c);
    out.append(prefix).append("0".repeat(Math.max(0, digits - h.length()))).append(h);
  }

  /** Python's {@code str.isprintable} for one code point outside ASCII. */
  private static boolean isPrintable(int c) {
    return switch (Character.getType(c)) {
      case Character.CONTROL,
          Character.FORMAT,
          Character.SURROGATE,
          Character.PRIVATE_USE,
          Character.UNASSIGNED,
          Character.LINE_SEPARATOR,
          Character.PARAGRAPH_SEPARATOR,
          Character.SPACE_SEPARATOR ->
          false;
      default -> true;
    };
  }
}
