package dev.tend.control.xmlrpc;

import java.time.DateTimeException;
import java.time.LocalDateTime;
import org.jspecify.annotations.Nullable;

/**
 * The text forms of XML-RPC's scalar types, checked by hand (no regex, no locale): integers and
 * doubles in ASCII only (Java's own parsers would also take other scripts' digits), booleans as
 * {@code 0} or {@code 1}, dates as {@code YYYYMMDDTHH:MM:SS}. Surrounding whitespace is allowed.
 */
final class ScalarText {
  private ScalarText() {}

  /** The value {@code text} denotes as a {@code type}, or null when it is malformed. */
  static @Nullable Object parse(XmlRpcTag type, String text) {
    String t = trim(text);
    return switch (type) {
      case I4, INT -> {
        Long v = parseInteger(t);
        yield v != null && v == v.intValue() ? Integer.valueOf(v.intValue()) : null;
      }
      case I8 -> parseInteger(t);
      case BOOLEAN -> t.equals("1") ? Boolean.TRUE : t.equals("0") ? Boolean.FALSE : null;
      case DOUBLE -> parseDouble(t);
      case DATE_TIME -> parseDateTime(t);
      default -> throw new IllegalArgumentException(type + " is not a scalar with a text form");
    };
  }

  private static @Nullable Long parseInteger(String t) {
    int n = t.length();
    int i = n > 0 && (t.charAt(0) == '-' || t.charAt(0) == '+') ? 1 : 0;
    if (i == n || n > 40) {
      return null;
    }
    for (int k = i; k < n; k++) {
      char c = t.charAt(k);
      if (c < '0' || c > '9') {
        return null;
      }
    }
    try {
      return Long.parseLong(t);
    } catch (NumberFormatException overflow) {
      return null;
    }
  }

  /** Decimal notation with optional exponent, or Python's spellings of infinity and NaN. */
  private static @Nullable Double parseDouble(String t) {
    int n = t.length();
    int i = n > 0 && (t.charAt(0) == '-' || t.charAt(0) == '+') ? 1 : 0;
    String word = t.substring(i).toLowerCase(java.util.Locale.ROOT);
    if (word.equals("inf") || word.equals("infinity")) {
      return t.charAt(0) == '-' ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
    }
    if (word.equals("nan")) {
      return Double.NaN;
    }
    int intDigits = digits(t, i);
    i += intDigits;
    int fractionDigits = 0;
    if (i < n && t.charAt(i) == '.') {
      fractionDigits = digits(t, i + 1);
      i += 1 + fractionDigits;
    }
    if (intDigits + fractionDigits == 0) {
      return null;
    }
    if (i < n && (t.charAt(i) == 'e' || t.charAt(i) == 'E')) {
      i++;
      if (i < n && (t.charAt(i) == '-' || t.charAt(i) == '+')) {
        i++;
      }
      int exponentDigits = digits(t, i);
      if (exponentDigits == 0) {
        return null;
      }
      i += exponentDigits;
    }
    if (i != n || n > 400) {
      return null;
    }
    return Double.parseDouble(t);
  }

  private static int digits(String t, int from) {
    int i = from;
    while (i < t.length() && t.charAt(i) >= '0' && t.charAt(i) <= '9') {
      i++;
    }
    return i - from;
  }

  /** {@code 19980717T14:08:55}, as Python's xmlrpc writes and supervisord reads it. */
  private static @Nullable LocalDateTime parseDateTime(String t) {
    if (t.length() != 17 || t.charAt(8) != 'T' || t.charAt(11) != ':' || t.charAt(14) != ':') {
      return null;
    }
    int year = number(t, 0, 4);
    int month = number(t, 4, 6);
    int day = number(t, 6, 8);
    int hour = number(t, 9, 11);
    int minute = number(t, 12, 14);
    int second = number(t, 15, 17);
    if ((year | month | day | hour | minute | second) < 0) {
      return null;
    }
    try {
      return LocalDateTime.of(year, month, day, hour, minute, second);
    } catch (DateTimeException outOfRange) {
      return null;
    }
  }

  private static int number(String t, int from, int to) {
    int v = 0;
    for (int i = from; i < to; i++) {
      char c = t.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      v = v * 10 + (c - '0');
    }
    return v;
  }

  private static String trim(String text) {
    int from = 0;
    int to = text.length();
    while (from < to && isSpace(text.charAt(from))) {
      from++;
    }
    while (to > from && isSpace(text.charAt(to - 1))) {
      to--;
    }
    return from == 0 && to == text.length() ? text : text.substring(from, to);
  }

  private static boolean isSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
  }
}
