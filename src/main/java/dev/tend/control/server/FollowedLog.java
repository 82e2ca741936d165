package dev.tend.control.server;

import dev.tend.api.LineTimes;
import dev.tend.api.LogListener;
import java.util.ArrayDeque;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;

/**
 * A followed log held in a bounded buffer and read by position, so that a stateless long-poll (or a
 * streaming response) can ask "what came after position N", wait for it without a platform thread,
 * and learn how much it missed. Positions count the bytes the follow delivered, plus the bytes it
 * reported lost, plus one for each loss of unknown size, so any loss is a hole between two
 * positions. The listener side must return quickly; it only copies and signals.
 */
final class FollowedLog implements LogListener {
  /** {@link Slice#lost} when bytes were lost but nobody knows how many. */
  static final long UNKNOWN_LOSS = -1;

  /** Writes are joined into pieces of up to this many bytes. */
  private static final int MERGE_BYTES = 4096;

  private final int capacity;
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition changed = lock.newCondition();
  // Guarded by lock: retained pieces, oldest first, contiguous except at holes.
  private final ArrayDeque<Piece> pieces = new ArrayDeque<>();
  // Guarded by lock: bytes held in pieces, at most capacity.
  private int retained;
  // Guarded by lock: the position after the newest byte.
  private long end;
  // Guarded by lock: loss reported since the newest piece, placed before the next one.
  private long pendingLoss;
  // Guarded by lock: when the history's bytes arrived; null until the history came.
  private @Nullable LineTimes historyTimes;
  // Guarded by lock: how many bytes the history had (they start at position 0).
  private int historyLength;
  // Guarded by lock: set once, when the follow ends.
  private @Nullable String closedReason;

  /** Bytes and where they start; {@code lostBefore} is the loss in the hole before them. */
  private record Piece(long start, byte[] data, long lostBefore) {
    long end() {
      return start + data.length;
    }
  }

  /**
   * An answer: up to the asked number of bytes after the position, the position to ask from next,
   * and the loss between the asked position and the first byte (0 none, {@link #UNKNOWN_LOSS}).
   */
  record Slice(byte[] data, long next, long lost, boolean closed) {}

  FollowedLog(int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be >= 1, got " + capacity);
    }
    this.capacity = capacity;
  }

  /** It copies and signals, so the logs may call it on their writer's thread. */
  @Override
  public boolean copiesOnly() {
    return true;
  }

  @Override
  public void onData(byte[] data) {
    if (data.length == 0) {
      return;
    }
    lock.lock();
    try {
      long hole = pendingLoss == UNKNOWN_LOSS ? 1 : pendingLoss;
      byte[] kept = data;
      long start = end + hole;
      if (kept.length > capacity) {
        int cut = kept.length - capacity;
        kept = java.util.Arrays.copyOfRange(kept, cut, kept.length);
        start += cut;
      } else {
        kept = kept.clone();
      }
      Piece last = pieces.peekLast();
      if (last != null
          && pendingLoss == 0
          && last.end() == start
          && last.data.length + kept.length <= MERGE_BYTES) {
        // small writes (lines) join the newest piece: reads then walk few pieces
        byte[] joined = java.util.Arrays.copyOf(last.data, last.data.length + kept.length);
        System.arraycopy(kept, 0, joined, last.data.length, kept.length);
        pieces.pollLast();
        pieces.addLast(new Piece(last.start, joined, last.lostBefore));
      } else {
        pieces.addLast(new Piece(start, kept, pendingLoss));
      }
      retained += kept.length;
      end = start + kept.length;
      pendingLoss = 0;
      while (retained > capacity) {
        Piece oldest = pieces.removeFirst();
        int excess = retained - capacity;
        if (oldest.data.length > excess) {
          byte[] rest = java.util.Arrays.copyOfRange(oldest.data, excess, oldest.data.length);
          pieces.addFirst(new Piece(oldest.start + excess, rest, oldest.lostBefore));
          retained -= excess;
        } else {
          retained -= oldest.data.length;
        }
      }
      changed.signalAll();
    } finally {
      lock.unlock();
    }
  }

  @Override
  public void onHistory(byte[] data, LineTimes times) {
    lock.lock();
    try {
      if (historyTimes == null && end == 0 && data.length <= capacity) {
        historyTimes = times;
        historyLength = data.length;
      }
    } finally {
      lock.unlock();
    }
    onData(data);
  }

  /** When the history's bytes arrived (null: unknown), and how long it is, from position 0. */
  record History(@Nullable LineTimes times, int length) {}

  History history() {
    lock.lock();
    try {
      return new History(historyTimes, historyLength);
    } finally {
      lock.unlock();
    }
  }

  @Override
  public void onGap(long bytes) {
    lock.lock();
    try {
      if (bytes < 0 || pendingLoss == UNKNOWN_LOSS) {
        pendingLoss = UNKNOWN_LOSS;
      } else {
        pendingLoss += bytes;
      }
    } finally {
      lock.unlock();
    }
  }

  @Override
  public void onClosed(String reason) {
    lock.lock();
    try {
      if (closedReason == null) {
        closedReason = reason;
      }
      changed.signalAll();
    } finally {
      lock.unlock();
    }
  }

  /** The position after the newest byte. */
  long end() {
    lock.lock();
    try {
      return end;
    } finally {
      lock.unlock();
    }
  }

  /**
   * What follows {@code position}, waiting up to {@code timeoutNanos} for the first byte. An empty
   * slice at the same position when the time ran out; {@code closed} once the follow ended and
   * everything was read.
   *
   * @throws IllegalArgumentException for a position beyond the end or below 0
   */
  Slice read(long position, int max, long timeoutNanos) throws InterruptedException {
    lock.lock();
    try {
      if (position < 0 || position > end) {
        throw new IllegalArgumentException(
            "position " + position + " is outside this log's 0.." + end);
      }
      long deadline = System.nanoTime() + Math.max(0, timeoutNanos);
      while (true) {
        Slice s = sliceAt(position, Math.max(1, max));
        if (s != null) {
          return s;
        }
        if (closedReason != null) {
          return new Slice(new byte[0], position, 0, true);
        }
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          return new Slice(new byte[0], position, 0, false);
        }
        changed.awaitNanos(Math.min(left, TimeUnit.SECONDS.toNanos(60)));
      }
    } finally {
      lock.unlock();
    }
  }

  private @Nullable Slice sliceAt(long position, int max) {
    // the pieces that end after the position, found from the newest back: a reader keeping up
    // is at or near the end, so this looks at one or two
    java.util.ArrayList<Piece> after = new java.util.ArrayList<>();
    for (java.util.Iterator<Piece> it = pieces.descendingIterator(); it.hasNext(); ) {
      Piece p = it.next();
      if (p.end() <= position) {
        break;
      }
      after.add(p);
    }
    if (after.isEmpty()) {
      return null;
    }
    Piece first = after.getLast();
    long lost = 0;
    if (position < first.start) {
      lost = first.lostBefore == UNKNOWN_LOSS ? UNKNOWN_LOSS : first.start - position;
    }
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    long at = Math.max(position, first.start);
    for (int i = after.size() - 1; i >= 0 && out.size() < max; i--) {
      Piece p = after.get(i);
      if (i < after.size() - 1 && p.start != at) {
        break; // a hole: the next read reports it
      }
      int from = (int) (at - p.start);
      int n = Math.min(p.data.length - from, max - out.size());
      out.write(p.data, from, n);
      at += n;
    }
    return new Slice(out.toByteArray(), at, lost, false);
  }

  /** Why the follow ended, or null while it runs. */
  @Nullable String closedReason() {
    lock.lock();
    try {
      return closedReason;
    } finally {
      lock.unlock();
    }
  }
}
