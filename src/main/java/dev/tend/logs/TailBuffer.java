package dev.tend.logs;

import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bounded in-memory tail of one output stream. Every byte appended gets the next position
 * (positions start at 0 and only grow); the buffer keeps the last {@code capacity} of them, in a
 * ring that starts empty and doubles as output arrives, so an idle stream costs almost nothing.
 *
 * <p>One writer at a time appends (callers serialize {@link #append}, {@link #discard} and {@link
 * #close}); any number of readers read concurrently and never block the writer: a read copies
 * without locking and then drops whatever the writer overwrote meanwhile, reporting it as lost (the
 * classic sequence-lock check, done with fences).
 */
public final class TailBuffer {
  /** The default capacity: 64 KiB per stream. */
  public static final int DEFAULT_CAPACITY = 64 * 1024;

  private static final int FIRST_RING = 512;
  private static final byte[] EMPTY = new byte[0];
  private static final AppendListener[] NO_LISTENERS = new AppendListener[0];
  private static final Logger LOG = LoggerFactory.getLogger(TailBuffer.class);

  /** Told after each append, on the writer's thread; must return at once and never block. */
  @FunctionalInterface
  public interface AppendListener {
    void appended(long end);
  }

  private final int capacity;
  private final ConcurrentLinkedQueue<Thread> waiters = new ConcurrentLinkedQueue<>();

  // Replaced (never resized in place) by the writer only; holds positions [oldest, end) at
  // index position % length.
  private volatile byte[] ring = EMPTY;
  // Position after the last published byte; written by the writer only, after the bytes.
  private volatile long end;
  // Position up to which the writer may be writing; set before it touches the ring, >= end.
  private volatile long claimed;
  // No byte before this position is kept (raised by discard, or when the ring grows).
  private volatile long retainedFrom;
  // Copy-on-write; replaced under this object's monitor.
  private volatile AppendListener[] listeners = NO_LISTENERS;
  // Set once by close(); wakes every waiter.
  private volatile boolean closed;

  public TailBuffer(int capacity) {
    if (capacity <= 0) {
      throw new IllegalArgumentException("tail buffer capacity must be > 0, got " + capacity);
    }
    this.capacity = capacity;
  }

  public TailBuffer() {
    this(DEFAULT_CAPACITY);
  }

  public int capacity() {
    return capacity;
  }

  /** Bytes of memory the ring uses now (grows lazily up to the capacity). */
  public int allocated() {
    return ring.length;
  }

  /** The position after the last byte appended. */
  public long end() {
    return end;
  }

  /** The position of the oldest byte still held. */
  public long start() {
    long e = end;
    return oldest(e, ring.length, retainedFrom);
  }

  /** How many threads wait in {@link #awaitBeyond} now. */
  int waiting() {
    return waiters.size();
  }

  /** Whether a thread waits in {@link #awaitBeyond} now; cheap, unlike {@link #waiting}. */
  boolean awaited() {
    return !waiters.isEmpty();
  }

  public boolean isClosed() {
    return closed;
  }

  /** Appends {@code src}'s remaining bytes and advances its position. Writer only. */
  public void append(ByteBuffer src) {
    int n = src.remaining();
    if (n == 0) {
      return;
    }
    long e = end;
    byte[] r = ringFor(e, n);
    int len = r.length;
    int skip = Math.max(0, n - len); // only the last len bytes can be kept
    claimed = e + n;
    VarHandle.storeStoreFence(); // readers must see the claim before any overwritten byte
    int from = src.position() + skip;
    long pos = e + skip;
    int left = n - skip;
    while (left > 0) {
      int idx = (int) (pos % len);
      int k = Math.min(left, len - idx);
      src.get(from, r, idx, k);
      from += k;
      pos += k;
      left -= k;
    }
    src.position(src.position() + n);
    end = e + n;
    signal(e + n);
  }

  /** Appends {@code len} bytes of {@code bytes} from {@code off}. Writer only. */
  public void append(byte[] bytes, int off, int len) {
    append(ByteBuffer.wrap(bytes, off, len));
  }

  /** Forgets everything held (the log was cleared); positions go on from where they are. */
  public void discard() {
    retainedFrom = end;
  }

  /** Ends the buffer's life: wakes every waiter; appends are still accepted but nobody waits. */
  public void close() {
    closed = true;
    for (Thread t : waiters) {
      LockSupport.unpark(t);
    }
  }

  /**
   * Up to {@code max} bytes from position {@code from}; {@link LogChunk#lost} says how many bytes
   * from {@code from} on are no longer held. A position beyond the end (from an earlier life of the
   * stream) reads as empty at the end.
   */
  public LogChunk read(long from, int max) {
    if (from < 0 || max < 0) {
      throw new IllegalArgumentException("bad read: from " + from + ", max " + max);
    }
    while (true) {
      long e = end;
      byte[] r = ring;
      if (from >= e) {
        return new LogChunk(EMPTY, 0, e);
      }
      long start = Math.max(from, oldest(e, r.length, retainedFrom));
      int n = (int) Math.min(max, e - start);
      byte[] out = n == 0 ? EMPTY : new byte[n];
      copyOut(r, start, out, n);
      VarHandle.loadLoadFence(); // the copy happens before we look at what the writer claimed
      if (ring != r) {
        continue; // the ring grew under us: the copy may mix generations; read again
      }
      long overwritten = claimed - r.length;
      if (overwritten > start) {
        int drop = (int) Math.min(n, overwritten - start);
        out = Arrays.copyOfRange(out, drop, n);
        start += drop;
        n -= drop;
      }
      return new LogChunk(out, start - from, start + n);
    }
  }

  /** The last {@code max} bytes held (fewer when the buffer holds less), and the end after them. */
  public LogChunk latest(int max) {
    if (max < 0) {
      throw new IllegalArgumentException("bad tail length " + max);
    }
    long e = end;
    long from = Math.max(start(), e - max);
    LogChunk c = read(from, max);
    return new LogChunk(c.bytes(), 0, c.end());
  }

  /**
   * Waits until the end moves away from {@code position} (or the buffer closes) for at most {@code
   * timeout}; true when it has. Returns at once when the end is already elsewhere.
   */
  public boolean awaitBeyond(long position, Duration timeout) throws InterruptedException {
    return awaitBeyond(position, timeout, () -> false);
  }

  /** {@link #awaitBeyond(long, Duration)} that also returns (false) once {@code stop} says so. */
  boolean awaitBeyond(long position, Duration timeout, BooleanSupplier stop)
      throws InterruptedException {
    if (end != position || closed) {
      return true;
    }
    Thread me = Thread.currentThread();
    waiters.add(me);
    try {
      long deadline = System.nanoTime() + timeout.toNanos();
      // Registered before re-checking: an append after this check is sure to unpark us.
      while (end == position && !closed) {
        long left = deadline - System.nanoTime();
        if (left <= 0 || stop.getAsBoolean()) {
          return false;
        }
        LockSupport.parkNanos(this, left);
        if (Thread.interrupted()) {
          throw new InterruptedException("interrupted waiting beyond position " + position);
        }
      }
      return true;
    } finally {
      waiters.remove(me);
    }
  }

  public synchronized void addListener(AppendListener listener) {
    AppendListener[] now = listeners;
    AppendListener[] next = Arrays.copyOf(now, now.length + 1);
    next[now.length] = listener;
    listeners = next;
  }

  public synchronized void removeListener(AppendListener listener) {
    AppendListener[] now = listeners;
    for (int i = 0; i < now.length; i++) {
      if (now[i] == listener) {
        AppendListener[] next = new AppendListener[now.length - 1];
        System.arraycopy(now, 0, next, 0, i);
        System.arraycopy(now, i + 1, next, i, now.length - i - 1);
        listeners = next;
        return;
      }
    }
  }

  private static long oldest(long end, int ringLength, long retainedFrom) {
    return Math.max(retainedFrom, end - ringLength);
  }

  /** The ring to write {@code n} more bytes into, grown first when that would drop kept bytes. */
  private byte[] ringFor(long e, int n) {
    byte[] r = ring;
    if (r.length == capacity) {
      return r;
    }
    long oldest = oldest(e, r.length, retainedFrom);
    long wanted = Math.min(capacity, e + n - oldest);
    if (wanted <= r.length) {
      return r;
    }
    int size = Math.max(FIRST_RING, r.length);
    while (size < wanted) {
      size = size > capacity / 2 ? capacity : size * 2;
    }
    byte[] grown = new byte[Math.min(size, capacity)];
    int kept = (int) (e - oldest);
    byte[] old = new byte[kept];
    copyOut(r, oldest, old, kept);
    copyIn(old, grown, oldest);
    retainedFrom = oldest; // published before the ring, so a reader of the new ring sees it
    ring = grown;
    return grown;
  }

  private static void copyOut(byte[] r, long start, byte[] out, int n) {
    int done = 0;
    while (done < n) {
      int idx = (int) ((start + done) % r.length);
      int k = Math.min(n - done, r.length - idx);
      System.arraycopy(r, idx, out, done, k);
      done += k;
    }
  }

  private static void copyIn(byte[] src, byte[] r, long start) {
    int done = 0;
    while (done < src.length) {
      int idx = (int) ((start + done) % r.length);
      int k = Math.min(src.length - done, r.length - idx);
      System.arraycopy(src, done, r, idx, k);
      done += k;
    }
  }

  private void signal(long newEnd) {
    if (!waiters.isEmpty()) {
      for (Thread t : waiters) {
        LockSupport.unpark(t);
      }
    }
    for (AppendListener l : listeners) {
      try {
        l.appended(newEnd);
      } catch (RuntimeException e) {
        LOG.warn("tail listener {} failed at position {}", l, newEnd, e);
      }
    }
  }
}
