package dev.tend.logs;

import java.nio.ByteBuffer;
import org.jspecify.annotations.Nullable;

/**
 * Gathers the log bytes of one read that went through stripping, capture or timestamps, so the file
 * gets one write per read rather than one per piece; adds the line prefixes of {@code
 * *_logfile_timestamps} on the way (a line split across reads gets one prefix, when its first byte
 * arrives).
 */
final class OutputBatch implements ByteStage {
  private static final int SIZE = 64 * 1024;

  /**
   * One batch buffer per thread, not per stream: a batch never outlives the read that filled it, so
   * the I/O thread's 64 KiB serve every stream (400 programs do not cost 400 buffers).
   */
  private static final ThreadLocal<ByteBuffer> SCRATCH =
      ThreadLocal.withInitial(() -> ByteBuffer.allocate(SIZE));

  private final ByteStage target;
  private final @Nullable LineStamp stamp;
  // The thread's scratch while a read is being batched, else null; bytes [0, position) wait.
  private @Nullable ByteBuffer batch;
  // The next byte starts a line (a prefix goes first); only used with timestamps.
  private boolean atLineStart = true;
  // The prefix of the current read, taken once per read; null until a line starts in it.
  private byte @Nullable [] prefix;

  OutputBatch(ByteStage target, @Nullable LineStamp stamp) {
    this.target = target;
    this.stamp = stamp;
  }

  @Override
  public void accept(ByteBuffer data) {
    ByteBuffer b = batch();
    if (stamp == null) {
      while (data.hasRemaining()) {
        room(b, 1);
        putSome(b, data, data.limit());
      }
      return;
    }
    int limit = data.limit();
    while (data.hasRemaining()) {
      if (atLineStart) {
        room(b, LineStamp.LENGTH);
        if (prefix == null) {
          prefix = stamp.now();
        }
        b.put(prefix);
        atLineStart = false;
      }
      int nl = indexOfNewline(data);
      int lineEnd = nl < 0 ? limit : nl + 1;
      room(b, 1);
      putSome(b, data, lineEnd);
      if (data.position() == lineEnd && nl >= 0) {
        atLineStart = true;
      }
    }
  }

  /** Writes what was gathered; the next read takes a new time for its prefixes. */
  void flush() {
    ByteBuffer b = batch;
    prefix = null;
    batch = null;
    if (b != null && b.position() > 0) {
      b.flip();
      target.accept(b);
    }
    if (b != null) {
      b.clear();
    }
  }

  private ByteBuffer batch() {
    ByteBuffer b = batch;
    if (b == null) {
      b = SCRATCH.get();
      b.clear();
      batch = b;
    }
    return b;
  }

  private void room(ByteBuffer b, int n) {
    if (b.remaining() < n) {
      b.flip();
      target.accept(b);
      b.clear();
    }
  }

  /** Copies bytes of {@code data} up to {@code to} (as many as fit) into {@code b}. */
  private static void putSome(ByteBuffer b, ByteBuffer data, int to) {
    int n = Math.min(to - data.position(), b.remaining());
    int limit = data.limit();
    data.limit(data.position() + n);
    b.put(data);
    data.limit(limit);
  }

  private static int indexOfNewline(ByteBuffer data) {
    return ByteScan.indexOf(data, data.position(), data.limit(), (byte) '\n');
  }
}
