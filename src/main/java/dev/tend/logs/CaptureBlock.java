package dev.tend.logs;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * The bytes of one capture-mode block, bounded by {@code capture_maxbytes}: when a block is longer,
 * its last {@code maxBytes} bytes are kept. (supervisord's BoundIO drops a prefix as long as each
 * new write instead, so what it keeps depends on how the output was split into reads.)
 */
final class CaptureBlock {
  private static final byte[] EMPTY = new byte[0];

  private final int maxBytes;
  // Grows up to maxBytes; bytes [0, size) are the block's kept tail.
  private byte[] bytes = EMPTY;
  // How many bytes of the array are the block's.
  private int size;

  CaptureBlock(long maxBytes) {
    if (maxBytes <= 0) {
      throw new IllegalArgumentException("capture_maxbytes must be > 0, got " + maxBytes);
    }
    this.maxBytes = (int) Math.min(maxBytes, Integer.MAX_VALUE - 8);
  }

  void add(ByteBuffer data) {
    int n = data.remaining();
    if (n >= maxBytes) {
      ensure(maxBytes);
      data.position(data.limit() - maxBytes);
      data.get(bytes, 0, maxBytes);
      size = maxBytes;
      return;
    }
    int overflow = size + n - maxBytes;
    if (overflow > 0) {
      System.arraycopy(bytes, overflow, bytes, 0, size - overflow);
      size -= overflow;
    }
    ensure(size + n);
    data.get(bytes, size, n);
    size += n;
  }

  /** The block's bytes; the block is empty afterwards. */
  byte[] take() {
    byte[] out = Arrays.copyOf(bytes, size);
    size = 0;
    return out;
  }

  int size() {
    return size;
  }

  private void ensure(int needed) {
    if (bytes.length < needed) {
      int grown = (int) Math.min(maxBytes, Math.max(needed, Math.max(256L, bytes.length * 2L)));
      bytes = Arrays.copyOf(bytes, grown);
    }
  }
}
