package dev.tend.config;

/**
 * Python's {@code int(text, base)} for bases 8 and 10: surrounding whitespace, a sign, single
 * underscores between digits, Unicode decimal digits, and {@code 0o} in base 8. The error is
 * Python's: {@code invalid literal for int() with base 10: 'x'}.
 */
final class PythonInt {
  private PythonInt() {}

  static long parse(String text, int base) throws InvalidValueException {
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
    java.math.BigInteger value = java.math.BigInteger.ZERO;
    java.math.BigInteger radix = java.math.BigInteger.valueOf(base);
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
      value = value.multiply(radix).add(java.math.BigInteger.valueOf(d));
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
      throw new InvalidValueException(text.strip() + " is too large a number");
    }
    return value.longValue();
  }

  /** Base 10, as an {@code int}; values beyond Java's range are an error Python would not raise. */
  static int parseInt(String text) throws InvalidValueException {
    long v = parse(text, 10);
    if (v != (int) v) {
      throw new InvalidValueException(text.strip() + " is too large a number");
    }
    return (int) v;
  }

  static InvalidValueException invalid(String text, int base) {
    String shown = PythonText.repr(text);
    if (shown.length() > 200) {
      shown = shown.substring(0, 200);
    }
    return new InvalidValueException("invalid literal for int() with base " + base + ": " + shown);
  }
}
