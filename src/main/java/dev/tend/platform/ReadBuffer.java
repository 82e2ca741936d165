package dev.tend.platform;

import com.sun.jna.Memory;
import java.nio.ByteBuffer;

/** The I/O thread's one 64 KiB native read buffer, reused for every pipe read. */
final class ReadBuffer {
  static final int CAPACITY = 64 * 1024;

  private final Memory memory = new Memory(CAPACITY);
  private final ByteBuffer view = memory.getByteBuffer(0, CAPACITY);

  Memory memory() {
    return memory;
  }

  long capacity() {
    return CAPACITY;
  }

  /** The first {@code length} bytes, as a fresh-positioned buffer (valid until the next read). */
  ByteBuffer view(int length) {
    return view.clear().limit(length);
  }
}
