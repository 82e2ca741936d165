package dev.tend.bench;

import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * No file descriptors left: the daemon runs under a limit of 256 descriptors, and 300 clients hold
 * connections open, so accepting fails with EMFILE. Then they go: the server must accept and answer
 * again (issue 11: a failing accept must never end the listener), and say what happened in its main
 * log.
 */
final class FdExhaustionCase implements FaultCase {
  private static final int LIMIT = 256;

  @Override
  public String id() {
    return "fds";
  }

  @Override
  public String title() {
    return "descriptors exhausted (limit " + LIMIT + ", 300 connections held), then freed";
  }

  @Override
  public FaultResult run(FaultContext ctx) throws Exception {
    BenchConfig cfg = ctx.config(id()).minfds(64).programs(1, "sleep 100000").write();
    FaultResult r = new FaultResult();
    List<String> prefix = List.of("prlimit", "--nofile=" + LIMIT + ":" + LIMIT, "--");
    try (DaemonRun d = ctx.start(cfg, 1, prefix)) {
      WireCall.Target t = new WireCall.Target(cfg.socket(), 0);
      List<WireCall.Session> held = new ArrayList<>();
      int heldOpen = 0;
      try {
        for (int i = 0; i < 300; i++) {
          WireCall.Session s = WireCall.Session.open(t, false);
          held.add(s);
        }
        // each held connection makes one call at once: those the server took stay open on its side
        List<Thread> calls = new ArrayList<>();
        java.util.concurrent.atomic.AtomicInteger answered =
            new java.util.concurrent.atomic.AtomicInteger();
        byte[] request = WireCall.rpc("supervisor.getState", true);
        for (WireCall.Session s : held) {
          calls.add(
              Thread.ofVirtual()
                  .start(
                      () -> {
                        if (s.call(request, Duration.ofSeconds(3)).outcome()
                            == WireCall.Outcome.ANSWERED) {
                          answered.incrementAndGet();
                        }
                      }));
        }
        for (Thread c : calls) {
          c.join();
        }
        heldOpen = answered.get();
        r.figure("connections answered while exhausted", heldOpen + " of 300");
      } finally {
        held.forEach(WireCall.Session::close);
      }
      long t0 = System.nanoTime();
      boolean back = false;
      while (!back && System.nanoTime() - t0 < Duration.ofSeconds(20).toNanos()) {
        back = ConnectionStormCase.answers(t, false);
      }
      long millis = (System.nanoTime() - t0) / 1_000_000;
      String log = Files.readString(cfg.mainLog());
      boolean said = log.contains("accepting a connection failed") || log.contains("Too many open");
      r.figure("answers again after the clients left", back ? "yes, in " + millis + " ms" : "NO")
          .figure("daemon alive", d.sample().threads() > 0 ? "yes" : "NO")
          .figure("main log says so", said ? "yes" : "no")
          .expect(back, "the server does not answer after descriptors were freed")
          .expect(said || ctx.contender() != Contender.TEND, "no main-log line about it");
    }
    return r;
  }
}
