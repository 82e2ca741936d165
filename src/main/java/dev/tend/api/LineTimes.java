package dev.tend.api;

import java.util.Arrays;

/**
 * When the bytes of a log's history reached the server, as marks: the bytes from {@code offsets[i]}
 * (an offset into the history) up to the next mark arrived at {@code millis[i]} (epoch
 * milliseconds) or up to one mark interval later. Bytes before the first mark have no known time
 * (older than what the server keeps), and {@link #why} says why in words a person reads. Offsets
 * grow strictly; times never go back. Immutable.
 *
 * @param why why bytes without a mark have no time ("supervisord keeps no line times")
 */
public record LineTimes(long[] offsets, long[] millis, String why) {
  /** A tend daemon's words for bytes older than its time index. */
  public static final String OLDER = "older than the daemon's line times";

  public LineTimes {
    if (offsets.length != millis.length) {
      throw new IllegalArgumentException(
          offsets.length + " offsets but " + millis.length + " times");
    }
    offsets = offsets.clone();
    millis = millis.clone();
    for (int i = 1; i < offsets.length; i++) {
      if (offsets[i] <= offsets[i - 1] || millis[i] < millis[i - 1]) {
        throw new IllegalArgumentException("line time marks out of order at mark " + i);
      }
    }
  }

  /** No times at all, for {@code why}. */
  public static LineTimes none(String why) {
    return new LineTimes(new long[0], new long[0], why);
  }

  /** The time of the byte at {@code offset}, or {@link Long#MIN_VALUE} when it has none. */
  public long at(long offset) {
    int i = Arrays.binarySearch(offsets, offset);
    int mark = i >= 0 ? i : -i - 2; // the last mark at or before the offset
    return mark < 0 ? Long.MIN_VALUE : millis[mark];
  }

  public int size() {
    return offsets.length;
  }

  @Override
  public long[] offsets() {
    return offsets.clone();
  }

  @Override
  public long[] millis() {
    return millis.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof LineTimes t
        && Arrays.equals(t.offsets, offsets)
        && Arrays.equals(t.millis, millis)
        && t.why.equals(why);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(offsets) * 31 + Arrays.hashCode(millis) + why.hashCode();
  }

  @Override
  public String toString() {
    return "LineTimes[" + offsets.length + " marks, " + why + "]";
  }
}
