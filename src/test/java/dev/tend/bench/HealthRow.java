package dev.tend.bench;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * 400 idle programs, each with tend's {@code health_tcp} every 5 s against a loopback listener the
 * harness runs (it accepts and closes): the daemon's CPU and RSS once the checks run, and how many
 * checks arrived in the window (80 a second expected). supervisord ignores the key: its column is
 * 400 idle programs (the {@code scale} row's figure), which is what a check costs on top.
 */
final class HealthRow implements Row {
  private static final int N = 400;
  private static final int QUICK_N = 40;

  @Override
  public String id() {
    return "health";
  }

  @Override
  public String title() {
    return "400 programs each with health_tcp every 5 s: idle CPU, RSS, checks";
  }

  @Override
  public List<Metric> metrics() {
    return List.of(
        Metric.lower("cpu", "CPU, 400 programs, health_tcp 5 s", "ms/s", null),
        Metric.lower("rss", "RSS, 400 programs, health_tcp 5 s", "MiB", null),
        Metric.higher("checks", "health checks answered", "/s", null));
  }

  @Override
  public Map<String, Double> measure(Contender c, RunContext ctx) throws Exception {
    int n = ctx.pick(N, QUICK_N);
    long window = ctx.pick(20_000L, 5000L);
    try (ServerSocket server = new ServerSocket(0, 1024, InetAddress.getLoopbackAddress())) {
      AtomicLong accepted = new AtomicLong();
      Thread.ofPlatform()
          .daemon()
          .name("health-acceptor")
          .start(
              () -> {
                while (!server.isClosed()) {
                  try {
                    server.accept().close();
                    accepted.incrementAndGet();
                  } catch (IOException e) {
                    return; // closed
                  }
                }
              });
      String probe = "health_tcp=127.0.0.1:" + server.getLocalPort();
      BenchConfig cfg =
          ctx.config("health" + n, c)
              .programs(n, "sleep 100000", probe, "health_interval=5", "health_timeout=2")
              .write();
      try (DaemonRun d = DaemonRun.start(c, ctx.root(), cfg)) {
        d.await(MainLogWatch.SUCCESS, n, Duration.ofSeconds(60 + n / 10));
        Thread.sleep(ctx.pick(6000L, 1000L)); // the first round of checks has begun
        long before = accepted.get();
        double cpu = Cpu.over(d, window) / 1e6 / (window / 1000.0);
        double checks = (accepted.get() - before) / (window / 1000.0);
        ProcStats.Sample s = d.sample();
        return Map.of("cpu", cpu, "rss", s.rssKiB() / 1024.0, "checks", checks);
      } // the acceptor (a daemon thread) ends when the server socket closes
    }
  }
}
