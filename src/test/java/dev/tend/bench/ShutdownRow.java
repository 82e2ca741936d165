package dev.tend.bench;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * 100 programs in four priority levels, each program its own group: SIGTERM to the daemon until it
 * is gone; and whether every level stopped before the next lower one began (reverse priority).
 */
final class ShutdownRow implements Row {
  private static final int LEVELS = 4;

  @Override
  public String id() {
    return "shutdown";
  }

  @Override
  public String title() {
    return "SIGTERM -> daemon gone, 100 programs in " + LEVELS + " priority levels";
  }

  @Override
  public List<Metric> metrics() {
    return List.of(
        Metric.lower("seconds", "SIGTERM -> gone", "s", 0.1),
        Metric.atMost("misordered", "stops out of priority order", "programs", 0));
  }

  @Override
  public Map<String, Double> measure(Contender c, RunContext ctx) throws Exception {
    int n = ctx.pick(100, 20);
    BenchConfig cfg = ctx.config(id(), c);
    Map<String, Integer> priority = new HashMap<>();
    for (int i = 0; i < n; i++) {
      String name = String.format("p%04d", i);
      int p = 100 * (1 + i % LEVELS);
      priority.put(name, p);
      cfg.program(name, "sleep 100000", "priority=" + p);
    }
    cfg.write();
    try (DaemonRun d = DaemonRun.start(c, ctx.root(), cfg)) {
      d.await(MainLogWatch.SUCCESS, n, Duration.ofSeconds(60));
      double seconds = d.terminate(Duration.ofSeconds(600)) / 1e9;
      d.log().poll();
      return Map.of("seconds", seconds, "misordered", (double) misordered(d.log(), priority));
    }
  }

  /** Programs whose stop line came after that of a program of lower priority (stopped later). */
  static int misordered(MainLogWatch log, Map<String, Integer> priority) {
    int lowestSeen = Integer.MAX_VALUE;
    int bad = 0;
    for (String line : log.lines()) {
      int at = line.indexOf(MainLogWatch.STOPPED);
      if (at < 0) {
        continue;
      }
      String rest = line.substring(at + MainLogWatch.STOPPED.length());
      Integer p = priority.get(rest.substring(0, rest.indexOf(' ')));
      if (p == null) {
        continue;
      }
      if (p > lowestSeen) {
        bad++;
      }
      lowestSeen = Math.min(lowestSeen, p);
    }
    return bad;
  }
}
