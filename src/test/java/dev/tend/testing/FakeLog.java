package dev.tend.testing;

import dev.tend.api.LogTail;
import java.io.ByteArrayOutputStream;
import java.util.Arrays;

/** A process log held in memory, with supervisord's read and tail semantics (spec 3.5). */
final class FakeLog {
  // guarded by the fake that owns it
  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

  void append(byte[] data) {
    bytes.writeBytes(data);
  }

  void clear() {
    bytes.reset();
  }

  byte[] bytes() {
    return bytes.toByteArray();
  }

  /** {@code readProcess*Log}: from offset (or the last -offset bytes), up to length (0: all). */
  static byte[] read(byte[] all, long offset, long length) {
    if (length < 0 || (offset < 0 && length != 0)) {
      throw new dev.tend.api.FaultException(dev.tend.api.Fault.BAD_ARGUMENTS, "");
    }
    int from =
        offset < 0 ? (int) Math.max(0, all.length + offset) : (int) Math.min(offset, all.length);
    int to = length == 0 ? all.length : (int) Math.min(all.length, from + length);
    return Arrays.copyOfRange(all, from, to);
  }

  /**
   * {@code tailProcess*Log}: the last {@code length} bytes, overflow when more came since offset.
   */
  static LogTail tail(byte[] all, long offset, long length) {
    long size = all.length;
    long len = Math.max(0, length);
    if (size > offset + len) {
      return new LogTail(Arrays.copyOfRange(all, (int) (size - len), all.length), size, true);
    }
    if (offset >= size) {
      return new LogTail(new byte[0], size, false);
    }
    return new LogTail(
        Arrays.copyOfRange(all, (int) Math.max(0, size - len), all.length), size, false);
  }
}
