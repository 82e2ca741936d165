package dev.tend.logs;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;

/**
 * An append-only log file with supervisord's rotation rule (loggers.RotatingFileHandler): after
 * each write, if the file holds {@code maxBytes} or more, it is closed, {@code f.(N-1)} is renamed
 * to {@code f.N} ... {@code f} to {@code f.1}, and a fresh {@code f} is opened; with no backups the
 * file is truncated instead; {@code maxBytes} 0 never rotates. A file therefore exceeds {@code
 * maxBytes} by up to one write, and at most {@code backups + 1} files exist.
 *
 * <p>The file is opened lazily by the first write (or {@link #open}) and can be closed between runs
 * of a process so idle programs hold no descriptors. Special files such as {@code /dev/stdout}
 * work: they are written, never sized, never rotated. Only a path that is itself a regular file is
 * ever renamed or deleted: a symbolic link (such as {@code /dev/stdout} when the daemon's output
 * goes to a file) is written through but never rotated, and clearing empties its target in place,
 * where supervisord would move or delete the link itself. All methods are thread-safe; a write
 * never allocates once the JDK's temporary direct buffer is warm.
 */
public final class RotatingLogFile implements Closeable {
  private static final StandardOpenOption[] APPEND = {
    StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND
  };

  private final Path path;
  private final long maxBytes;
  private final int backups;
  private final ReentrantLock lock = new ReentrantLock();

  // Guarded by lock; null while closed.
  private @Nullable FileChannel channel;
  // Guarded by lock; bytes in the current file as last measured plus those written since.
  private long size;
  // Guarded by lock; false for pipes, ttys and devices, which are never sized or rotated.
  private boolean regular = true;
  // Guarded by lock; regular and not reached through a symbolic link: may be renamed and deleted.
  private boolean plain = true;
  // Guarded by lock; incremented each time a file is opened (open, reopen, rotation, remove).
  private long opens;

  private RotatingLogFile(Path path, long maxBytes, int backups) {
    this.path = path;
    this.maxBytes = maxBytes;
    this.backups = backups;
  }

  /**
   * A log file at {@code path}, not yet opened.
   *
   * @param maxBytes rotate once the file holds this many bytes; 0 = never
   * @param backups rotated copies kept; 0 = truncate on rotation
   */
  public static RotatingLogFile of(Path path, long maxBytes, int backups) {
    if (maxBytes < 0) {
      throw new IllegalArgumentException("maxBytes must be >= 0, got " + maxBytes + " for " + path);
    }
    if (backups < 0) {
      throw new IllegalArgumentException("backups must be >= 0, got " + backups + " for " + path);
    }
    return new RotatingLogFile(path, maxBytes, backups);
  }

  public Path path() {
    return path;
  }

  public long maxBytes() {
    return maxBytes;
  }

  public int backups() {
    return backups;
  }

  /** Opens the file for appending, creating it when missing; does nothing when already open. */
  public void open() throws IOException {
    lock.lock();
    try {
      ensureOpen();
    } finally {
      lock.unlock();
    }
  }

  /**
   * Creates the file when missing, as opening it would, and leaves it as open or closed as it was.
   * A regular file that is there and writable is only looked at (three system calls, where opening
   * and closing it took five, at every spawn).
   */
  public void create() throws IOException {
    lock.lock();
    try {
      if (channel == null && !writableRegularFile()) {
        ensureOpen();
        closeChannel();
      }
    } finally {
      lock.unlock();
    }
  }

  /** Whether the path itself (not a link) is a writable regular file; notes its size if so. */
  private boolean writableRegularFile() throws IOException {
    // (the JDK answers "if exists" without an exception when following links only)
    BasicFileAttributes a =
        path.getFileSystem().provider().readAttributesIfExists(path, BasicFileAttributes.class);
    if (a == null || !a.isRegularFile() || Files.isSymbolicLink(path) || !Files.isWritable(path)) {
      return false;
    }
    regular = true;
    plain = true;
    size = a.size();
    return true;
  }

  /**
   * Appends all of {@code src} (opening the file first when closed), then rotates when due. The
   * buffer's position is advanced past what was written, also when this throws.
   */
  public void write(ByteBuffer src) throws IOException {
    lock.lock();
    try {
      FileChannel ch = ensureOpen();
      while (src.hasRemaining()) {
        int n = ch.write(src);
        if (regular) {
          size += n;
        }
      }
      if (plain && maxBytes > 0 && size >= maxBytes) {
        rollOver();
      }
    } finally {
      lock.unlock();
    }
  }

  /**
   * Appends {@code len} bytes of {@code bytes} from {@code off}; see {@link #write(ByteBuffer)}.
   */
  public void write(byte[] bytes, int off, int len) throws IOException {
    write(ByteBuffer.wrap(bytes, off, len));
  }

  /**
   * SIGUSR2: closes and reopens the same name without renaming anything, so a file moved away by
   * logrotate is replaced by a new one. A closed file stays closed (the next write opens the name).
   */
  public void reopen() throws IOException {
    lock.lock();
    try {
      if (channel != null) {
        closeChannel();
        ensureOpen();
      }
    } finally {
      lock.unlock();
    }
  }

  /**
   * clearProcessLogs / clearLog: deletes the file and its backups, then starts an empty file, left
   * open or closed as it was.
   */
  public void remove() throws IOException {
    lock.lock();
    try {
      boolean wasOpen = channel != null;
      closeChannel();
      if (Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS)) {
        for (int i = 1; i <= backups; i++) {
          Files.deleteIfExists(backup(i));
        }
        Files.deleteIfExists(path);
      } else if (Files.isRegularFile(path)) {
        try (FileChannel target = FileChannel.open(path, StandardOpenOption.WRITE)) {
          target.truncate(0); // a link to a file: empty the file, keep the link
        }
      }
      ensureOpen();
      if (!wasOpen) {
        closeChannel();
      }
    } finally {
      lock.unlock();
    }
  }

  /** Closes the file; the next write opens it again. Idempotent. */
  @Override
  public void close() throws IOException {
    lock.lock();
    try {
      closeChannel();
    } finally {
      lock.unlock();
    }
  }

  public boolean isOpen() {
    lock.lock();
    try {
      return channel != null;
    } finally {
      lock.unlock();
    }
  }

  /** The current file's size as far as this writer knows (0 for special files). */
  public long size() {
    lock.lock();
    try {
      return size;
    } finally {
      lock.unlock();
    }
  }

  /** Whether the last opened file is a regular file (not a pipe, tty or device). */
  public boolean isRegular() {
    lock.lock();
    try {
      return regular;
    } finally {
      lock.unlock();
    }
  }

  /** How many times a file was opened; changes when the current file may hold other bytes. */
  long opens() {
    lock.lock();
    try {
      return opens;
    } finally {
      lock.unlock();
    }
  }

  /** The rotated copy {@code n} ({@code path.n}). */
  public Path backup(int n) {
    return path.resolveSibling(path.getFileName() + "." + n);
  }

  /** The files that exist, oldest first: {@code .N} ... {@code .1}, then the current file. */
  public List<Path> existingFiles() {
    List<Path> files = new ArrayList<>();
    for (int i = backups; i >= 1; i--) {
      if (Files.exists(backup(i))) {
        files.add(backup(i));
      }
    }
    if (Files.exists(path)) {
      files.add(path);
    }
    return files;
  }

  private FileChannel ensureOpen() throws IOException {
    FileChannel ch = channel;
    if (ch != null) {
      return ch;
    }
    ch = FileChannel.open(path, APPEND);
    regular = Files.isRegularFile(path);
    plain = regular && !Files.isSymbolicLink(path);
    size = regular ? ch.size() : 0;
    channel = ch;
    opens++;
    return ch;
  }

  private void rollOver() throws IOException {
    closeChannel();
    IOException failure = null;
    if (backups > 0) {
      try {
        for (int i = backups - 1; i >= 1; i--) {
          if (Files.exists(backup(i))) {
            moveIfPresent(backup(i), backup(i + 1));
          }
        }
        moveIfPresent(path, backup(1));
      } catch (IOException e) {
        failure = e; // keep the full file rather than lose it; the next write tries again
      }
    }
    FileChannel ch = ensureOpen();
    if (backups == 0 && size > 0) {
      ch.truncate(0);
      size = 0;
    }
    if (failure != null) {
      throw failure;
    }
  }

  private static void moveIfPresent(Path from, Path to) throws IOException {
    try {
      // rename(2): replaces the target atomically, as supervisord's remove-then-rename ends up.
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
    } catch (NoSuchFileException e) {
      // The source vanished (a cleanup script removed the active log): nothing to keep.
    }
  }

  private void closeChannel() throws IOException {
    FileChannel ch = channel;
    channel = null;
    if (ch != null) {
      ch.close();
    }
  }
}
