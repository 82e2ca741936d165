package dev.tend.cli;

import dev.tend.api.PythonInt;

/**
 * The Python formatting supervisorctl's output and arguments rest on beyond {@link
 * dev.tend.api.PythonText}: {@code int()} of an argument, {@code '%-Ns'} padding and {@code len()}
 * in code points.
 */
final class PythonFormat {
  private PythonFormat() {}

  /**
   * Python's {@code int(text)} in base 10.
   *
   * @throws NumberFormatException when Python's int() would raise ValueError
   * @throws ArithmeticException when the value does not fit a long (Python's int would, but then
   *     could not send it over XML-RPC)
   */
  static long parseInt(String text) {
    try {
      return PythonInt.parse(text, 10);
    } catch (ArithmeticException e) {
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
