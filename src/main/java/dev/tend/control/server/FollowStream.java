package dev.tend.control.server;

import dev.tend.api.FaultException;
import dev.tend.api.LineTimes;
import dev.tend.api.LogStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * {@code GET /tend/follow?name=N&stream=S[&position=P][&history=H][&interval=MS][&times=1]}: a
 * process log followed in one endless response (docs/PROTOCOL.md, "Streaming follow"), instead of
 * one {@code tend.followProcessLog} call per batch. It is that method's loop, run on the server:
 * the same sessions ({@link FollowSessions}), positions and loss accounting, so a client that loses
 * the connection resumes from its last position with a new request. Each answer of the loop goes
 * out as a frame at once: {@code D <position> <lost> <length>\n} and the bytes (empty: still
 * there), or {@code E <faultCode> <faultString>\n}, which ends the stream. With an interval, a
 * frame that brought little is followed by the next no sooner than that, so a chatty log costs one
 * write per interval, not one per line.
 */
final class FollowStream implements Route {
  static final String PATH = "/tend/follow";
  static final String CONTENT_TYPE = "application/x-tend-follow";

  /** A quiet log sends an empty frame this often: the client knows the server is there. */
  static final Duration HEARTBEAT = Duration.ofSeconds(20);

  /** A frame this big means more is waiting: the next goes at once, interval or not. */
  private static final int BIG_FRAME = 64 * 1024;

  private static final int MAX_INTERVAL_MILLIS = 1000;

  private final FollowSessions follows;

  FollowStream(FollowSessions follows) {
    this.follows = follows;
  }

  @Override
  public void serve(Exchange ex) throws IOException, InterruptedException {
    if (BrowserGuard.crossSite(ex) != null) {
      ex.refuseSaying(HttpStatus.FORBIDDEN, BrowserGuard.CROSS_SITE_REFUSED);
      return;
    }
    Map<String, String> q = query(ex.query());
    String name = q.getOrDefault("name", "");
    LogStream stream;
    int history;
    long intervalNanos;
    try {
      stream = TendMethods.stream(q.getOrDefault("stream", "stdout"));
      history = number(q.getOrDefault("history", "0"), Integer.MAX_VALUE);
      intervalNanos = number(q.getOrDefault("interval", "0"), MAX_INTERVAL_MILLIS) * 1_000_000L;
    } catch (FaultException | NumberFormatException e) {
      ex.error(HttpStatus.BAD_REQUEST);
      return;
    }
    if (name.isEmpty()) {
      ex.error(HttpStatus.BAD_REQUEST);
      return;
    }
    ex.streamUntilClientGoes();
    ChunkedStream out = ex.stream(CONTENT_TYPE, "X-Accel-Buffering: no");
    boolean times = q.getOrDefault("times", "0").equals("1");
    pump(out, name, stream, q.getOrDefault("position", ""), history, intervalNanos, times);
  }

  private void pump(
      ChunkedStream out,
      String name,
      LogStream stream,
      String position,
      int history,
      long intervalNanos,
      boolean times)
      throws IOException, InterruptedException {
    String at = position;
    Duration wait = Duration.ZERO; // the first frame at once: the client learns its position
    while (true) {
      long began = System.nanoTime();
      FollowSessions.Chunk c;
      try {
        c = follows.follow(name, stream, at, history, wait);
      } catch (FaultException e) {
        if (Thread.interrupted()) {
          throw new InterruptedException("the server is closing"); // the client resumes
        }
        out.write(ByteBuffer.wrap(errorFrame(e)));
        out.finish();
        return;
      }
      LineTimes marks = c.times();
      if (times && marks != null) {
        out.write(ByteBuffer.wrap(timesFrame(marks)));
      }
      out.write(ByteBuffer.wrap(dataHead(c)), ByteBuffer.wrap(c.data()));
      at = c.position();
      wait = HEARTBEAT;
      int n = c.data().length;
      if (intervalNanos > 0 && n > 0 && n < BIG_FRAME) {
        long left = began + intervalNanos - System.nanoTime();
        if (left > 0) {
          Thread.sleep(Duration.ofNanos(left));
        }
      }
    }
  }

  static byte[] dataHead(FollowSessions.Chunk c) {
    return ("D " + c.position() + " " + c.lost() + " " + c.data().length + "\n")
        .getBytes(StandardCharsets.US_ASCII);
  }

  /**
   * {@code T <length>\n} and that many bytes: {@code offset millis} pairs, space-separated, saying
   * when the bytes of the data frame that follows (the history) arrived.
   */
  static byte[] timesFrame(LineTimes times) {
    long[] offsets = times.offsets();
    long[] millis = times.millis();
    StringBuilder body = new StringBuilder(offsets.length * 24);
    for (int i = 0; i < offsets.length; i++) {
      body.append(i == 0 ? "" : " ").append(offsets[i]).append(' ').append(millis[i]);
    }
    byte[] b = body.toString().getBytes(StandardCharsets.US_ASCII);
    byte[] head = ("T " + b.length + "\n").getBytes(StandardCharsets.US_ASCII);
    byte[] frame = java.util.Arrays.copyOf(head, head.length + b.length);
    System.arraycopy(b, 0, frame, head.length, b.length);
    return frame;
  }

  static byte[] errorFrame(FaultException e) {
    String text = e.faultString().replace('\n', ' ').replace('\r', ' ');
    return ("E " + e.code() + " " + text + "\n").getBytes(StandardCharsets.UTF_8);
  }

  private static int number(String text, int max) {
    if (text.isEmpty() || text.length() > 10 || !text.chars().allMatch(Character::isDigit)) {
      throw new NumberFormatException("not a non-negative number: " + text);
    }
    return (int) Math.min(max, Long.parseLong(text));
  }

  /** The parameters of a query string, percent-decoded ({@code +} is a space, as in forms). */
  static Map<String, String> query(String query) {
    Map<String, String> out = new HashMap<>();
    for (String pair : query.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String key = eq < 0 ? pair : pair.substring(0, eq);
      String value = eq < 0 ? "" : pair.substring(eq + 1);
      out.putIfAbsent(
          TargetPath.decode(key.replace('+', ' ')), TargetPath.decode(value.replace('+', ' ')));
    }
    return out;
  }
}
