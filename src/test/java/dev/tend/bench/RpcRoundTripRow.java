package dev.tend.bench;

import dev.tend.api.ProcessInfo;
import dev.tend.control.client.RemoteSupervisor;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * {@code supervisor.getAllProcessInfo} with 100 programs, from the same Java client for both (one
 * warm JVM, a kept-alive connection): the median round trip over many calls.
 */
final class RpcRoundTripRow implements Row {
  static final int PROGRAMS = 100;

  @Override
  public String id() {
    return "rpc";
  }

  @Override
  public String title() {
    return "getAllProcessInfo round trip, " + PROGRAMS + " programs";
  }

  @Override
  public List<Metric> metrics() {
    return List.of(
        Metric.lower("median", "round trip, median", "ms", 0.3),
        Metric.lower("p90", "round trip, 90th percentile", "ms", null));
  }

  @Override
  public Map<String, Double> measure(Contender c, RunContext ctx) throws Exception {
    BenchConfig cfg = ctx.config(id(), c).programs(PROGRAMS, "sleep 100000").write();
    try (DaemonRun d = DaemonRun.start(c, ctx.root(), cfg)) {
      d.await(MainLogWatch.SUCCESS, PROGRAMS, Duration.ofSeconds(60));
      try (RemoteSupervisor client = Control.connect(d, cfg, Duration.ofSeconds(30))) {
        for (int i = 0; i < ctx.pick(300, 30); i++) {
          check(client.getAllProcessInfo());
        }
        double[] ms = new double[ctx.pick(500, 50)];
        for (int i = 0; i < ms.length; i++) {
          long t0 = System.nanoTime();
          List<ProcessInfo> all = client.getAllProcessInfo();
          ms[i] = (System.nanoTime() - t0) / 1e6;
          check(all);
        }
        Arrays.sort(ms);
        return Map.of("median", ms[ms.length / 2], "p90", ms[ms.length * 9 / 10]);
      }
    }
  }

  private static void check(List<ProcessInfo> all) {
    if (all.size() != PROGRAMS) {
      throw new BenchException(
          "getAllProcessInfo gave " + all.size() + " processes, not " + PROGRAMS);
    }
  }
}
