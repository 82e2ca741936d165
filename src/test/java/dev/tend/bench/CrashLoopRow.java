package dev.tend.bench;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * 20 programs that exit at once ({@code /bin/false}, autorestart=true, startsecs=0): restarts per
 * second (new {@code spawned:} lines) and daemon CPU per restart, over a window.
 */
final class CrashLoopRow implements Row {
  static final int PROGRAMS = 20;

  @Override
  public String id() {
    return "crashloop";
  }

  @Override
  public String title() {
    return PROGRAMS + " programs exiting at once, autorestart";
  }

  @Override
  public List<Metric> metrics() {
    return List.of(
        Metric.higher("restarts", "restarts", "per s", 1.0),
        Metric.lower("cpu", "daemon CPU per restart", "ms", 0.5));
  }

  @Override
  public Map<String, Double> measure(Contender c, RunContext ctx) throws Exception {
    BenchConfig cfg =
        ctx.config(id(), c).programs(PROGRAMS, "/bin/false", "autorestart=true").write();
    try (DaemonRun d = DaemonRun.start(c, ctx.root(), cfg)) {
      d.await(MainLogWatch.SPAWNED, PROGRAMS * 3, Duration.ofSeconds(60));
      long window = ctx.pick(5000L, 1500L);
      MainLogWatch log = d.log();
      // lines still on their way to the file lag the same at both ends of the window
      log.poll();
      int before = log.count(MainLogWatch.SPAWNED);
      ProcStats.Sample a = d.sample();
      long t0 = System.nanoTime();
      Thread.sleep(window);
      log.poll();
      ProcStats.Sample b = d.sample();
      double seconds = (System.nanoTime() - t0) / 1e9;
      int restarts = log.count(MainLogWatch.SPAWNED) - before;
      Map<String, Double> out = new LinkedHashMap<>();
      out.put("restarts", restarts / seconds);
      out.put("cpu", Cpu.between(a, b) / 1e6 / Math.max(1, restarts));
      return out;
    }
  }
}
