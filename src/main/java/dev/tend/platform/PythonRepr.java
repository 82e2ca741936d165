package dev.tend.platform;

/**
 * Python's {@code repr()} of a str, which supervisord's messages use ({@code %r}): single quotes
 * unless the text holds a single quote and no double quote, backslash escapes for the rest.
 */
final class PythonRepr {
  private PythonRepr() {}

  static String of(String text) {
    char quote = text.indexOf('\'') >= 0 && text.indexOf('"') < 0 ? '"' : '\'';
    StringBuilder sb = new StringBuilder(text.length() + 2).append(quote);
    text.codePoints()
        .forEach(
            c -> {
              switch (c) {
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                  if (c == quote) {
                    sb.append('\\').append((char) c);
                  } else if (c < 0x20 || c == 0x7f) {
                    sb.append(String.format("\\x%02x", c));
                  } else {
                    sb.appendCodePoint(c);
                  }
                }
              }
            });
    return sb.append(quote).toString();
  }
}
