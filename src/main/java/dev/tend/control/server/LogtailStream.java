package dev.tend.control.server;

import dev.tend.api.FaultException;
import dev.tend.api.LogFollow;
import dev.tend.api.LogStream;
import dev.tend.api.ProcessInfo;
import dev.tend.api.SupervisorApi;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * {@code GET /logtail/<namespec>[/stdout|/stderr]} (spec §3.7), what {@code supervisorctl tail -f}
 * reads: the last 1024 bytes of the process log, then every new write, as a chunked {@code
 * text/plain} response that ends only when the client goes or the log does. 404 for an unknown
 * process, an unknown channel, or a stream without a log file. Follows through {@link
 * SupervisorApi#followProcessLog}, so a rotated log is followed without a seam.
 */
final class LogtailStream implements Route {
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
  public void serve(Exchange ex) throws IOException, InterruptedException {
    Target target = parse(ex.path());
    String logfile = target == null ? "" : logfile(target);
    if (target == null || logfile.isEmpty()) {
      ex.error(HttpStatus.NOT_FOUND);
      return;
    }
    FollowedLog log = new FollowedLog(BUFFER_BYTES);
    LogFollow follow;
    try {
      follow = api.followProcessLog(target.namespec(), target.stream(), HISTORY_BYTES, log);
    } catch (FaultException e) {
      ex.error(HttpStatus.NOT_FOUND);
      return;
    }
    try {
      ChunkedStream out = startStream(ex, Path.of(logfile));
      long position = 0;
      while (true) {
        FollowedLog.Slice s = log.read(position, MAX_WRITE, WAKE.toNanos());
        if (s.closed()) {
          break;
        }
        position = s.next();
        if (s.data().length > 0) {
          out.write(s.data());
        }
      }
      out.finish();
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

  /** Headers as supervisord sends them, sent at once so the client sees the stream open. */
  static ChunkedStream startStream(Exchange ex, Path file) throws IOException {
    // a quiet log is not an idle connection; a client that stops reading still times out
    ex.streamUntilClientGoes();
    String modified = null;
    if (Files.exists(file)) {
      modified = "Last-Modified: " + HttpDate.format(Files.getLastModifiedTime(file).toInstant());
    }
    String[] headers =
        modified == null
            ? new String[] {"X-Accel-Buffering: no"}
            : new String[] {modified, "X-Accel-Buffering: no"};
    return ex.stream("text/plain;charset=utf-8", headers);
  }
}
