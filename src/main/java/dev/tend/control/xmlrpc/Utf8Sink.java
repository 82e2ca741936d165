package dev.tend.control.xmlrpc;

import java.util.Arrays;

/** A growing byte array that the encoder writes markup and escaped UTF-8 text into. */
final class Utf8Sink {
  private static final byte[] AMP = {'&', 'a', 'm', 'p', ';'};
  private static final byte[] LT = {'&', 'l', 't', ';'};
  private static final byte[] GT = {'&', 'g', 't', ';'};
  private static final byte[] REPLACEMENT = {(byte) 0xEF, (byte) 0xBF, (byte) 0xBD};

  private byte[] buf; // holds the document written so far in buf[0..size)
  private int size; // bytes written

  Utf8Sink(int capacity) {
    buf = new byte[capacity];
  }

  /** Markup: the caller guarantees ASCII with nothing to escape. */
  void ascii(String s) {
    int n = s.length();
    ensure(n);
    for (int i = 0; i < n; i++) {
      buf[size++] = (byte) s.charAt(i);
    }
  }

  void raw(byte[] bytes) {
    ensure(bytes.length);
    System.arraycopy(bytes, 0, buf, size, bytes.length);
    size += bytes.length;
  }

  /**
   * Text content as UTF-8 with {@code & < >} escaped and {@code \r} as a reference. A character XML
   * 1.0 cannot carry becomes U+FFFD when {@code replaceControls}, else a numeric reference; a lone
   * surrogate, which no reference can name, always becomes U+FFFD.
   */
  void escaped(String s, boolean replaceControls) {
    int n = s.length();
    ensure(n);
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (c < 0x80) {
        if (c >= 0x20 && c != '&' && c != '<' && c != '>') {
          if (size == buf.length) {
            ensure(n - i);
          }
          buf[size++] = (byte) c;
        } else {
          special(c, replaceControls);
        }
      } else if (c < 0x800) {
        ensure(2);
        buf[size++] = (byte) (0xC0 | (c >> 6));
        buf[size++] = (byte) (0x80 | (c & 0x3F));
      } else if (Character.isSurrogate(c)) {
        if (Character.isHighSurrogate(c)
            && i + 1 < n
            && Character.isLowSurrogate(s.charAt(i + 1))) {
          int cp = Character.toCodePoint(c, s.charAt(++i));
          ensure(4);
          buf[size++] = (byte) (0xF0 | (cp >> 18));
          buf[size++] = (byte) (0x80 | ((cp >> 12) & 0x3F));
          buf[size++] = (byte) (0x80 | ((cp >> 6) & 0x3F));
          buf[size++] = (byte) (0x80 | (cp & 0x3F));
        } else {
          raw(REPLACEMENT);
        }
      } else if (c >= 0xFFFE) {
        if (replaceControls) {
          raw(REPLACEMENT);
        } else {
          reference(c);
        }
      } else {
        ensure(3);
        buf[size++] = (byte) (0xE0 | (c >> 12));
        buf[size++] = (byte) (0x80 | ((c >> 6) & 0x3F));
        buf[size++] = (byte) (0x80 | (c & 0x3F));
      }
    }
  }

  private void special(char c, boolean replaceControls) {
    switch (c) {
      case '&' -> raw(AMP);
      case '<' -> raw(LT);
      case '>' -> raw(GT);
      case '\n', '\t' -> {
        ensure(1);
        buf[size++] = (byte) c;
      }
      default -> {
        if (c != '\r' && replaceControls) {
          raw(REPLACEMENT);
        } else {
          reference(c);
        }
      }
    }
  }

  private void reference(char c) {
    ascii("&#");
    ascii(Integer.toString(c));
    ensure(1);
    buf[size++] = ';';
  }

  byte[] toByteArray() {
    return Arrays.copyOf(buf, size);
  }

  private void ensure(int more) {
    if (buf.length - size < more) {
      buf = Arrays.copyOf(buf, Math.max(buf.length * 2, size + more));
    }
  }
}
