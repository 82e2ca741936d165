package dev.tend.bench;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/** 50 programs each writing a 64-byte line every 10 ms: the daemon's CPU while it logs them. */
final class ChattyRow implements Row {
  static final int PROGRAMS = 50;

  @Override
  public String id() {
    return "chatty";
  }

  @Override
  public String title() {
    return PROGRAMS + " programs x 64 B every 10 ms: daemon CPU";
  }

  @Override
  public List<Metric> metrics() {
    return List.of(Metric.lower("cpu", "daemon CPU", "% of a core", 0.25));
  }

  @Override
  public Map<String, Double> measure(Contender c, RunContext ctx) throws Exception {
    BenchConfig cfg = ctx.config(id(), c).programs(PROGRAMS, ctx.python("chatty.py", 10)).write();
    try (DaemonRun d = DaemonRun.start(c, ctx.root(), cfg)) {
      d.await(MainLogWatch.SUCCESS, PROGRAMS, Duration.ofSeconds(60));
      Thread.sleep(ctx.pick(2000L, 500L)); // every interpreter is up and writing
      long window = ctx.pick(10_000L, 2000L);
      double cpu = Cpu.over(d, window) / 1e6 / window * 100;
      return Map.of("cpu", cpu);
    }
  }
}
