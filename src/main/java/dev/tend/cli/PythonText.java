package dev.tend.cli;

import java.util.ArrayList;
import java.util.List;

/**
 * The few Python string operations supervisorctl's behaviour rests on: {@code str.split()}, {@code
 * str.strip()}, {@code repr()} and {@code int()}, so that tend splits, trims and quotes exactly as
 * it does (whitespace includes {@code \x1c}..{@code \x1f}, repr picks its quote by content).
 */
final class PythonText {
  private PythonText() {}

  /** Python's {@code str.isspace()} for one code point. */
  static boolean isSpace(int c) {
    return switch (c) {
      case ' ', '\t', '\n', 0x0b, '\f', '\r', 0x1c, 0x1d, 0x1e, 0x1f, 0x85, 0x2028, 0x2029 -> true;
      default -> c > 0x7f && Character.getType(c) == Character.SPACE_SEPARATOR;
    };
  }

  /** {@code s.strip()}. */
  static String strip(String s) {
    int start = 0;
    int end = s.length();
    while (start < end && isSpace(s.codePointAt(start))) {
      start += Character.charCount(s.codePointAt(start));
    }
    while (end > start && isSpace(s.codePointBefore(end))) {
      end -= Character.charCount(s.codePointBefore(end));
    }
    return s.substring(start, end);
  }

  /** {@code s.split()}: the words between runs of whitespace, none empty. */
  static List<String> split(String s) {
    List<String> words = new ArrayList<>();
    int i = 0;
    int n = s.length();
    while (i < n) {
      while (i < n && isSpace(s.codePointAt(i))) {
        i += Character.charCount(s.codePointAt(i));
      }
      int start = i;
      while (i < n && !isSpace(s.codePointAt(i))) {
        i += Character.charCount(s.codePointAt(i));
      }
      if (i > start) {
        words.add(s.substring(start, i));
      }
    }
    return words;
  }

  /** Python's {@code repr()} of a str: what {@code %r} prints. */
  static String repr(String s) {
    char quote = s.indexOf('\'') >= 0 && s.indexOf('"') < 0 ? '"' : '\'';
    StringBuilder out = new StringBuilder(s.length() + 2).append(quote);
    for (int i = 0; i < s.length(); ) {
      int c = s.codePointAt(i);
      i += Character.charCount(c);
      switch (c) {
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c == quote) {
            out.append('\\').append(quote);
          } else if (isPrintable(c)) {
            out.appendCodePoint(c);
          } else {
            escape(out, c);
          }
        }
      }
    }
    return out.append(quote).toString();
  }

  /** Python's {@code str.isprintable()} for one code point. */
  private static boolean isPrintable(int c) {
    if (c == ' ') {
      return true;
    }
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

  private static void escape(StringBuilder out, int c) {
    String prefix = c <= 0xff ? "\\x" : c <= 0xffff ? "\\u" : "\\U";
    int digits = c <= 0xff ? 2 : c <= 0xffff ? 4 : 8;
    String h = Integer.toHexString(c);
    out.append(prefix);
    for (int i = h.length(); i < digits; i++) {
      out.append('0');
    }
    out.append(h);
  }

  /**
   * Python's {@code int(text)} in base 10: surrounding whitespace, a sign, digits with single
   * underscores between them.
   *
   * @throws NumberFormatException when Python's int() would raise ValueError
   * @throws ArithmeticException when the value does not fit a long (Python's int would, but then
   *     could not send it over XML-RPC)
   */
  static long parseInt(String text) {
    String t = strip(text);
    int i = 0;
    boolean negative = false;
    if (!t.isEmpty() && (t.charAt(0) == '+' || t.charAt(0) == '-')) {
      negative = t.charAt(0) == '-';
      i = 1;
    }
    if (i >= t.length()) {
      throw new NumberFormatException("invalid literal for int() with base 10: " + repr(text));
    }
    StringBuilder digits = new StringBuilder(t.length());
    boolean lastWasDigit = false;
    for (; i < t.length(); i++) {
      char c = t.charAt(i);
      if (c >= '0' && c <= '9') {
        digits.append(c);
        lastWasDigit = true;
      } else if (c == '_' && lastWasDigit && i + 1 < t.length()) {
        lastWasDigit = false;
      } else {
        throw new NumberFormatException("invalid literal for int() with base 10: " + repr(text));
      }
    }
    if (!lastWasDigit) {
      throw new NumberFormatException("invalid literal for int() with base 10: " + repr(text));
    }
    try {
      long v = Long.parseLong(digits.toString());
      return negative ? -v : v;
    } catch (NumberFormatException e) {
      throw new ArithmeticException("int exceeds XML-RPC limits");
    }
  }

  /** {@code '%-Ns' % s}: pads with spaces to {@code width} code points. */
  static String padRight(String s, int width) {
    int len = s.codePointCount(0, s.length());
    if (len >= width) {
      return s;
    }
    StringBuilder out = new StringBuilder(width + s.length() - len).append(s);
    for (int i = len; i < width; i++) {
      out.append(' ');
    }
    return out.toString();
  }

  /** {@code len(s)}: code points, not UTF-16 units. */
  static int length(String s) {
    return s.codePointCount(0, s.length());
  }
}
