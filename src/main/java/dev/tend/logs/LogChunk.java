package dev.tend.logs;

import java.util.Arrays;

/**
 * Bytes of one stream read by position: the bytes, how many bytes before them were asked for but
 * are gone (overwritten in the tail buffer, or cleared), and the position just after them (where
 * the next read starts). Positions count the bytes a stream has received since its logs were made;
 * history read from a file an earlier daemon wrote starts before 0. Each chunk has an array of its
 * own, which the caller may keep.
 */
public record LogChunk(byte[] bytes, long lost, long end) {

  public LogChunk {
    if (lost < 0) {
      throw new IllegalArgumentException(
          "bad chunk: " + bytes.length + " bytes, lost " + lost + ", end " + end);
    }
  }

  /** The position of the first byte. */
  public long start() {
    return end - bytes.length;
  }

  public int length() {
    return bytes.length;
  }

  public boolean isEmpty() {
    return bytes.length == 0;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof LogChunk c
        && c.lost == lost
        && c.end == end
        && Arrays.equals(c.bytes, bytes);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(bytes) * 31 + Long.hashCode(end) * 7 + Long.hashCode(lost);
  }

  @Override
  public String toString() {
    return "LogChunk[" + bytes.length + " bytes, lost=" + lost + ", end=" + end + "]";
  }
}
