package dev.tend.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Reloads under load: clients call {@code getState} without pause (half on a new connection per
 * call, half kept-alive) while the daemon gets 20 SIGHUPs, one every quarter second. A client
 * refused (the socket closed, or its file missing while the server reopens) counts; tend keeps
 * listeners whose section did not change, so it should refuse none.
 */
final class SighupStormCase implements FaultCase {
  @Override
  public String id() {
    return "sighup";
  }

  @Override
  public String title() {
    return "20 SIGHUPs 250 ms apart while 20 clients call getState";
  }

  @Override
  public FaultResult run(FaultContext ctx) throws Exception {
    int signals = ctx.pick(20, 10);
    int clients = 20;
    BenchConfig cfg = ctx.config(id()).programs(3, "sleep 100000").write();
    FaultResult r = new FaultResult();
    try (DaemonRun d = ctx.start(cfg, 3)) {
      WireCall.Target t = new WireCall.Target(cfg.socket(), 0);
      Tally tally = new Tally();
      AtomicBoolean stop = new AtomicBoolean();
      List<Thread> threads = new ArrayList<>();
      for (int i = 0; i < clients; i++) {
        boolean keepAlive = i % 2 == 0;
        threads.add(Thread.ofVirtual().start(() -> tally.client(t, keepAlive, stop)));
      }
      Thread.sleep(500);
      for (int i = 0; i < signals; i++) {
        new ProcessBuilder("kill", "-HUP", Long.toString(d.pid())).start().waitFor();
        Thread.sleep(250);
      }
      Thread.sleep(2000);
      stop.set(true);
      for (Thread th : threads) {
        th.join();
      }
      int refusals =
          tally.storm.count(WireCall.Outcome.REFUSED)
              + tally.storm.count(WireCall.Outcome.NO_SOCKET);
      boolean after = ConnectionStormCase.answers(t, false);
      r.figure("calls", tally.storm.calls())
          .figure("answered", tally.storm.count(WireCall.Outcome.ANSWERED))
          .figure("refused or socket missing", refusals)
          .figure("other statuses", tally.storm.otherStatuses())
          .figure("no status line", tally.storm.failures())
          .figure("accepts afterwards", after ? "yes" : "NO")
          .expect(refusals == 0, refusals + " calls refused during reloads")
          .expect(tally.storm.withoutStatus() == 0, "calls without a status line")
          .expect(after, "no longer accepts");
    }
    return r;
  }

  private static final Duration TIMEOUT = Duration.ofSeconds(10);

  /** The clients' loop, tallied as a storm is. */
  private static final class Tally {
    final Storm storm = new Storm();

    void client(WireCall.Target t, boolean keepAlive, AtomicBoolean stop) {
      byte[] request = WireCall.rpc("supervisor.getState", keepAlive);
      WireCall.Session session = null;
      while (!stop.get()) {
        WireCall.Result res;
        if (!keepAlive) {
          res = WireCall.once(t, false, request, TIMEOUT, false);
        } else {
          try {
            if (session == null) {
              session = WireCall.Session.open(t, false);
            }
            res = session.call(request, TIMEOUT);
          } catch (java.io.IOException e) {
            res = new WireCall.Result(WireCall.classify(e), 0, 0);
          }
          if (res.outcome() != WireCall.Outcome.ANSWERED && session != null) {
            session.close();
            session = null;
          }
        }
        storm.record(res);
        if (res.failedWithoutStatus()) {
          pause(); // a refused client tries again soon, not in a tight loop
        }
      }
      if (session != null) {
        session.close();
      }
    }

    private static void pause() {
      try {
        Thread.sleep(10);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
