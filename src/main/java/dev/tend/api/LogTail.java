package dev.tend.api;

/**
 * A {@code tailProcess*Log} answer (spec §3.5): the bytes, the offset to ask from next time (the
 * file's size), and whether bytes between the asked offset and the returned ones were skipped.
 */
public record LogTail(byte[] data, long offset, boolean overflow) {
  public LogTail {
    data = data.clone();
  }

  @Override
  public byte[] data() {
    return data.clone();
  }

  public int length() {
    return data.length;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof LogTail t
        && t.offset == offset
        && t.overflow == overflow
        && java.util.Arrays.equals(t.data, data);
  }

  @Override
  public int hashCode() {
    return java.util.Arrays.hashCode(data) * 31 + Long.hashCode(offset) + (overflow ? 1 : 0);
  }

  @Override
  public String toString() {
    return "LogTail[" + data.length + " bytes, offset=" + offset + ", overflow=" + overflow + "]";
  }
}
