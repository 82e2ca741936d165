package dev.tend.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * N idle programs ({@code sleep}), for N in 0, 10, 100, 400, 1000: the time from starting the
 * daemon to the N-th {@code success:} line, then after a settling pause the daemon's RSS and
 * threads, and its CPU over an idle window. Covers the issue's launch, RSS, idle-CPU and growth
 * rows.
 */
final class ScaleRow implements Row {
  private static final int[] FULL = {0, 10, 100, 400, 1000};
  private static final int[] QUICK = {0, 10, 100};

  @Override
  public String id() {
    return "scale";
  }

  @Override
  public String title() {
    return "N idle programs: launch to all RUNNING, RSS, threads, idle CPU";
  }

  @Override
  public List<Metric> metrics() {
    List<Metric> m = new ArrayList<>();
    for (int n : FULL) {
      if (n == 1000) {
        // the issue's goal is tend's own time: a thousand programs RUNNING within 2 s
        m.add(new Metric("spawn@" + n, "launch -> " + n + " RUNNING", "s", false, null, 2.0));
      } else if (n > 0) {
        Double goal = n == 400 ? 0.3 : null;
        m.add(Metric.lower("spawn@" + n, "launch -> " + n + " RUNNING", "s", goal));
      }
    }
    for (int n : FULL) {
      Double goal = n == 400 ? 1.2 : null;
      m.add(Metric.lower("rss@" + n, "RSS idle, " + n + " programs", "MiB", goal));
    }
    for (int n : FULL) {
      m.add(Metric.lower("threads@" + n, "threads, " + n + " programs", "", null));
    }
    for (int n : FULL) {
      Double goal = n == 100 ? 1.0 : null;
      m.add(Metric.lower("idle@" + n, "idle CPU, " + n + " programs", "ms/s", goal));
    }
    return m;
  }

  @Override
  public Map<String, Double> measure(Contender c, RunContext ctx) throws Exception {
    Map<String, Double> out = new LinkedHashMap<>();
    long settle = ctx.pick(3000L, 300L);
    long window = ctx.pick(10_000L, 1000L);
    for (int n : ctx.pick(FULL, QUICK)) {
      BenchConfig cfg = ctx.config("scale" + n, c).programs(n, "sleep 100000").write();
      try (DaemonRun d = DaemonRun.start(c, ctx.root(), cfg)) {
        Duration limit = Duration.ofSeconds(60 + n / 10);
        long ready = n == 0 ? d.awaitStarted(limit) : d.await(MainLogWatch.SUCCESS, n, limit);
        if (n > 0) {
          out.put("spawn@" + n, (ready - d.startNanos()) / 1e9);
        }
        Thread.sleep(settle);
        ProcStats.Sample s = d.sample();
        out.put("rss@" + n, s.rssKiB() / 1024.0);
        out.put("threads@" + n, (double) s.threads());
        out.put("idle@" + n, Cpu.over(d, window) / 1e6 / (window / 1000.0));
      }
    }
    return out;
  }
}
