package dev.tend.logs;

import dev.tend.api.LogListener;
import dev.tend.api.LogStream;
import dev.tend.api.PythonText;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where one stream of one process is kept: its log file (none for {@code NONE}) and its tail
 * buffer, which receive the same bytes in the same order. Writes come from the I/O thread (through
 * the spawn's {@link StreamCapture}), clear/reopen/close from the core thread, both under one lock;
 * readers never take it.
 *
 * <p>To serve history older than the buffer from the file, it keeps a {@link FileMap}: the stream
 * position at which the current file's offset 0 lies. The map is replaced whenever a file is
 * opened, and voided when a write fails, so a reader can tell whether the file still holds what it
 * expects.
 */
final class StreamLog {
  private static final Logger LOG = LoggerFactory.getLogger(StreamLog.class);

  /** Stream position of the current file's offset 0; {@code valid} false when unknown. */
  record FileMap(long base, boolean valid) {
    static final FileMap UNKNOWN = new FileMap(0, false);
  }

  private final String processName;
  private final LogStream stream;
  private final @Nullable RotatingLogFile file;
  private final TailBuffer tail;
  private final TimeIndex times = new TimeIndex();
  private final Clock clock;
  private final ReentrantLock lock = new ReentrantLock();
  private final Set<LogFollower> follows = ConcurrentHashMap.newKeySet();

  // Written under lock; read by any thread.
  private volatile FileMap map = FileMap.UNKNOWN;
  // Under lock: sinks handed out and not yet at end of file; the file is closed when none remain.
  private int sinks;
  // Under lock: the last file write failed (reported once until a write succeeds).
  private boolean failing;
  // Set once under lock; no sink, write or follow is accepted afterwards.
  private volatile boolean closed;

  StreamLog(
      String processName,
      LogStream stream,
      @Nullable RotatingLogFile file,
      int capacity,
      Clock clock) {
    this.processName = processName;
    this.clock = clock;
    this.stream = stream;
    this.file = file;
    this.tail = new TailBuffer(capacity);
    if (file != null) {
      // A file left by an earlier run ends where this stream's position 0 begins.
      long existing = sizeOnDisk(file.path());
      map = existing < 0 ? FileMap.UNKNOWN : new FileMap(-existing, true);
    }
  }

  @Nullable Path path() {
    return file == null ? null : file.path();
  }

  TailBuffer tail() {
    return tail;
  }

  /** Whether someone follows or waits for this stream's bytes now: they must get them at once. */
  boolean urgent() {
    return !follows.isEmpty() || tail.awaited();
  }

  /** A spawn is about to write: the file is created now (as supervisord opens it at spawn). */
  void attachSink() throws IOException {
    lock.lock();
    try {
      if (closed) {
        throw new IllegalStateException(describe() + " logs are closed");
      }
      if (file != null) {
        if (!file.isOpen()) {
          file.create();
          map = remap(file);
        }
      }
      sinks++;
    } finally {
      lock.unlock();
    }
  }

  /** A spawn's stream ended; the file is closed when no other spawn still writes to it. */
  void detachSink() {
    lock.lock();
    try {
      sinks = Math.max(0, sinks - 1);
      if (sinks == 0 && file != null) {
        closeQuietly(file);
      }
    } finally {
      lock.unlock();
    }
  }

  /** Appends {@code data} (consuming it) to the file, then to the tail buffer. I/O thread. */
  void append(ByteBuffer data) {
    lock.lock();
    try {
      if (closed) {
        data.position(data.limit());
        return;
      }
      if (data.hasRemaining()) {
        times.arrived(tail.end(), clock.millis());
      }
      if (file == null) {
        tail.append(data);
        return;
      }
      long opensBefore = file.opens();
      boolean written = writeFile(file, data);
      tail.append(data);
      if (!written) {
        map = FileMap.UNKNOWN;
      } else if (file.opens() != opensBefore) {
        map = remap(file);
      }
    } finally {
      lock.unlock();
    }
  }

  /** clearProcessLogs: the file and its backups are deleted and started again; history is gone. */
  void clear() throws IOException {
    lock.lock();
    try {
      tail.discard();
      if (file != null) {
        try {
          file.remove();
        } finally {
          map = remap(file);
        }
      }
    } finally {
      lock.unlock();
    }
  }

  /** SIGUSR2: the file is reopened under its name. */
  void reopen() throws IOException {
    lock.lock();
    try {
      if (file != null && file.isOpen()) {
        try {
          file.reopen();
        } finally {
          map = remap(file);
        }
      }
    } finally {
      lock.unlock();
    }
  }

  /** The process is gone: the file is closed and every follow ends with {@code reason}. */
  void close(String reason) {
    lock.lock();
    try {
      closed = true;
      if (file != null) {
        closeQuietly(file);
      }
    } finally {
      lock.unlock();
    }
    tail.close();
    for (LogFollower f : follows) {
      f.end(reason);
    }
  }

  /** The last {@code historyBytes} bytes: from the buffer, and from the file for older ones. */
  LogChunk snapshot(long historyBytes) {
    return FileHistory.snapshot(
        tail, file == null ? null : file.path(), this::fileMap, historyBytes);
  }

  LogChunk readSince(long position, int max) {
    return tail.read(position, max);
  }

  boolean awaitBeyond(long position, Duration timeout) throws InterruptedException {
    return tail.awaitBeyond(position, timeout);
  }

  LogFollower follow(long historyBytes, LogListener listener) {
    LogFollower f = new LogFollower(describe(), tail, listener, follows::remove);
    follows.add(f);
    if (closed) {
      f.end("process removed");
      return f;
    }
    LogChunk history = snapshot(historyBytes);
    f.start(history, times.times(history.start(), history.end()));
    return f;
  }

  /** When the bytes arrived, coarsely. */
  TimeIndex times() {
    return times;
  }

  FileMap fileMap() {
    return map;
  }

  /** Writes {@code data} to the file, leaving its position where it was; false on failure. */
  private boolean writeFile(RotatingLogFile f, ByteBuffer data) {
    int start = data.position();
    try {
      f.write(data);
      if (failing) {
        failing = false;
        LOG.info("writing {} log {} again", describe(), f.path());
      }
      return true;
    } catch (IOException e) {
      if (!failing) {
        failing = true;
        LOG.error(
            "cannot write {} log {}: {}; its output is kept in memory only",
            describe(),
            f.path(),
            e.toString());
      }
      return false;
    } finally {
      data.position(start);
    }
  }

  /**
   * The map after a file was (re)opened. A file that starts empty maps exactly; one that did not
   * keeps the old knowledge: a file known to have a hole (a failed write) stays unknown.
   */
  private FileMap remap(RotatingLogFile f) {
    if (!f.isRegular() || (!map.valid() && f.size() != 0)) {
      return FileMap.UNKNOWN;
    }
    return new FileMap(tail.end() - f.size(), true);
  }

  private static long sizeOnDisk(Path path) {
    try {
      if (!Files.exists(path)) {
        return 0;
      }
      return Files.isRegularFile(path) ? Files.size(path) : -1;
    } catch (IOException e) {
      return -1;
    }
  }

  private void closeQuietly(RotatingLogFile f) {
    try {
      f.close();
    } catch (IOException e) {
      LOG.warn("cannot close {} log {}: {}", describe(), f.path(), e.toString());
    }
  }

  private String describe() {
    return PythonText.repr(processName) + " " + stream.word();
  }
}
