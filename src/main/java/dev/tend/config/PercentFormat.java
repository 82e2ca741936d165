package dev.tend.config;

import dev.tend.api.PythonText;
import java.util.Map;

/**
 * Python's {@code template % names} with a dict on the right, which is how supervisord expands
 * {@code %(name)s}: keys in parentheses (nested parentheses allowed), flags {@code -+ #0}, width
 * and precision (also {@code *}), conversions {@code s r a d i u o x X e E f F g G c}, {@code %%},
 * and the quirk that a bare {@code %s} formats the whole dict. Values are {@link String}s or {@link
 * Long}s. Errors carry Python's exception text.
 */
final class PercentFormat {
  private PercentFormat() {}

  /** A {@code %(name)} that the dict lacks (Python's KeyError). */
  static final class MissingName extends Exception {
    private static final long serialVersionUID = 1L;
    final String name;

    MissingName(String name) {
      super(name);
      this.name = name;
    }
  }

  /** A template Python rejects (ValueError or TypeError); the message is Python's. */
  static final class BadFormat extends Exception {
    private static final long serialVersionUID = 1L;

    BadFormat(String message) {
      super(message);
    }
  }

  /**
   * supervisord's {@code expand(s, expansions, name)}: formats, or fails with its two messages.
   *
   * @param what the option named in messages, e.g. {@code program:web.command}
   */
  static String expand(String template, Map<String, ?> names, String what)
      throws InvalidValueException {
    try {
      return format(template, names);
    } catch (MissingName e) {
      String available = String.join(", ", new java.util.TreeSet<>(names.keySet()));
      throw new InvalidValueException(
          "Format string "
              + PythonText.repr(template)
              + " for "
              + PythonText.repr(what)
              + " contains names ("
              + PythonText.repr(e.name)
              + ") which cannot be expanded. Available names: "
              + available);
    } catch (BadFormat e) {
      throw new InvalidValueException(
          "Format string "
              + PythonText.repr(template)
              + " for "
              + PythonText.repr(what)
              + " is badly formatted: "
              + e.getMessage());
    }
  }

  static String format(String template, Map<String, ?> names) throws MissingName, BadFormat {
    return new Run(template, names).run();
  }

  /** One formatting pass; Python walks the template once, left to right, failing at the first. */
  private static final class Run {
    private final int[] cps;
    private final Map<String, ?> names;
    private final StringBuilder out = new StringBuilder();
    private int pos; // index into cps of the next code point to read
    private Object current; // what the next conversion consumes: the dict, or the last %(key)
    private boolean available = true; // whether current is still unconsumed

    Run(String template, Map<String, ?> names) {
      this.cps = template.codePoints().toArray();
      this.names = names;
      this.current = names;
    }

    String run() throws MissingName, BadFormat {
      while (pos < cps.length) {
        int c = cps[pos++];
        if (c != '%') {
          out.appendCodePoint(c);
        } else if (pos < cps.length && cps[pos] == '%') {
          out.append('%');
          pos++;
        } else {
          conversion();
        }
      }
      return out.toString();
    }

    private void conversion() throws MissingName, BadFormat {
      if (pos < cps.length && cps[pos] == '(') {
        readKey();
      }
      Spec spec = new Spec();
      while (pos < cps.length && "-+ #0".indexOf(cps[pos]) >= 0) {
        spec.flag(cps[pos++]);
      }
      spec.width = readNumber("width");
      if (spec.width < 0) {
        spec.left = true;
        spec.width = -spec.width;
      }
      if (pos < cps.length && cps[pos] == '.') {
        pos++;
        spec.precision = Math.max(0, readNumber("precision"));
      }
      if (pos < cps.length && (cps[pos] == 'h' || cps[pos] == 'l' || cps[pos] == 'L')) {
        pos++;
      }
      if (pos >= cps.length) {
        throw new BadFormat("incomplete format");
      }
      int conv = cps[pos++];
      out.append(spec.pad(convert(conv, spec)));
    }

    private void readKey() throws MissingName, BadFormat {
      int depth = 1;
      int start = ++pos;
      while (pos < cps.length && depth > 0) {
        if (cps[pos] == '(') {
          depth++;
        } else if (cps[pos] == ')') {
          depth--;
        }
        pos++;
      }
      if (depth > 0) {
        throw new BadFormat("incomplete format key");
      }
      String key = new String(cps, start, pos - 1 - start);
      if (!names.containsKey(key)) {
        throw new MissingName(key);
      }
      current = names.get(key);
      available = true;
    }

    /** Digits or {@code *}; -1 when neither is there. */
    private int readNumber(String what) throws BadFormat {
      if (pos < cps.length && cps[pos] == '*') {
        pos++;
        if (!(nextArg() instanceof Long n)) {
          throw new BadFormat("* wants int");
        }
        return (int) Math.max(Integer.MIN_VALUE + 1, Math.min(Integer.MAX_VALUE, n));
      }
      long n = -1;
      while (pos < cps.length && cps[pos] >= '0' && cps[pos] <= '9') {
        n = Math.max(n, 0) * 10 + (cps[pos++] - '0');
        if (n > Integer.MAX_VALUE) {
          throw new BadFormat(what + " too big");
        }
      }
      return (int) n;
    }

    private Object nextArg() throws BadFormat {
      if (!available) {
        throw new BadFormat("not enough arguments for format string");
      }
      available = false;
      return current;
    }

    private String convert(int conv, Spec spec) throws BadFormat {
      switch (conv) {
        case 's', 'r', 'a' -> {
          Object arg = nextArg();
          String text = conv == 's' ? str(arg) : repr(arg, conv == 'a');
          spec.zero = false;
          if (spec.precision >= 0 && text.codePointCount(0, text.length()) > spec.precision) {
            text = text.substring(0, text.offsetByCodePoints(0, spec.precision));
          }
          return text;
        }
        case 'd', 'i', 'u', 'o', 'x', 'X' -> {
          Object arg = nextArg();
          if (!(arg instanceof Long n)) {
            String need =
                conv == 'd' || conv == 'i' || conv == 'u' ? "a real number" : "an integer";
            throw new BadFormat(
                "%" + (char) conv + " format: " + need + " is required, not " + typeName(arg));
          }
          return spec.integer(n, conv);
        }
        case 'e', 'E', 'f', 'F', 'g', 'G' -> {
          Object arg = nextArg();
          if (!(arg instanceof Long n)) {
            throw new BadFormat("must be real number, not " + typeName(arg));
          }
          return spec.real(n, conv);
        }
        case 'c' -> {
          Object arg = nextArg();
          spec.zero = false;
          if (arg instanceof Long n) {
            if (n < 0 || n >= 0x110000) {
              throw new BadFormat("%c arg not in range(0x110000)");
            }
            return new String(Character.toChars(n.intValue()));
          }
          if (arg instanceof String s && s.codePointCount(0, s.length()) == 1) {
            return s;
          }
          throw new BadFormat("%c requires int or char");
        }
        default -> {
          String shown = conv >= 0x20 && conv < 0x7f ? String.valueOf((char) conv) : "?";
          throw new BadFormat(
              "unsupported format character '"
                  + shown
                  + "' (0x"
                  + Integer.toHexString(conv)
                  + ") at index "
                  + (pos - 1));
        }
      }
    }
  }

  /** Flags, width and precision of one conversion, and Python's padding rules. */
  private static final class Spec {
    boolean left; // '-': pad on the right
    boolean plus; // '+': always a sign
    boolean space; // ' ': a space where a plus would go
    boolean alt; // '#': 0o/0x prefixes, keep the point and zeros of reals
    boolean zero; // '0': pad numbers with zeros after the sign
    int width = -1; // -1 = none
    int precision = -1; // -1 = none

    void flag(int c) {
      switch (c) {
        case '-' -> left = true;
        case '+' -> plus = true;
        case ' ' -> space = true;
        case '#' -> alt = true;
        default -> zero = true;
      }
    }

    String integer(long n, int conv) {
      int radix = conv == 'o' ? 8 : conv == 'x' || conv == 'X' ? 16 : 10;
      String digits = java.math.BigInteger.valueOf(n).abs().toString(radix);
      if (conv == 'X') {
        digits = digits.toUpperCase(java.util.Locale.ROOT);
      }
      if (precision > digits.length()) {
        digits = "0".repeat(precision - digits.length()) + digits;
      }
      String prefix = !alt || radix == 10 ? "" : "0" + (char) (conv == 'o' ? 'o' : conv);
      return signed(n < 0, prefix, digits);
    }

    String real(long n, int conv) {
      String body = PythonRealFormat.format(Math.abs((double) n), conv, precision, alt);
      return signed(n < 0, "", body);
    }

    private String signed(boolean negative, String prefix, String body) {
      String sign = negative ? "-" : plus ? "+" : space ? " " : "";
      int fill = width - sign.length() - prefix.length() - body.length();
      if (zero && !left && fill > 0) {
        return sign + prefix + "0".repeat(fill) + body;
      }
      return sign + prefix + body;
    }

    String pad(String text) {
      int fill = width - text.codePointCount(0, text.length());
      if (fill <= 0) {
        return text;
      }
      return left ? text + " ".repeat(fill) : " ".repeat(fill) + text;
    }
  }

  private static String typeName(Object arg) {
    return arg instanceof Long ? "int" : arg instanceof String ? "str" : "dict";
  }

  /** Python's {@code str()} of a value: the text, the number, or the dict's repr. */
  private static String str(Object arg) {
    return arg instanceof Map<?, ?> ? repr(arg, false) : String.valueOf(arg);
  }

  private static String repr(Object arg, boolean asciiOnly) {
    if (arg instanceof String s) {
      return asciiOnly ? PythonText.ascii(s) : PythonText.repr(s);
    }
    if (arg instanceof Map<?, ?> m) {
      StringBuilder b = new StringBuilder("{");
      for (Map.Entry<?, ?> e : m.entrySet()) {
        if (b.length() > 1) {
          b.append(", ");
        }
        b.append(repr(e.getKey(), asciiOnly)).append(": ").append(repr(e.getValue(), asciiOnly));
      }
      return b.append('}').toString();
    }
    return String.valueOf(arg);
  }
}
