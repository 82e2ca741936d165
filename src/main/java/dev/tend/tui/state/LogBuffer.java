package dev.tend.tui.state;

import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * The lines a log pane keeps: a ring bounded by a line count and a character budget. Each line gets
 * the next sequence number as it is added; the oldest fall out when either bound is reached and
 * {@link #dropped} counts them. Lines are looked up by sequence number, so a view anchored on one
 * stays put while lines arrive. Owned by the UI thread.
 */
public final class LogBuffer {
  private final @Nullable LogLine[] ring;
  private final long maxChars;
  // UI thread only. Sequence number of the oldest line kept; == next when empty.
  private long first;
  // UI thread only. Sequence number the next line will get.
  private long next;
  // UI thread only. Characters of text held, for the character budget.
  private long chars;
  // UI thread only. Lines that fell out of the ring since it was made or cleared.
  private long dropped;

  /**
   * @param maxLines lines kept at most
   * @param maxChars characters of text kept at most (lines are cut to a limit before they get here,
   *     so one line cannot take it all)
   */
  public LogBuffer(int maxLines, long maxChars) {
    if (maxLines < 1 || maxChars < 1) {
      throw new IllegalArgumentException(
          "a log buffer needs room: maxLines=" + maxLines + " maxChars=" + maxChars);
    }
    this.ring = new LogLine[maxLines];
    this.maxChars = maxChars;
  }

  /** Adds a line, numbering it; returns it with its sequence number. */
  public LogLine add(LogLine line) {
    LogLine numbered = line.withSeq(next);
    if (next - first == ring.length) {
      evictOldest();
    }
    ring[(int) (next % ring.length)] = numbered;
    next++;
    chars += numbered.text().length();
    while (chars > maxChars && next - first > 1) {
      evictOldest();
    }
    return numbered;
  }

  private void evictOldest() {
    int i = (int) (first % ring.length);
    LogLine old = ring[i];
    if (old != null) {
      chars -= old.text().length();
    }
    ring[i] = null;
    first++;
    dropped++;
  }

  /** The line with this sequence number, or null when it is not (or no longer) kept. */
  public @Nullable LogLine get(long seq) {
    return seq >= first && seq < next ? ring[(int) (seq % ring.length)] : null;
  }

  /** Sequence number of the oldest line kept. */
  public long first() {
    return first;
  }

  /** Sequence number the next line will get (one past the newest). */
  public long next() {
    return next;
  }

  public int size() {
    return (int) (next - first);
  }

  public boolean isEmpty() {
    return next == first;
  }

  /** Lines that fell out since the buffer was made or last cleared. */
  public long dropped() {
    return dropped;
  }

  /** Forgets every line (numbering goes on, so anchors stay valid as "before the start"). */
  public void clear() {
    Arrays.fill(ring, null);
    first = next;
    chars = 0;
    dropped = 0;
  }

  public int capacity() {
    return ring.length;
  }
}
