package dev.tend.platform;

import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * UTF-8, NUL-terminated strings and NULL-terminated string vectors (argv, envp) in native memory,
 * whatever the JVM's default charset is. The returned memory lives as long as the object.
 */
final class CStrings implements AutoCloseable {
  // All blocks allocated for one call; freed together by close().
  private final Memory block;

  private CStrings(Memory block) {
    this.block = block;
  }

  /** One NUL-terminated string. */
  static Memory of(String text) {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    if (indexOfNul(bytes) >= 0) {
      throw new IllegalArgumentException("a NUL byte cannot pass to the OS, in: " + text);
    }
    Memory m = new Memory(bytes.length + 1L);
    m.write(0, bytes, 0, bytes.length);
    m.setByte(bytes.length, (byte) 0);
    return m;
  }

  /** A {@code char *[]} holding the strings, then NULL: one block, pointers first. */
  static CStrings vector(List<String> items) {
    int n = items.size();
    byte[][] encoded = new byte[n][];
    long bytes = 0;
    for (int i = 0; i < n; i++) {
      encoded[i] = items.get(i).getBytes(StandardCharsets.UTF_8);
      if (indexOfNul(encoded[i]) >= 0) {
        throw new IllegalArgumentException("a NUL byte cannot pass to the OS, in: " + items.get(i));
      }
      bytes += encoded[i].length + 1L;
    }
    long table = (n + 1L) * Native.POINTER_SIZE;
    Memory m = new Memory(table + bytes);
    long at = table;
    for (int i = 0; i < n; i++) {
      m.setPointer((long) i * Native.POINTER_SIZE, m.share(at));
      m.write(at, encoded[i], 0, encoded[i].length);
      at += encoded[i].length;
      m.setByte(at++, (byte) 0);
    }
    m.setPointer((long) n * Native.POINTER_SIZE, null);
    return new CStrings(m);
  }

  Pointer pointer() {
    return block;
  }

  @Override
  public void close() {
    block.close();
  }

  /** Reads a NUL-terminated UTF-8 string at {@code p}. */
  static String read(Pointer p) {
    return p.getString(0, StandardCharsets.UTF_8.name());
  }

  private static int indexOfNul(byte[] bytes) {
    for (int i = 0; i < bytes.length; i++) {
      if (bytes[i] == 0) {
        return i;
      }
    }
    return -1;
  }
}
