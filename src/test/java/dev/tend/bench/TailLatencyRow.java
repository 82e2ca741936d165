package dev.tend.bench;

import dev.tend.api.LogFollow;
import dev.tend.api.LogListener;
import dev.tend.api.LogStream;
import dev.tend.control.client.RemoteSupervisor;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A program writes lines stamped with CLOCK_MONOTONIC (System.nanoTime's clock); a client measures
 * each line's age when it sees it, two ways. Through the API in this JVM: tend pushes ({@code
 * tend.followProcessLog}); supervisord has no push, so the client polls {@code
 * readProcessStdoutLog} every 10 ms. And as a person sees it: {@code tend ctl tail -f} and {@code
 * supervisorctl tail -f}, each a whole process whose printed lines the harness reads from a pipe
 * (the figure). Each way has its own program and its own go file, one after the other.
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
        Metric.lower("median", "API follow: latency, median", "ms", 0.5),
        Metric.lower("p90", "API follow: latency, 90th percentile", "ms", null),
        Metric.atMost("missed", "API follow: lines not seen", "lines", 0),
        Metric.lower("ctlMedian", "ctl tail -f: latency, median", "ms", 1.0),
        Metric.lower("ctlP90", "ctl tail -f: latency, 90th percentile", "ms", 0.05),
        Metric.atMost("ctlMissed", "ctl tail -f: lines not seen", "lines", 0));
  }

  @Override
  public Map<String, Double> measure(Contender c, RunContext ctx) throws Exception {
    int lines = ctx.pick(150, 30);
    BenchConfig cfg = ctx.config(id(), c);
    Path go = cfg.dir().resolve("go");
    Path goCtl = cfg.dir().resolve("go-ctl");
    cfg.program("ticker", ctx.python("ticker.py", lines, 20, go));
    cfg.program("tickerctl", ctx.python("ticker.py", lines, 20, goCtl)).write();
    try (DaemonRun d = DaemonRun.start(c, ctx.root(), cfg)) {
      d.await(MainLogWatch.SUCCESS, 2, Duration.ofSeconds(60));
      Map<String, Double> out = new LinkedHashMap<>();
      try (RemoteSupervisor client = Control.connect(d, cfg, Duration.ofSeconds(30))) {
        Ages ages = new Ages(lines);
        AutoCloseable follow = follow(c, client, ages);
        try {
          Thread.sleep(300); // the follow is attached
          Files.writeString(go, "go");
          ages.done.await(lines * 40L + 5000, TimeUnit.MILLISECONDS);
        } finally {
          follow.close();
        }
        figures(ages, lines, "median", "p90", "missed", out);
      }
      Ages printed = new Ages(lines);
      Process ctl = startTailF(c, ctx, cfg, printed);
      try {
        // Its follow is attached: the JVM or Python started and connected (tend's ctl prints its
        // banner to a pipe only with the first bytes of the log, so there is nothing to wait for)
        Thread.sleep(2000);
        Files.writeString(goCtl, "go");
        printed.done.await(lines * 40L + 5000, TimeUnit.MILLISECONDS);
      } finally {
        ctl.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
      figures(printed, lines, "ctlMedian", "ctlP90", "ctlMissed", out);
      return out;
    }
  }

  private static void figures(
      Ages ages, int lines, String median, String p90, String missed, Map<String, Double> out) {
    double[] ms = ages.millis();
    out.put(median, ms.length == 0 ? Double.NaN : ms[ms.length / 2]);
    out.put(p90, ms.length == 0 ? Double.NaN : ms[ms.length * 9 / 10]);
    out.put(missed, (double) (lines - ms.length));
  }

  /**
   * {@code ctl tail -f tickerctl} with its output read as it is printed. Lines that are not a time
   * stamp (the banner) are not counted.
   */
  private static Process startTailF(Contender c, RunContext ctx, BenchConfig cfg, Ages ages)
      throws IOException {
    Process p =
        new ProcessBuilder(c.ctl(ctx.root(), cfg.file(), "tail", "-f", "tickerctl"))
            .redirectErrorStream(true)
            .start();
    Thread.ofPlatform()
        .name("bench-tail-f")
        .daemon()
        .start(
            () -> {
              byte[] buf = new byte[8192];
              try (InputStream in = p.getInputStream()) {
                for (int n; (n = in.read(buf)) > 0; ) {
                  ages.onData(Arrays.copyOf(buf, n));
                }
              } catch (IOException e) {
                // the ctl was stopped
              }
            });
    return p;
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
        if (!line.isEmpty() && line.chars().allMatch(Character::isDigit)) {
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
