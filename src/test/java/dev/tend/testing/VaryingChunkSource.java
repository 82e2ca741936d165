package dev.tend.testing;

import java.nio.ByteBuffer;
import java.util.SplittableRandom;

/**
 * {@code total} pseudo-random bytes (every value, no structure) in chunks whose sizes spread evenly
 * over the powers of two from 1 B to 64 KiB, as a pipe delivers them to a reader that is sometimes
 * ahead of the writer and sometimes behind. The same seed gives the same bytes and chunks.
 */
public final class VaryingChunkSource implements ByteSource {
  private static final int MAX_CHUNK = 64 * 1024;

  private final SplittableRandom sizes;
  private final SplittableRandom content;
  private long left; // bytes still to deliver

  public VaryingChunkSource(long total, long seed) {
    this.left = total;
    this.sizes = new SplittableRandom(seed);
    this.content = new SplittableRandom(~seed);
  }

  @Override
  public int read(ByteBuffer dst) {
    if (left == 0) {
      return -1;
    }
    int bound = 1 << sizes.nextInt(17); // 1 .. 64 KiB
    int n = (int) Math.min(left, Math.min(dst.remaining(), 1 + sizes.nextInt(bound)));
    n = Math.min(n, MAX_CHUNK);
    int i = 0;
    for (; i + 8 <= n; i += 8) {
      dst.putLong(content.nextLong());
    }
    for (; i < n; i++) {
      dst.put((byte) content.nextInt());
    }
    left -= n;
    return n;
  }
}
