package dev.tend.logs;

import dev.tend.api.Fault;
import dev.tend.api.FaultException;
import dev.tend.api.LogTail;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a log file the way supervisord's RPCs do (spec §3.5; options.readFile and tailFile), for
 * child logs and the main log alike. Only regular files are read: a pipe or tty (a log configured
 * as {@code /dev/stdout}) reads as an I/O error instead of stealing or blocking on its data.
 */
public final class LogFileReader {
  /** The most one read returns; a larger read fails rather than exhaust the daemon's memory. */
  public static final int MAX_READ = 64 * 1024 * 1024;

  private static final Logger LOG = LoggerFactory.getLogger(LogFileReader.class);
  private static final byte[] EMPTY = new byte[0];

  private LogFileReader() {}

  /**
   * {@code readLog}/{@code readProcess*Log}: {@code length} bytes from {@code offset} (0 = to the
   * end); a negative offset with length 0 reads the last {@code -offset} bytes.
   *
   * @param path the log file; null when there is none ({@code NONE})
   * @throws FaultException NO_FILE (with the path) when there is no file, BAD_ARGUMENTS for a
   *     negative length or a negative offset with a non-zero length, FAILED on an I/O error
   */
  public static byte[] read(@Nullable Path path, long offset, long length) {
    if (path == null) {
      throw new FaultException(Fault.NO_FILE);
    }
    if (!Files.exists(path)) {
      throw new FaultException(Fault.NO_FILE, path.toString());
    }
    try (FileChannel ch = openRegular(path)) {
      long size = ch.size();
      long from;
      long count;
      if (offset < 0) {
        if (length != 0) {
          throw new FaultException(Fault.BAD_ARGUMENTS);
        }
        long back = offset == Long.MIN_VALUE ? Long.MAX_VALUE : -offset;
        from = Math.max(0, size - back);
        count = size - from;
      } else {
        if (length < 0) {
          throw new FaultException(Fault.BAD_ARGUMENTS);
        }
        from = offset;
        long available = Math.max(0, size - offset);
        count = length == 0 ? available : Math.min(length, available);
      }
      return readAt(ch, path, from, count);
    } catch (IOException e) {
      throw new FaultException(Fault.FAILED);
    }
  }

  /**
   * {@code tailProcess*Log}: the last bytes up to {@code length}, the file's size as the next
   * offset, and whether bytes after {@code offset} were skipped; exactly supervisord's arithmetic,
   * quirks included (it may resend bytes before {@code offset}; a negative length reads nothing).
   * No file reads as {@code ['', 0, false]}; an I/O error as {@code ['', offset, false]}.
   */
  public static LogTail tail(@Nullable Path path, long offset, long length) {
    if (path == null || !Files.exists(path)) {
      return new LogTail(EMPTY, 0, false);
    }
    try (FileChannel ch = openRegular(path)) {
      long size = ch.size();
      boolean overflow = false;
      long off = offset;
      long len = length;
      if (size > off + len) {
        overflow = true;
        off = size - 1;
      }
      if (off + len > size) {
        if (off > size - 1) {
          len = 0;
        }
        off = size - len;
      }
      off = Math.max(0, off);
      len = Math.max(0, len);
      byte[] data = len == 0 ? EMPTY : readAt(ch, path, off, Math.min(len, size - off));
      return new LogTail(data, size, overflow);
    } catch (IOException e) {
      return new LogTail(EMPTY, offset, false);
    }
  }

  private static FileChannel openRegular(Path path) throws IOException {
    if (!Files.isRegularFile(path)) {
      throw new IOException(path + " is not a regular file");
    }
    return FileChannel.open(path, StandardOpenOption.READ);
  }

  private static byte[] readAt(FileChannel ch, Path path, long from, long count)
      throws IOException {
    if (count <= 0) {
      return EMPTY;
    }
    if (count > MAX_READ) {
      LOG.warn("refused to read {} bytes of {} at once (the limit is {})", count, path, MAX_READ);
      throw new IOException("read of " + count + " bytes exceeds " + MAX_READ);
    }
    ByteBuffer buf = ByteBuffer.allocate((int) count);
    long pos = from;
    while (buf.hasRemaining()) {
      int n = ch.read(buf, pos);
      if (n < 0) {
        break; // the file shrank meanwhile: return what is there
      }
      pos += n;
    }
    return buf.position() == count ? buf.array() : Arrays.copyOf(buf.array(), buf.position());
  }
}
