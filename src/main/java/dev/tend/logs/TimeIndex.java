package dev.tend.logs;

import dev.tend.api.LineTimes;
import java.util.Arrays;

/**
 * When a stream's bytes arrived, coarsely: marks of (stream position, epoch millis), a new one only
 * when {@link #STEP_MILLIS} have passed since the last, so a chatty stream gets at most a hundred a
 * second and a quiet one one per write. Bounded: at {@link #MAX_MARKS} the oldest quarter goes (its
 * bytes then have no time, which is true, rather than a coarser time, which would not be). A stream
 * that writes nothing allocates nothing. Positions are the stream's (they go on across rotation and
 * clearing), so the index needs no care when the file turns over.
 *
 * <p>One writer ({@link #arrived}, under the stream's lock) and any number of readers ({@link
 * #times}); the arrays are guarded by this object's monitor, which the writer takes only when it
 * adds a mark.
 */
final class TimeIndex {
  /** A new mark only this long after the previous one. */
  static final long STEP_MILLIS = 10;

  /** Marks kept at most per stream (8 KiB). */
  static final int MAX_MARKS = 512;

  private static final int FIRST_MARKS = 8;
  private static final long[] NONE = new long[0];

  // Writer only: the time of the newest mark, Long.MIN_VALUE before the first.
  private long lastMillis = Long.MIN_VALUE;
  // Guarded by this: marks [0, count) in order, positions strictly growing.
  private long[] positions = NONE;
  // Guarded by this: the time of each mark.
  private long[] millis = NONE;
  // Guarded by this: marks held.
  private int count;

  /** Bytes start arriving at {@code position} at {@code now}; the writer calls it per append. */
  void arrived(long position, long now) {
    long since = now - lastMillis;
    if (lastMillis != Long.MIN_VALUE && since >= 0 && since < STEP_MILLIS) {
      return; // (a clock set back makes a mark at once, kept at the time it had reached)
    }
    lastMillis = now;
    synchronized (this) {
      if (count > 0 && positions[count - 1] == position) {
        return; // nothing arrived since the last mark: it still says when the next bytes do
      }
      if (count == positions.length) {
        grow();
      }
      positions[count] = position;
      millis[count] = Math.max(now, count > 0 ? millis[count - 1] : now); // never back in time
      count++;
    }
  }

  private void grow() {
    if (count < MAX_MARKS) {
      int size = Math.min(MAX_MARKS, Math.max(FIRST_MARKS, count * 2));
      positions = Arrays.copyOf(positions, size);
      millis = Arrays.copyOf(millis, size);
      return;
    }
    int drop = MAX_MARKS / 4;
    System.arraycopy(positions, drop, positions, 0, count - drop);
    System.arraycopy(millis, drop, millis, 0, count - drop);
    count -= drop;
  }

  /** The marks that time the bytes [{@code start}, {@code end}), as offsets from {@code start}. */
  synchronized LineTimes times(long start, long end) {
    int from = Arrays.binarySearch(positions, 0, count, start);
    from = from >= 0 ? from : -from - 2; // the mark at or before start times its first bytes
    int first = Math.max(0, from);
    int n = 0;
    long[] offs = new long[count - first];
    long[] ms = new long[count - first];
    for (int i = first; i < count && positions[i] < end; i++) {
      offs[n] = Math.max(0, positions[i] - start);
      ms[n] = millis[i];
      n++;
    }
    return new LineTimes(Arrays.copyOf(offs, n), Arrays.copyOf(ms, n), LineTimes.OLDER);
  }

  /** Marks held now (for tests and the memory figure). */
  synchronized int size() {
    return count;
  }

  /** Bytes the marks' arrays take. */
  synchronized int allocated() {
    return positions.length * 16;
  }
}
