package dev.tend.logs;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Finds a byte in a buffer eight bytes at a time (the capture path's searches for {@code ESC},
 * {@code <} and newlines run over every byte of output, so a byte-at-a-time loop would dominate).
 */
final class ByteScan {
  private static final long ONES = 0x0101010101010101L;
  private static final long LOW7 = 0x7F7F7F7F7F7F7F7FL;

  private ByteScan() {}

  /** The index of the first {@code target} in {@code buf[from, to)}, or -1; absolute, no moves. */
  static int indexOf(ByteBuffer buf, int from, int to, byte target) {
    long pattern = ONES * (target & 0xff);
    boolean bigEndian = buf.order() == ByteOrder.BIG_ENDIAN;
    int i = from;
    for (; i + Long.BYTES <= to; i += Long.BYTES) {
      long x = buf.getLong(i) ^ pattern; // a zero byte where target is
      // The high bit of each byte of 'zeros' is set exactly when that byte of x is 0 (no carry
      // crosses bytes, so there are no false hits).
      long zeros = ~(((x & LOW7) + LOW7) | x | LOW7);
      if (zeros != 0) {
        int bit = bigEndian ? Long.numberOfLeadingZeros(zeros) : Long.numberOfTrailingZeros(zeros);
        return i + (bit >>> 3);
      }
    }
    for (; i < to; i++) {
      if (buf.get(i) == target) {
        return i;
      }
    }
    return -1;
  }
}
