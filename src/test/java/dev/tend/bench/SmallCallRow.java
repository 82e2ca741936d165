package dev.tend.bench;

import dev.tend.api.SupervisorState;
import dev.tend.control.client.RemoteSupervisor;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * {@code supervisor.getState}, the smallest call there is, from the same Java client for both (one
 * warm JVM, a kept-alive connection on the unix socket): what one request costs end to end when the
 * answer costs nothing to compute (issue 17: at most supervisord's).
 */
final class SmallCallRow implements Row {
  @Override
  public String id() {
    return "getstate";
  }

  @Override
  public String title() {
    return "getState round trip (a tiny call), kept-alive connection";
  }

  @Override
  public List<Metric> metrics() {
    return List.of(
        Metric.lower("median", "round trip, median", "ms", 1.0),
        Metric.lower("p90", "round trip, 90th percentile", "ms", null),
        Metric.lower("cpu", "daemon CPU per call", "us", 1.0));
  }

  @Override
  public Map<String, Double> measure(Contender c, RunContext ctx) throws Exception {
    BenchConfig cfg = ctx.config(id(), c).programs(1, "sleep 100000").write();
    try (DaemonRun d = DaemonRun.start(c, ctx.root(), cfg)) {
      d.await(MainLogWatch.SUCCESS, 1, Duration.ofSeconds(60));
      try (RemoteSupervisor client = Control.connect(d, cfg, Duration.ofSeconds(30))) {
        for (int i = 0; i < ctx.pick(3000, 300); i++) {
          check(client.getState());
        }
        double[] ms = new double[ctx.pick(3000, 300)];
        long cpu0 = d.sample().cpuNanos();
        for (int i = 0; i < ms.length; i++) {
          long t0 = System.nanoTime();
          SupervisorState s = client.getState();
          ms[i] = (System.nanoTime() - t0) / 1e6;
          check(s);
        }
        double cpuMicros = (d.sample().cpuNanos() - cpu0) / 1e3 / ms.length;
        Arrays.sort(ms);
        return Map.of("median", ms[ms.length / 2], "p90", ms[ms.length * 9 / 10], "cpu", cpuMicros);
      }
    }
  }

  private static void check(SupervisorState s) {
    if (s != SupervisorState.RUNNING) {
      throw new BenchException("getState gave " + s);
    }
  }
}
