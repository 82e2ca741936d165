package dev.tend.api;

import java.math.BigInteger;

/**
 * Python's {@code int(text, base)} for bases 8 and 10: surrounding whitespace, a sign, single
 * underscores between digits, Unicode decimal digits, and {@code 0o} in base 8. The error is
 * Python's: {@code invalid literal for int() with base 10: 'x'}; a value beyond 64 bits (Python
 * would take it, nothing supervisord hands it to would) is an {@link ArithmeticException}.
 */
public final class PythonInt {
  private PythonInt() {}

  /**
   * @throws NumberFormatException with Python's ValueError message
   * @throws ArithmeticException when the value does not fit a long
   */
  public static long parse(String text, int base) {
    String s = PythonText.strip(text);
    int i = 0;
    boolean negative = false;
    if (i < s.length() && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
      negative = s.charAt(i) == '-';
      i++;
    }
    boolean underscoreAllowed = false;
    if (base == 8
        && s.length() >= i + 2
        && s.charAt(i) == '0'
        && (s.charAt(i + 1) == 'o' || s.charAt(i + 1) == 'O')) {
      i += 2;
      underscoreAllowed = true; // 0o_17 is valid
    }
    BigInteger value = BigInteger.ZERO;
    BigInteger radix = BigInteger.valueOf(base);
    int digits = 0;
    boolean lastWasUnderscore = false;
    while (i < s.length()) {
      int c = s.codePointAt(i);
      i += Character.charCount(c);
      if (c == '_') {
        if (!underscoreAllowed || lastWasUnderscore) {
          throw invalid(text, base);
        }
        lastWasUnderscore = true;
        continue;
      }
      int d = Character.digit(c, 10);
      if (d < 0 || d >= base || Character.getType(c) != Character.DECIMAL_DIGIT_NUMBER) {
        throw invalid(text, base);
      }
      value = value.multiply(radix).add(BigInteger.valueOf(d));
      digits++;
      lastWasUnderscore = false;
      underscoreAllowed = true;
    }
    if (digits == 0 || lastWasUnderscore) {
      throw invalid(text, base);
    }
    if (negative) {
      value = value.negate();
    }
    if (value.bitLength() > 63) {
      throw new ArithmeticException(text.strip() + " is too large a number");
    }
    return value.longValue();
  }

  static NumberFormatException invalid(String text, int base) {
    String shown = PythonText.repr(text);
    if (shown.length() > 200) {
      shown = shown.substring(0, 200);
    }
    return new NumberFormatException("invalid literal for int() with base " + base + ": " + shown);
  }
}
