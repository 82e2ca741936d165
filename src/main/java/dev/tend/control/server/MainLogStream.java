package dev.tend.control.server;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * {@code GET /mainlogtail} (spec §3.7): the supervisor's own log file, last 1024 bytes then
 * follows, polling the file every 100 ms as supervisord does (on a virtual thread, so a follower
 * costs no platform thread). 404 when the log goes to syslog or the file does not exist.
 */
final class MainLogStream implements Route {
  private static final Duration POLL = Duration.ofMillis(100);
  private static final int MAX_WRITE = 64 * 1024;

  // The main log of the current config; replaced by a reload.
  private volatile @Nullable Path logfile;

  MainLogStream(@Nullable Path logfile) {
    this.logfile = logfile;
  }

  /** A reload may move the main log. */
  void logfile(@Nullable Path file) {
    this.logfile = file;
  }

  @Override
  public void serve(Exchange ex) throws IOException, InterruptedException {
    Path file = logfile;
    FileTail tail;
    try {
      if (file == null || !Files.exists(file)) {
        ex.error(HttpStatus.NOT_FOUND);
        return;
      }
      tail = new FileTail(file, LogtailStream.HISTORY_BYTES);
    } catch (IOException e) {
      ex.error(HttpStatus.NOT_FOUND);
      return;
    }
    try (tail) {
      ChunkedStream out = LogtailStream.startStream(ex, file);
      while (true) {
        byte[] data = tail.poll(MAX_WRITE);
        if (data.length > 0) {
          out.write(data);
        } else {
          Thread.sleep(POLL);
        }
      }
    }
  }
}
