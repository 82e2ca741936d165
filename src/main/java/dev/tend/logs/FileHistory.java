package dev.tend.logs;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * History of a stream longer than its tail buffer holds: the buffer's bytes, preceded by the bytes
 * just before them in the current log file, joined without a gap or a repeat. The join is trusted
 * only when the file map did not change during the read, the file is long enough, and the file's
 * bytes at the seam equal the buffer's first bytes; otherwise the buffer's bytes alone are the
 * answer (backups are not read).
 */
final class FileHistory {
  /** The most history one call returns. */
  static final long MAX_HISTORY = 16L * 1024 * 1024;

  private static final int OVERLAP = 256;

  private FileHistory() {}

  static LogChunk snapshot(
      TailBuffer tail, @Nullable Path path, Supplier<StreamLog.FileMap> maps, long historyBytes) {
    if (historyBytes < 0) {
      throw new IllegalArgumentException("history must be >= 0 bytes, got " + historyBytes);
    }
    long wanted = Math.min(historyBytes, MAX_HISTORY);
    StreamLog.FileMap map = maps.get();
    LogChunk held = tail.latest((int) Math.min(wanted, tail.capacity()));
    long missing = wanted - held.length();
    if (missing <= 0 || path == null || !map.valid()) {
      return held;
    }
    long seam = held.start() - map.base(); // the file offset of the first held byte
    long from = Math.max(0, seam - missing);
    if (seam <= from) {
      return held;
    }
    int overlap = Math.min(OVERLAP, held.length());
    byte @Nullable [] older = read(path, from, seam, held.bytes(), overlap);
    if (older == null || maps.get() != map) {
      return held;
    }
    byte[] joined = Arrays.copyOf(older, older.length + held.length());
    System.arraycopy(held.bytes(), 0, joined, older.length, held.length());
    return new LogChunk(joined, 0, held.end());
  }

  /** File bytes {@code [from, seam)}, or null when the file does not continue into {@code held}. */
  private static byte @Nullable [] read(Path path, long from, long seam, byte[] held, int overlap) {
    if (!Files.isRegularFile(path)) {
      return null; // never open a pipe or a tty for reading
    }
    try (FileChannel ch = FileChannel.open(path, StandardOpenOption.READ)) {
      if (ch.size() < seam + overlap) {
        return null;
      }
      ByteBuffer buf = ByteBuffer.allocate((int) (seam - from) + overlap);
      long pos = from;
      while (buf.hasRemaining()) {
        int n = ch.read(buf, pos);
        if (n < 0) {
          return null;
        }
        pos += n;
      }
      byte[] bytes = buf.array();
      int older = (int) (seam - from);
      if (!Arrays.equals(bytes, older, older + overlap, held, 0, overlap)) {
        return null;
      }
      return Arrays.copyOf(bytes, older);
    } catch (IOException e) {
      return null;
    }
  }
}
