package dev.tend.platform;

import com.sun.jna.Memory;
import java.nio.ByteBuffer;

/**
 * The I/O thread's one native read buffer, reused for every pipe read. It holds a whole grown pipe
 * ({@link OutputPipe#BULK_PIPE_SIZE}), so a program writing in bulk is read in one call per
 * wake-up; its pages are only touched (and only count in RSS) once such a program has filled them.
 */
final class ReadBuffer {
  static final int CAPACITY = OutputPipe.BULK_PIPE_SIZE;

  /**
   * A read at least this long is not a trickle of lines: the I/O thread does not pause after it.
   */
  static final int TRICKLE_MAX = 4096;

  private final Memory memory = new Memory(CAPACITY);
  private final ByteBuffer view = memory.getByteBuffer(0, CAPACITY);
  private int reads; // pipe reads that got bytes since the last takeTrickle(); I/O thread only
  private boolean
      large; // whether one of those reads got TRICKLE_MAX bytes or more; I/O thread only

  Memory memory() {
    return memory;
  }

  long capacity() {
    return CAPACITY;
  }

  /** Notes a read of {@code n > 0} bytes into this buffer. */
  void counted(long n) {
    reads++;
    large |= n >= TRICKLE_MAX;
  }

  /**
   * Whether the reads since the last call were a trickle (some bytes, every read short of {@link
   * #TRICKLE_MAX}: lines, not bulk output that must not wait); starts counting anew.
   */
  boolean takeTrickle() {
    boolean trickle = reads > 0 && !large;
    reads = 0;
    large = false;
    return trickle;
  }

  /** The first {@code length} bytes, as a fresh-positioned buffer (valid until the next read). */
  ByteBuffer view(int length) {
    return view.clear().limit(length);
  }
}
