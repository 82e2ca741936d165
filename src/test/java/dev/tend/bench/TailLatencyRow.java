package dev.tend.bench;

import dev.tend.api.LogFollow;
import dev.tend.api.LogListener;
import dev.tend.api.LogStream;
import dev.tend.control.client.RemoteSupervisor;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A program writes lines stamped with CLOCK_MONOTONIC (System.nanoTime's clock); a client measures
 * each line's age when it sees it, two ways. A follow as the console makes it: tend streams it
 * ({@code GET /tend/follow}); supervisord has no push, so the client polls {@code
 * readProcessStdoutLog} every 10 ms, as the figure did. And {@code GET /logtail}, what
 * {@code ctl tail -f} and supervisorctl read, against both.
 */
final class TailLatencyRow implements Row {
  private static final long POLL_MILLIS = 10;

  @Override
  public String id() {
    return "tail";
  }

  @Override
  public String title() {
    return "tail latency, line written -> seen by a client";
  }

  @Override
  public List<Metric> metrics() {
    return List.of(
        Metric.lower("median", "follow: latency, median", "ms", 1.0),
        Metric.lower("p90", "follow: latency, 90th percentile", "ms", null),
        Metric.lower("logtail_median", "tail -f (/logtail): latency, median", "ms", 1.0),
        Metric.lower("logtail_p90", "tail -f (/logtail): latency, 90th percentile", "ms", 0.05),
        Metric.atMost("missed", "lines not seen", "lines", 0));
  }

  @Override
  public Map<String, Double> measure(Contender c, RunContext ctx) throws Exception {
    int lines = ctx.pick(150, 30);
    BenchConfig cfg = ctx.config(id(), c);
    Path goFollow = cfg.dir().resolve("go-follow");
    Path goTail = cfg.dir().resolve("go-tail");
    cfg.program("ticker", ctx.python("ticker.py", lines, 20, goFollow));
    cfg.program("tailed", ctx.python("ticker.py", lines, 20, goTail)).write();
    try (DaemonRun d = DaemonRun.start(c, ctx.root(), cfg)) {
      d.await(MainLogWatch.SUCCESS, 2, Duration.ofSeconds(60));
      try (RemoteSupervisor client = Control.connect(d, cfg, Duration.ofSeconds(30))) {
        Ages follow = ages(lines, goFollow, follow(c, client));
        Ages tail =
            ages(
                lines,
                goTail,
                a -> {
                  LogFollow f = client.logtail("tailed", LogStream.STDOUT, a);
                  return f::close;
                });
        double[] ms = follow.millis();
        double[] tms = tail.millis();
        Map<String, Double> out = new LinkedHashMap<>();
        out.put("median", ms.length == 0 ? Double.NaN : ms[ms.length / 2]);
        out.put("p90", ms.length == 0 ? Double.NaN : ms[ms.length * 9 / 10]);
        out.put("logtail_median", tms.length == 0 ? Double.NaN : tms[tms.length / 2]);
        out.put("logtail_p90", tms.length == 0 ? Double.NaN : tms[tms.length * 9 / 10]);
        out.put("missed", (double) (2 * lines - ms.length - tms.length));
        return out;
      }
    }
  }

  /** How a client follows: started on an {@link Ages}, stopped by closing what it returns. */
  private interface Follower {
    AutoCloseable start(Ages ages) throws Exception;
  }

  /** Starts the follower, lets the program write its lines, and returns their ages. */
  private static Ages ages(int lines, Path go, Follower follower) throws Exception {
    Ages ages = new Ages(lines);
    AutoCloseable f = follower.start(ages);
    try {
      Thread.sleep(300); // the follow is attached, and has read what the log held
      ages.reset();
      Files.writeString(go, "go");
      ages.done.await(lines * 40L + 5000, TimeUnit.MILLISECONDS);
    } finally {
      f.close();
    }
    return ages;
  }

  private static Follower follow(Contender c, RemoteSupervisor client) {
    return ages -> follow(c, client, ages);
  }

  private static AutoCloseable follow(Contender c, RemoteSupervisor client, Ages ages) {
    if (c == Contender.TEND) {
      LogFollow f = client.followProcessLog("ticker", LogStream.STDOUT, 0, ages);
      return f::close;
    }
    AtomicBoolean stop = new AtomicBoolean();
    Thread poller =
        Thread.ofPlatform()
            .name("bench-poll")
            .daemon()
            .start(
                () -> {
                  long offset = 0;
                  while (!stop.get()) {
                    // readProcessStdoutLog(offset, 0) gives exactly the bytes after offset;
                    // tailProcessStdoutLog would give the last `length` bytes again and again
                    byte[] data = client.readProcessLog("ticker", LogStream.STDOUT, offset, 0);
                    offset += data.length;
                    if (data.length > 0) {
                      ages.onData(data);
                    }
                    try {
                      Thread.sleep(POLL_MILLIS);
                    } catch (InterruptedException e) {
                      return;
                    }
                  }
                });
    return () -> {
      stop.set(true);
      poller.interrupt();
      poller.join(5000);
    };
  }

  /** Turns received bytes into the age of each complete line; called on one thread at a time. */
  private static final class Ages implements LogListener {
    final CountDownLatch done;
    private final ByteArrayOutputStream partial = new ByteArrayOutputStream(); // an unfinished line
    private final List<Double> millis = new ArrayList<>(); // guarded by this

    Ages(int expected) {
      this.done = new CountDownLatch(expected);
    }

    /** Forgets what came before the program started writing (the log's history). */
    synchronized void reset() {
      millis.clear();
      partial.reset();
    }

    @Override
    public synchronized void onData(byte[] data) {
      long now = System.nanoTime();
      for (byte b : data) {
        if (b != '\n') {
          partial.write(b);
          continue;
        }
        String line = partial.toString(StandardCharsets.US_ASCII).trim();
        partial.reset();
        if (!line.isEmpty()) {
          millis.add((now - Long.parseLong(line)) / 1e6);
          done.countDown();
        }
      }
    }

    @Override
    public void onGap(long bytes) {}

    @Override
    public void onClosed(String reason) {}

    synchronized double[] millis() {
      return millis.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    }
  }
}
