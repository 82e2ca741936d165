package dev.tend.control.server;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.jspecify.annotations.Nullable;

/**
 * {@code GET /mainlogtail} (spec §3.7): the supervisor's own log file, last 1024 bytes then
 * follows, polling the file every 100 ms as supervisord does (on a virtual thread, so a follower
 * costs no platform thread). 404 when the log goes to syslog or the file does not exist.
 */
final class MainLogStream implements ControlHandler.Route {
  private static final Duration POLL = Duration.ofMillis(100);
  private static final int MAX_WRITE = 64 * 1024;

  private final @Nullable Path logfile;

  MainLogStream(@Nullable Path logfile) {
    this.logfile = logfile;
  }

  @Override
  public void serve(Request request, Response response, Callback callback) {
    Path file = logfile;
    FileTail tail;
    try {
      if (file == null || !Files.exists(file)) {
        ErrorPages.send(response, callback, HttpStatus.NOT_FOUND_404);
        return;
      }
      tail = new FileTail(file, LogtailStream.HISTORY_BYTES);
    } catch (IOException e) {
      ErrorPages.send(response, callback, HttpStatus.NOT_FOUND_404);
      return;
    }
    try (tail) {
      LogtailStream.startStream(request, response, file);
      while (true) {
        byte[] data = tail.poll(MAX_WRITE);
        if (data.length > 0) {
          LogtailStream.write(response, data);
        } else {
          Thread.sleep(POLL);
        }
      }
    } catch (IOException | ExecutionException e) {
      callback.failed(e); // the client went away, or the file cannot be read
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      callback.failed(e); // the server is closing
    }
  }
}
