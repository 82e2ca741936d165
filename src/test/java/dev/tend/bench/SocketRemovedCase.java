package dev.tend.bench;

import java.nio.file.Files;
import java.time.Duration;

/**
 * The socket file deleted under a running daemon (a tmp cleaner, a careless {@code rm}): does the
 * daemon notice and make it again? supervisord keeps listening on the unlinked socket, which no
 * client can reach until it is restarted; tend's listener watchdog opens it again (issue 11).
 */
final class SocketRemovedCase implements FaultCase {
  @Override
  public String id() {
    return "unlink";
  }

  @Override
  public String title() {
    return "the socket file deleted under the running daemon";
  }

  @Override
  public FaultResult run(FaultContext ctx) throws Exception {
    Duration wait = ctx.pick(Duration.ofSeconds(15), Duration.ofSeconds(10));
    BenchConfig cfg = ctx.config(id()).programs(1, "sleep 100000").write();
    FaultResult r = new FaultResult();
    try (DaemonRun d = ctx.start(cfg, 1)) {
      WireCall.Target t = new WireCall.Target(cfg.socket(), 0);
      Files.delete(cfg.socket());
      long t0 = System.nanoTime();
      boolean back = false;
      while (!back && System.nanoTime() - t0 < wait.toNanos()) {
        back = Files.exists(cfg.socket()) && ConnectionStormCase.answers(t, false);
        if (!back) {
          Thread.sleep(20); // polling a file that may never come back: at most 50 times a second
        }
      }
      long millis = (System.nanoTime() - t0) / 1_000_000;
      String log = Files.readString(cfg.mainLog());
      boolean said = log.contains("was removed or replaced; opened it again");
      r.figure(
              "answers on the socket again",
              back ? "yes, after " + millis + " ms" : "NO (" + wait.toSeconds() + " s)")
          .figure("main log says so", said ? "yes" : "no")
          .figure("daemon alive", d.sample().threads() > 0 ? "yes" : "NO")
          .expect(back, "the socket file was not made again")
          .expect(said || ctx.contender() != Contender.TEND, "no main-log line about it");
    }
    return r;
  }
}
