package dev.tend.control.xmlrpc;

/** Strict UTF-8: shortest forms only, no surrogates, nothing above U+10FFFF. */
final class Utf8 {
  private Utf8() {}

  /**
   * Checks the sequence that starts with the non-ASCII byte {@code in[at]}; returns the index after
   * it, or -1 when it is malformed or cut off by {@code end}.
   */
  static int validate(byte[] in, int at, int end) {
    int b0 = in[at] & 0xFF;
    int length;
    int lo = 0x80;
    int hi = 0xBF;
    if (b0 >= 0xC2 && b0 <= 0xDF) {
      length = 2;
    } else if (b0 >= 0xE0 && b0 <= 0xEF) {
      length = 3;
      if (b0 == 0xE0) {
        lo = 0xA0; // else overlong
      } else if (b0 == 0xED) {
        hi = 0x9F; // else a surrogate
      }
    } else if (b0 >= 0xF0 && b0 <= 0xF4) {
      length = 4;
      if (b0 == 0xF0) {
        lo = 0x90; // else overlong
      } else if (b0 == 0xF4) {
        hi = 0x8F; // else above U+10FFFF
      }
    } else {
      return -1;
    }
    if (at + length > end) {
      return -1;
    }
    int b1 = in[at + 1] & 0xFF;
    if (b1 < lo || b1 > hi) {
      return -1;
    }
    for (int i = at + 2; i < at + length; i++) {
      if ((in[i] & 0xC0) != 0x80) {
        return -1;
      }
    }
    return at + length;
  }

  /** The length of the sequence whose (valid, non-ASCII) first byte is {@code b0}. */
  static int sequenceLength(int b0) {
    int b = b0 & 0xFF;
    return b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4;
  }

  /** The code point of the valid sequence at {@code in[at]}. */
  static int decode(byte[] in, int at) {
    int b0 = in[at] & 0xFF;
    int length = sequenceLength(b0);
    int cp = b0 & (0xFF >> (length + 1));
    for (int i = 1; i < length; i++) {
      cp = (cp << 6) | (in[at + i] & 0x3F);
    }
    return cp;
  }
}
