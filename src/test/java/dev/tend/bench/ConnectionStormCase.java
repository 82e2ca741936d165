package dev.tend.bench;

import java.time.Duration;
import java.util.Locale;

/**
 * issue 11's burst: 500 clients, each making 20 calls of {@code getAllProcessInfo}, on a new
 * connection per call or on one kept-alive connection each, over the unix socket and over TCP.
 * Every call must be answered or refused with a status line, and the server must accept afterwards;
 * the daemon's threads and file descriptors must come back down.
 */
final class ConnectionStormCase implements FaultCase {
  private static final int PROGRAMS = 5;

  private final boolean keepAlive;

  ConnectionStormCase(boolean keepAlive) {
    this.keepAlive = keepAlive;
  }

  @Override
  public String id() {
    return keepAlive ? "keepalive" : "storm";
  }

  @Override
  public String title() {
    return keepAlive
        ? "500 clients x 20 calls, each on one kept-alive connection, unix and TCP"
        : "500 clients x 20 calls, a new connection per call, unix and TCP";
  }

  @Override
  public FaultResult run(FaultContext ctx) throws Exception {
    int clients = 500;
    int calls = ctx.pick(20, keepAlive ? 2 : 4);
    BenchConfig cfg =
        ctx.config(id()).inet(FaultContext.freePort()).programs(PROGRAMS, "sleep 100000").write();
    FaultResult r = new FaultResult();
    try (DaemonRun d = ctx.start(cfg, PROGRAMS)) {
      WireCall.Target t = new WireCall.Target(cfg.socket(), cfg.inetPort());
      ProcStats.Sample before = d.sample();
      int fdsBefore = fds(d.pid());
      byte[] request = WireCall.rpc("supervisor.getAllProcessInfo", keepAlive);
      ThreadPeak peak = ThreadPeak.watch(d);
      for (boolean tcp : new boolean[] {false, true}) {
        String via = t.describe(tcp);
        long cpu0 = d.sample().cpuNanos();
        long t0 = System.nanoTime();
        Storm s = Storm.run(t, tcp, clients, calls, keepAlive, request);
        double secs = (System.nanoTime() - t0) / 1e9;
        double cpuMicros = (d.sample().cpuNanos() - cpu0) / 1e3 / Math.max(1, s.calls());
        boolean after = answers(t, tcp);
        r.figure(via + ": answered", s.count(WireCall.Outcome.ANSWERED) + " of " + s.calls())
            .figure(via + ": other statuses", s.otherStatuses())
            .figure(via + ": no status line", s.failures())
            .figure(via + ": seconds", String.format(Locale.ROOT, "%.1f", secs))
            // the daemon's CPU time (all its threads) per call: what load on the machine skews
            // least
            .figure(via + ": daemon CPU per call", String.format(Locale.ROOT, "%.0f µs", cpuMicros))
            .figure(via + ": accepts afterwards", after ? "yes" : "NO")
            .expect(s.withoutStatus() == 0, via + ": calls without a status line: " + s.failures())
            .expect(after, via + ": the server no longer accepts");
      }
      int most = peak.stop();
      Thread.sleep(ctx.pick(3000, 1000)); // connections the clients closed are let go
      ProcStats.Sample afterSample = d.sample();
      // the server's threads are virtual: their carriers are one per core, plus spares while
      // blocking file calls are compensated; 1,000 connections must not show
      int bound = before.threads() + 2 * Runtime.getRuntime().availableProcessors() + 4;
      r.figure(
              "daemon threads before/peak/after",
              before.threads() + " / " + most + " / " + afterSample.threads())
          .figure("daemon fds before/after", fdsBefore + " / " + fds(d.pid()));
      if (ctx.contender() == Contender.TEND) {
        r.expect(most <= bound, "daemon threads grew with the connections: " + most);
      }
    }
    return r;
  }

  static boolean answers(WireCall.Target t, boolean tcp) {
    return WireCall.once(
                t, tcp, WireCall.rpc("supervisor.getState", false), Duration.ofSeconds(10), false)
            .outcome()
        == WireCall.Outcome.ANSWERED;
  }

  static int fds(long pid) {
    String[] list = new java.io.File("/proc/" + pid + "/fd").list();
    return list == null ? -1 : list.length;
  }
}
