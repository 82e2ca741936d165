package dev.tend.platform;

import com.sun.jna.Memory;
import java.nio.ByteBuffer;

/** The I/O thread's one 64 KiB native read buffer, reused for every pipe read. */
final class ReadBuffer {
  static final int CAPACITY = 64 * 1024;

  private final Memory memory = new Memory(CAPACITY);
  private final ByteBuffer view = memory.getByteBuffer(0, CAPACITY);
  private int reads; // pipe reads that got bytes since the last takeTrickle(); I/O thread only
  private boolean filled; // whether one of those reads filled the buffer; I/O thread only

  Memory memory() {
    return memory;
  }

  long capacity() {
    return CAPACITY;
  }

  /** Notes a read of {@code n > 0} bytes into this buffer. */
  void counted(long n) {
    reads++;
    filled |= n >= CAPACITY;
  }

  /**
   * Whether the reads since the last call were a trickle (some bytes, no read filling the buffer,
   * so no writer is waiting on a full pipe); starts counting anew.
   */
  boolean takeTrickle() {
    boolean trickle = reads > 0 && !filled;
    reads = 0;
    filled = false;
    return trickle;
  }

  /** The first {@code length} bytes, as a fresh-positioned buffer (valid until the next read). */
  ByteBuffer view(int length) {
    return view.clear().limit(length);
  }
}
