package dev.tend.control.server;

import dev.tend.api.FaultException;
import dev.tend.api.LogFollow;
import dev.tend.api.LogStream;
import dev.tend.api.ProcessInfo;
import dev.tend.api.SupervisorApi;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.ExecutionException;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.jspecify.annotations.Nullable;

/**
 * {@code GET /logtail/<namespec>[/stdout|/stderr]} (spec §3.7), what {@code supervisorctl tail -f}
 * reads: the last 1024 bytes of the process log, then every new write, as a chunked {@code
 * text/plain} response that ends only when the client goes or the log does. 404 for an unknown
 * process, an unknown channel, or a stream without a log file. Follows through {@link
 * SupervisorApi#followProcessLog}, so a rotated log is followed without a seam.
 */
final class LogtailStream implements ControlHandler.Route {
  static final int HISTORY_BYTES = 1024;
  private static final int BUFFER_BYTES = 256 * 1024;
  private static final int MAX_WRITE = 64 * 1024;
  private static final Duration WAKE = Duration.ofSeconds(30);

  private final SupervisorApi api;

  LogtailStream(SupervisorApi api) {
    this.api = api;
  }

  /** The namespec and stream a logtail path names, or null when it names none. */
  record Target(String namespec, LogStream stream) {}

  static @Nullable Target parse(String path) {
    String p = path;
    while (p.startsWith("/")) {
      p = p.substring(1);
    }
    int slash = p.indexOf('/');
    if (slash < 0 || !p.substring(0, slash).equals("logtail")) {
      return null;
    }
    String rest = p.substring(slash + 1);
    int sep = rest.indexOf('/');
    String name = sep < 0 ? rest : rest.substring(0, sep);
    String channel = sep < 0 ? "stdout" : rest.substring(sep + 1);
    if (name.isEmpty()) {
      return null;
    }
    return switch (channel) {
      case "stdout" -> new Target(name, LogStream.STDOUT);
      case "stderr" -> new Target(name, LogStream.STDERR);
      default -> null;
    };
  }

  @Override
  public void serve(Request request, Response response, Callback callback) {
    Target target = parse(ControlHandler.path(request));
    String logfile = target == null ? "" : logfile(target);
    if (target == null || logfile.isEmpty()) {
      ErrorPages.send(response, callback, HttpStatus.NOT_FOUND_404);
      return;
    }
    FollowedLog log = new FollowedLog(BUFFER_BYTES);
    LogFollow follow;
    try {
      follow = api.followProcessLog(target.namespec(), target.stream(), HISTORY_BYTES, log);
    } catch (FaultException e) {
      ErrorPages.send(response, callback, HttpStatus.NOT_FOUND_404);
      return;
    }
    try {
      startStream(request, response, Path.of(logfile));
      long position = 0;
      while (true) {
        FollowedLog.Slice s = log.read(position, MAX_WRITE, WAKE.toNanos());
        if (s.closed()) {
          break;
        }
        position = s.next();
        if (s.data().length > 0) {
          write(response, s.data());
        }
      }
      response.write(true, ByteBuffer.allocate(0), callback);
    } catch (IOException | ExecutionException e) {
      callback.failed(e); // the client went away
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      callback.failed(e); // the server is closing
    } finally {
      follow.close();
    }
  }

  private String logfile(Target t) {
    try {
      ProcessInfo info = api.getProcessInfo(t.namespec());
      return t.stream() == LogStream.STDOUT ? info.stdoutLogfile() : info.stderrLogfile();
    } catch (FaultException e) {
      return "";
    }
  }

  /** Headers as supervisord sends them, committed at once so the client sees the stream open. */
  static void startStream(Request request, Response response, Path file)
      throws IOException, ExecutionException, InterruptedException {
    // a quiet log is not an idle connection; a client that stops reading still times out
    request.addIdleTimeoutListener(timeout -> false);
    response.setStatus(HttpStatus.OK_200);
    if (Files.exists(file)) {
      response
          .getHeaders()
          .put(
              HttpHeader.LAST_MODIFIED,
              DateTimeFormatter.RFC_1123_DATE_TIME.format(
                  Files.getLastModifiedTime(file).toInstant().atOffset(ZoneOffset.UTC)));
    }
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/plain;charset=utf-8");
    response.getHeaders().put("X-Accel-Buffering", "no");
    write(response, new byte[0]);
  }

  /** Writes and waits until written (on a virtual thread, the wait costs no platform thread). */
  static void write(Response response, byte[] data)
      throws ExecutionException, InterruptedException {
    Callback.Completable done = new Callback.Completable();
    response.write(false, ByteBuffer.wrap(data), done);
    done.get();
  }
}
