package dev.tend.control.client;

import dev.tend.api.ConnectionException;
import dev.tend.api.Fault;
import dev.tend.api.FaultException;
import dev.tend.api.LineTimes;
import dev.tend.api.LogFollow;
import dev.tend.api.LogListener;
import dev.tend.api.LogTail;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * Follows a process log on a server that cannot push it (supervisord) by polling.
 *
 * <p>Each poll asks {@code tailProcess*Log(offset, 0)}, which transfers no data and answers the
 * file's size; when the file grew, {@code readProcess*Log} fetches exactly the new bytes (a
 * non-empty tail would re-send up to {@code length} bytes before {@code offset} every time, spec
 * §3.5). A size below the offset means the file was cleared or rotated: {@code onGap(-1)}, then the
 * new file from 0. Falling more than {@link #MAX_BEHIND} behind skips ahead with {@code
 * onGap(skipped)}. So bytes reach the listener once each, in order, and every loss is reported.
 *
 * <p>supervisord decodes what it reads as UTF-8 and fails the call (HTTP 500) when a read starts or
 * ends inside a character or the log holds bytes that are not UTF-8. A read that fails is retried
 * up to three bytes shorter (a character is at most four bytes). Up to three bytes left at the end
 * of the file wait for the bytes that complete their character (a block-buffered process may flush
 * half a character). Bytes that never decode are located by halving the read and skipped with
 * {@code onGap}.
 *
 * <p>A log that stays the same size is polled less and less often, down to once every {@link
 * #MAX_IDLE_INTERVAL} (a pane following a quiet program asked supervisord five times a second per
 * stream); the first change brings it back to every {@code interval}.
 *
 * <p>Not detectable by polling sizes: a log cleared and grown past the old offset within one
 * interval; its first bytes are then missed without a gap report.
 */
final class PolledLogFollow implements LogFollow {
  /** Why supervisord's history has no times. */
  static final String NO_TIMES = "supervisord keeps no line times";

  /** supervisord's log calls for one process stream. */
  interface Source {
    /** {@code tailProcess*Log(offset, length)}. */
    LogTail tail(long offset, int length);

    /** {@code readProcess*Log(offset, length)}: up to {@code length} bytes from {@code offset}. */
    byte[] read(long offset, int length);
  }

  static final int CHUNK = 256 * 1024;
  static final int MAX_HISTORY = 4 * CHUNK;
  static final long MAX_BEHIND = 4L * 1024 * 1024;
  private static final int MAX_READS_PER_POLL = 32;
  static final Duration MAX_IDLE_INTERVAL = Duration.ofSeconds(1);

  private final Source source;
  private final LogListener listener;
  private final String name;
  private final Duration interval;

  private volatile boolean closed; // set by close() from any thread
  private volatile @Nullable Thread thread; // the polling thread, once started
  private long offset; // poller thread: bytes of the current file already delivered
  private long pendingGap; // poller thread: bytes skipped, reported before the next data
  private int reads; // poller thread: calls made in the current poll
  private long seenSize = -1; // poller thread: the log's size at the last poll

  PolledLogFollow(Source source, LogListener listener, String name, Duration interval) {
    this.source = source;
    this.listener = listener;
    this.name = name;
    this.interval = interval;
  }

  /** Starts polling on a virtual thread: the history, then every {@code interval}. */
  PolledLogFollow start(long historyBytes) {
    thread = Thread.ofVirtual().name("tend-follow " + name).start(() -> run(historyBytes));
    return this;
  }

  private void run(long historyBytes) {
    String reason;
    try {
      history(historyBytes);
      Duration wait = interval;
      while (!closed) {
        Thread.sleep(wait);
        wait = nextWait(wait, poll(), interval);
      }
      reason = "closed";
    } catch (InterruptedException e) {
      reason = "closed";
    } catch (Ended e) {
      reason = closed ? "closed" : String.valueOf(e.getMessage()); // Ended always has a reason
    } catch (RuntimeException e) {
      reason = "failed: " + e;
    }
    listener.onClosed(reason);
  }

  @Override
  public void close() {
    closed = true;
    Thread t = thread;
    if (t != null) {
      t.interrupt();
    }
  }

  /**
   * Delivers up to {@code historyBytes} (at most {@link #MAX_HISTORY}) of what the log holds and
   * sets the offset after it.
   */
  void history(long historyBytes) {
    int want = (int) Math.max(0, Math.min(historyBytes, MAX_HISTORY));
    for (int k = 0; k <= Math.min(3, want); k++) {
      int length = want - k;
      LogTail t;
      try {
        t = call(() -> source.tail(0, length));
      } catch (Undecodable e) {
        continue; // the window starts or ends inside a character: shift it by a byte
      }
      offset = t.offset();
      listener.onHistory(t.data(), LineTimes.none(NO_TIMES));
      return;
    }
    long size = size();
    offset = Math.max(0, size - want); // polls deliver it, skipping what never decodes
    listener.onHistory(new byte[0], LineTimes.none(NO_TIMES));
    poll();
  }

  /** The pause before the next poll: doubled while the log stays the same, up to a second. */
  static Duration nextWait(Duration last, boolean changed, Duration interval) {
    if (changed) {
      return interval;
    }
    Duration doubled = last.multipliedBy(2);
    return doubled.compareTo(MAX_IDLE_INTERVAL) > 0 ? MAX_IDLE_INTERVAL : doubled;
  }

  /** One poll: delivers what the log gained since the offset; whether its size changed. */
  boolean poll() {
    reads = 0;
    long size = size();
    boolean changed = size != seenSize;
    seenSize = size;
    if (size < offset) {
      flushGap();
      listener.onGap(-1); // cleared or rotated: the rest of the old file is unknown
      offset = 0;
    }
    if (size - offset > MAX_BEHIND) {
      pendingGap += size - MAX_BEHIND - offset;
      offset = size - MAX_BEHIND;
    }
    try {
      while (offset < size && reads < MAX_READS_PER_POLL && !closed) {
        int n = (int) Math.min(size - offset, CHUNK);
        byte[] data = readDecodable(n);
        if (data == null) {
          if (offset + n == size && n <= 3) {
            break; // a character not yet completely written: only more bytes can finish it
          }
          skipUndecodable(n);
          continue;
        }
        if (data.length == 0) {
          break; // the file shrank since its size was read; the next poll sees it
        }
        deliver(data);
      }
    } catch (Vanished e) {
      // cleared or rotated between the size probe and the read; the next poll sees it
    }
    flushGap();
    return changed;
  }

  /** Reads from the offset: {@code n} bytes, or up to three fewer; null if none decodes. */
  private byte @Nullable [] readDecodable(int n) {
    for (int k = 0; k <= 3 && n - k > 0; k++) {
      int length = n - k;
      try {
        return call(() -> source.read(offset, length));
      } catch (Undecodable e) {
        // try a byte shorter
      }
    }
    return null;
  }

  /**
   * The {@code n} bytes from the offset do not decode, whatever their last three: halves the window
   * to find the longest prefix that does and delivers it; when not even the next character decodes,
   * skips one byte as a gap.
   */
  private void skipUndecodable(int n) {
    int bad = n; // a window from the offset known not to decode
    while (bad > 4) {
      if (reads >= MAX_READS_PER_POLL) {
        return; // the next poll carries on
      }
      byte[] prefix = readDecodable(bad / 2);
      if (prefix == null) {
        bad /= 2;
        continue;
      }
      if (prefix.length > 0) {
        deliver(prefix);
      }
      return;
    }
    byte[] next = readDecodable(4); // every length from 4 down to 1
    if (next == null) {
      pendingGap += 1; // no character starts with this byte
      offset += 1;
    } else if (next.length > 0) {
      deliver(next);
    }
  }

  private void deliver(byte[] data) {
    flushGap();
    listener.onData(data);
    offset += data.length;
  }

  private void flushGap() {
    if (pendingGap > 0) {
      listener.onGap(pendingGap);
      pendingGap = 0;
    }
  }

  private long size() {
    return call(() -> source.tail(offset, 0)).offset();
  }

  private <T> T call(java.util.function.Supplier<T> rpc) {
    if (closed) {
      throw new Ended("closed");
    }
    reads++;
    try {
      return rpc.get();
    } catch (FaultException e) {
      if (e.is(Fault.BAD_NAME)) {
        throw new Ended(name + " no longer exists");
      }
      if (e.is(Fault.NO_FILE)) {
        throw new Vanished(); // only a read says so, when the file went after its size was read
      }
      throw new Ended("the server refused: " + e.faultString());
    } catch (ConnectionException e) {
      if (e.httpStatus() == 500) {
        throw new Undecodable(); // supervisord's "internal error" for bytes it cannot decode
      }
      throw new Ended("connection lost: " + e.getMessage());
    }
  }

  /** supervisord failed a read: the bytes asked for are not whole UTF-8 characters. */
  private static final class Undecodable extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Undecodable() {
      super(null, null, false, false);
    }
  }

  /** The log file was gone when read (supervisord removes it to clear it). */
  private static final class Vanished extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Vanished() {
      super(null, null, false, false);
    }
  }

  /** The follow is over; the message says why. */
  static final class Ended extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Ended(String reason) {
      super(reason, null, false, false);
    }
  }
}
