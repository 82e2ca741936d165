package dev.tend.logs;

import dev.tend.api.LogFollow;
import dev.tend.api.LogListener;
import dev.tend.api.LogStream;
import dev.tend.api.LogTail;
import dev.tend.config.LogFileSpec;
import dev.tend.config.ProcessConfig;
import dev.tend.config.StreamConfig;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * Everything one process has for its output: both streams (stderr has no file, and gets no bytes,
 * with {@code redirect_stderr}), each with its log file and in-memory tail. Made when the process's
 * group is added (AUTO files are created then, as supervisord does); a fresh {@link #sink} is asked
 * for at each spawn; {@link #close}d when the process is removed.
 *
 * <p>Threads: sinks are fed by the platform's I/O thread; {@link #clear}, {@link #reopen} and
 * {@link #close} come from the core's thread; everything else (reads, tails, follows, positions)
 * from any thread, and never blocks the I/O thread.
 */
public final class ProcessLogs implements AutoCloseable {
  private final ProcessConfig config;
  private final LogSettings settings;
  private final LogEvents events;
  private final SyslogWriter syslog;
  private final StreamLog stdout;
  private final StreamLog stderr;

  private ProcessLogs(
      ProcessConfig config,
      LogSettings settings,
      LogEvents events,
      SyslogWriter syslog,
      StreamLog stdout,
      StreamLog stderr) {
    this.config = config;
    this.settings = settings;
    this.events = ShieldedCallbacks.shield(events, config.name());
    this.syslog = ShieldedCallbacks.shield(syslog, config.name());
    this.stdout = stdout;
    this.stderr = stderr;
  }

  /**
   * The logs of one process; AUTO files are created in {@code settings.childlogdir()} now.
   *
   * @throws IOException when an AUTO file cannot be created (the group cannot be added)
   */
  public static ProcessLogs open(
      ProcessConfig config, LogSettings settings, LogEvents events, SyslogWriter syslog)
      throws IOException {
    StreamLog out = streamLog(config, settings, LogStream.STDOUT, config.stdout());
    StreamLog err =
        config.redirectStderr()
            ? new StreamLog(
                config.name(), LogStream.STDERR, null, settings.tailCapacity(), settings.clock())
            : streamLog(config, settings, LogStream.STDERR, config.stderr());
    return new ProcessLogs(config, settings, events, syslog, out, err);
  }

  private static StreamLog streamLog(
      ProcessConfig config, LogSettings settings, LogStream stream, StreamConfig sc)
      throws IOException {
    Path path =
        switch (sc.logfile()) {
          case LogFileSpec.None n -> null;
          case LogFileSpec.File f -> f.path();
          case LogFileSpec.Auto a ->
              AutoLogName.create(
                  settings.childlogdir(), config.name(), stream, settings.identifier());
        };
    RotatingLogFile file =
        path == null ? null : RotatingLogFile.of(path, sc.logfileMaxbytes(), sc.logfileBackups());
    return new StreamLog(config.name(), stream, file, settings.tailCapacity(), settings.clock());
  }

  /** The process's name (not its namespec), as its logs and messages show it. */
  public String name() {
    return config.name();
  }

  /** Whether the process has this stream of its own: stderr does not with redirect_stderr. */
  public boolean captures(LogStream stream) {
    return stream == LogStream.STDOUT || !config.redirectStderr();
  }

  /**
   * A sink for one stream of a spawn that is about to start. The stream's log file is created now
   * (so a path that cannot be written fails the spawn, as supervisord's does) and stays open until
   * every sink of it has seen end of file.
   *
   * @throws IOException the file cannot be created; supervisord reports {@code unknown error making
   *     dispatchers for 'NAME': ENOENT} (or the errno at hand) and backs off
   * @throws IllegalStateException for stderr with redirect_stderr, or after {@link #close}
   */
  public StreamCapture sink(LogStream stream) throws IOException {
    if (!captures(stream)) {
      throw new IllegalStateException(
          "process " + config.name() + " has redirect_stderr: its stderr has no sink");
    }
    StreamLog log = of(stream);
    log.attachSink();
    StreamConfig sc = stream == LogStream.STDOUT ? config.stdout() : config.stderr();
    return new StreamCapture(
        log, config.name(), stream, sc, settings.stripAnsi(), events, syslog, settings.clock());
  }

  /** The stream's log file, or null when it has none ({@code NONE}, or redirected stderr). */
  public @Nullable Path logfile(LogStream stream) {
    return of(stream).path();
  }

  /** {@code readProcess*Log} (spec §3.5); throws FaultException NO_FILE, BAD_ARGUMENTS, FAILED. */
  public byte[] read(LogStream stream, long offset, long length) {
    return LogFileReader.read(logfile(stream), offset, length);
  }

  /** {@code tailProcess*Log} (spec §3.5); no file reads as {@code ['', 0, false]}. */
  public LogTail tail(LogStream stream, long offset, long length) {
    return LogFileReader.tail(logfile(stream), offset, length);
  }

  /**
   * Follows a stream: first up to {@code historyBytes} of what it already holds (the tail buffer,
   * and the current file for more), then each byte that arrives, with no gap or repeat at the seam.
   * A listener that falls behind the tail buffer gets {@link LogListener#onGap}.
   */
  public LogFollow follow(LogStream stream, long historyBytes, LogListener listener) {
    return of(stream).follow(historyBytes, listener);
  }

  /**
   * The last {@code historyBytes} bytes of a stream (tail buffer first, then the file, up to 16
   * MiB) and the position after them, where a long-polling reader goes on with {@link #readSince}.
   */
  public LogChunk snapshot(LogStream stream, long historyBytes) {
    return of(stream).snapshot(historyBytes);
  }

  /**
   * Up to {@code max} bytes from {@code position}, how many bytes from there on are no longer in
   * memory, and the position after them. A position from the future (an earlier daemon) reads as
   * empty at the current end.
   */
  public LogChunk readSince(LogStream stream, long position, int max) {
    return of(stream).readSince(position, max);
  }

  /** Waits until the stream's end moves away from {@code position}; false on timeout. */
  public boolean awaitBeyond(LogStream stream, long position, Duration timeout)
      throws InterruptedException {
    return of(stream).awaitBeyond(position, timeout);
  }

  /** The stream's end position: how many bytes it has received since these logs were made. */
  public long position(LogStream stream) {
    return of(stream).tail().end();
  }

  /** Told after each append to a stream, on the I/O thread; must not block. */
  public void addListener(LogStream stream, TailBuffer.AppendListener listener) {
    of(stream).tail().addListener(listener);
  }

  public void removeListener(LogStream stream, TailBuffer.AppendListener listener) {
    of(stream).tail().removeListener(listener);
  }

  /**
   * {@code clearProcessLogs}: deletes both files and their backups and starts them empty; the
   * in-memory history goes too. Unlike supervisord 4.2.5, this works on a stopped process, and the
   * rotated backups are deleted as well.
   *
   * @throws IOException a file could not be deleted or created (the RPC's FAILED)
   */
  public void clear() throws IOException {
    forBoth(StreamLog::clear);
  }

  /** SIGUSR2: reopens the open files under their names (after an outside rotation). */
  public void reopen() throws IOException {
    forBoth(StreamLog::reopen);
  }

  /** The process was removed: files close, follows end ({@code process removed}). */
  @Override
  public void close() {
    stdout.close("process removed");
    stderr.close("process removed");
  }

  /** An operation on one stream's files. */
  @FunctionalInterface
  private interface FileAction {
    void apply(StreamLog log) throws IOException;
  }

  /**
   * Applies {@code action} to both streams, even when the first fails; throws the first failure.
   */
  private void forBoth(FileAction action) throws IOException {
    IOException failure = null;
    for (StreamLog s : new StreamLog[] {stdout, stderr}) {
      try {
        action.apply(s);
      } catch (IOException e) {
        if (failure == null) {
          failure = e;
        } else {
          failure.addSuppressed(e);
        }
      }
    }
    if (failure != null) {
      throw failure;
    }
  }

  private StreamLog of(LogStream stream) {
    return stream == LogStream.STDOUT ? stdout : stderr;
  }
}
