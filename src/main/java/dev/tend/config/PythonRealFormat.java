package dev.tend.config;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Locale;

/**
 * C's (and so Python's) {@code %e %f %g} and their upper-case forms for a non-negative value:
 * correctly rounded from the exact binary value, exponents of at least two digits, {@code %g}
 * dropping trailing zeros unless {@code #} keeps them.
 */
final class PythonRealFormat {
  private PythonRealFormat() {}

  /**
   * @param precision -1 for the default (6)
   * @param alt the {@code #} flag
   */
  static String format(double value, int conv, int precision, boolean alt) {
    BigDecimal v = new BigDecimal(value);
    int p = precision < 0 ? 6 : precision;
    String body =
        switch (Character.toLowerCase(conv)) {
          case 'e' -> exponent(v, p, alt);
          case 'f' -> fixed(v, p, alt);
          default -> general(v, p, alt);
        };
    return Character.isUpperCase(conv) ? body.toUpperCase(Locale.ROOT) : body;
  }

  static String fixed(BigDecimal v, int p, boolean alt) {
    String s = v.setScale(p, RoundingMode.HALF_EVEN).toPlainString();
    return alt && p == 0 ? s + "." : s;
  }

  static String exponent(BigDecimal v, int p, boolean alt) {
    int exp = 0;
    BigDecimal mantissa = BigDecimal.ZERO.setScale(p);
    if (v.signum() != 0) {
      exp = v.precision() - v.scale() - 1;
      mantissa = v.movePointLeft(exp).setScale(p, RoundingMode.HALF_EVEN);
      if (mantissa.compareTo(BigDecimal.TEN) >= 0) {
        exp++;
        mantissa = v.movePointLeft(exp).setScale(p, RoundingMode.HALF_EVEN);
      }
    }
    String m = mantissa.toPlainString();
    if (alt && p == 0) {
      m += ".";
    }
    String e = Integer.toString(Math.abs(exp));
    return m + "e" + (exp < 0 ? "-" : "+") + (e.length() < 2 ? "0" + e : e);
  }

  static String general(BigDecimal v, int precision, boolean alt) {
    int p = precision == 0 ? 1 : precision;
    int exp = 0;
    if (v.signum() != 0) {
      BigDecimal rounded = v.round(new MathContext(p, RoundingMode.HALF_EVEN));
      exp = rounded.precision() - rounded.scale() - 1;
    }
    String s = exp >= -4 && exp < p ? fixed(v, p - 1 - exp, alt) : exponent(v, p - 1, alt);
    if (alt) {
      return s.contains(".") ? s : s + ".";
    }
    int e = s.indexOf('e');
    String mantissa = e < 0 ? s : s.substring(0, e);
    String tail = e < 0 ? "" : s.substring(e);
    if (mantissa.contains(".")) {
      mantissa = mantissa.replaceAll("0+$", "");
      if (mantissa.endsWith(".")) {
        mantissa = mantissa.substring(0, mantissa.length() - 1);
      }
    }
    return mantissa + tail;
  }
}
