package dev.tend.control.xmlrpc;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Base64;
import org.jspecify.annotations.Nullable;

/**
 * Decodes the text of a {@code <base64>} element: the standard alphabet with padding, where
 * whitespace may appear anywhere (Python's encoder breaks lines every 76 characters) and anything
 * else is an error, unlike {@link java.util.Base64#getMimeDecoder()}, which skips it silently.
 */
final class Base64Text {
  private static final byte[] VALUES = table();
  private static final byte WHITESPACE = -2;
  private static final byte INVALID = -1;

  private Base64Text() {}

  /** The bytes {@code text[from, to)} encode, or null when the text is not valid base64. */
  static byte @Nullable [] decode(byte[] text, int from, int to) {
    if (isPlain(text, from, to)) {
      // one unbroken padded line (what tend writes): the JDK's decoder is several times faster
      try {
        ByteBuffer out = Base64.getDecoder().decode(ByteBuffer.wrap(text, from, to - from));
        byte[] array = out.array();
        int start = out.arrayOffset() + out.position();
        int stop = out.arrayOffset() + out.limit();
        return start == 0 && stop == array.length ? array : Arrays.copyOfRange(array, start, stop);
      } catch (IllegalArgumentException e) {
        return null;
      }
    }
    return decodeSlowly(text, from, to);
  }

  /**
   * Whether the text has no whitespace, a length that is a multiple of four, and no bits set after
   * the last byte; then the JDK decoder accepts exactly what this class would.
   */
  private static boolean isPlain(byte[] text, int from, int to) {
    int n = to - from;
    if (n == 0 || n % 4 != 0) {
      return false;
    }
    for (int i = from; i < to; i++) {
      byte c = text[i];
      if (c == ' ' || c == '\n' || c == '\r' || c == '\t') {
        return false;
      }
    }
    int last = text[to - 1] == '=' ? (text[to - 2] == '=' ? to - 3 : to - 2) : -1;
    if (last < from) {
      return last == -1;
    }
    byte c = text[last];
    int v = c < 0 ? INVALID : VALUES[c];
    return v >= 0 && (v & (text[to - 2] == '=' ? 0xF : 0x3)) == 0;
  }

  private static byte @Nullable [] decodeSlowly(byte[] text, int from, int to) {
    byte[] out = new byte[(to - from) / 4 * 3];
    int n = 0;
    int quantum = 0; // bits gathered so far, 6 per character
    int count = 0; // characters in the current group of four
    int padding = 0; // '=' seen; only whitespace and '=' may follow
    for (int i = from; i < to; i++) {
      byte c = text[i];
      byte v = c < 0 ? INVALID : VALUES[c];
      if (v == WHITESPACE) {
        continue;
      }
      if (c == '=') {
        if (count < 2 || count + padding >= 4) {
          return null;
        }
        padding++;
        continue;
      }
      if (v == INVALID || padding > 0) {
        return null;
      }
      quantum = (quantum << 6) | v;
      if (++count == 4) {
        out[n++] = (byte) (quantum >> 16);
        out[n++] = (byte) (quantum >> 8);
        out[n++] = (byte) quantum;
        quantum = 0;
        count = 0;
      }
    }
    if (count == 0 && padding == 0) {
      return n == out.length ? out : Arrays.copyOf(out, n);
    }
    if (count + padding != 4) {
      return null; // a final group must be padded to four characters
    }
    if (count == 2) {
      if ((quantum & 0xF) != 0) {
        return null; // non-canonical: bits set that no byte carries
      }
      out = ensure(out, n + 1);
      out[n++] = (byte) (quantum >> 4);
    } else {
      if ((quantum & 0x3) != 0) {
        return null;
      }
      out = ensure(out, n + 2);
      out[n++] = (byte) (quantum >> 10);
      out[n++] = (byte) (quantum >> 2);
    }
    return n == out.length ? out : Arrays.copyOf(out, n);
  }

  private static byte[] ensure(byte[] out, int size) {
    return out.length >= size ? out : Arrays.copyOf(out, size);
  }

  private static byte[] table() {
    byte[] t = new byte[128];
    Arrays.fill(t, INVALID);
    String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    for (int i = 0; i < alphabet.length(); i++) {
      t[alphabet.charAt(i)] = (byte) i;
    }
    t[' '] = WHITESPACE;
    t['\t'] = WHITESPACE;
    t['\n'] = WHITESPACE;
    t['\r'] = WHITESPACE;
    return t;
  }
}
