package dev.tend.control.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real supervisorctl against a real {@code tend daemon} (separate process, real children) and
 * against a real supervisord, both on the same config: status, start, stop, restart (single,
 * group:*, all), signal, pid, clear, avail, reread, update, shutdown give the same output and exit
 * codes once pids, uptimes and times are normalised.
 */
class DaemonSupervisorctlIT {
  @TempDir Path dir;

  @Test
  void aTendDaemonAnswersSupervisorctlAsSupervisordDoes() throws Exception {
    CompletableFuture<List<String>> reference =
        CompletableFuture.supplyAsync(
            () -> {
              try (ReferenceSupervisord sv =
                  ReferenceSupervisord.start(dir.resolve("sv"), SupervisorctlIT.PROGRAMS)) {
                return SupervisorctlIT.play(
                    new Supervisorctl(dir, sv.url()),
                    () -> sv.rewritePrograms(SupervisorctlIT.PROGRAMS_EDITED));
              } catch (Exception e) {
                throw new IllegalStateException(e);
              }
            });
    List<String> tend;
    try (ReferenceSupervisord td =
        ReferenceSupervisord.startTend(dir.resolve("tend"), SupervisorctlIT.PROGRAMS)) {
      tend =
          SupervisorctlIT.play(
              new Supervisorctl(dir, td.url()),
              () -> td.rewritePrograms(SupervisorctlIT.PROGRAMS_EDITED));
    }
    List<String> expected = reference.get(180, TimeUnit.SECONDS);
    for (int i = 0; i < expected.size(); i++) {
      assertEquals(expected.get(i), tend.get(i), "step " + i);
    }
  }

  private static final String TALKER =
      "[program:talker]\ncommand=sh -c 'echo one; echo two >&2; sleep 1; i=0; while true; do"
          + " i=$((i+1)); echo tick-$i; sleep 0.2; done'\nstartsecs=0\n";

  private static List<String> tails(Supervisorctl ctl) throws Exception {
    dev.tend.testing.Await.until(
        "talker ticking",
        () -> {
          try {
            return ctl.run("tail", "talker").output().contains("tick-2");
          } catch (Exception e) {
            return false;
          }
        });
    java.util.List<String> out = new java.util.ArrayList<>();
    out.add(ctl.run("tail", "talker", "stderr").toString());
    out.add(ctl.run("tail", "-3", "talker", "stderr").toString());
    out.add(ctl.run("tail", "nosuch").toString());
    out.add(ctl.run("tail", "talker", "bogus").toString());
    Process follow = ctl.start("tail", "-f", "talker");
    try {
      java.io.InputStream in = follow.getInputStream();
      StringBuilder seen = new StringBuilder();
      byte[] buf = new byte[4096];
      long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(20);
      while (System.nanoTime() < deadline
          && !seen.toString().matches("(?s).*tick-\\d+\n.*tick-\\d+\n.*tick-\\d+\n.*")) {
        int n = in.read(buf);
        if (n < 0) {
          break;
        }
        seen.append(new String(buf, 0, n, java.nio.charset.StandardCharsets.UTF_8));
      }
      out.add(
          seen.toString().startsWith("==> Press Ctrl-C to exit <==")
              ? "follow header"
              : seen.toString());
      out.add(seen.toString().contains("tick-") ? "follow lines" : seen.toString());
    } finally {
      follow.destroy();
      follow.waitFor(10, TimeUnit.SECONDS);
    }
    return out;
  }

  @Test
  void tailAndTailFollowAgainstATendDaemonAsAgainstSupervisord() throws Exception {
    List<String> expected;
    try (ReferenceSupervisord sv = ReferenceSupervisord.start(dir.resolve("sv"), TALKER)) {
      expected = tails(new Supervisorctl(dir, sv.url()));
    }
    List<String> tend;
    try (ReferenceSupervisord td = ReferenceSupervisord.startTend(dir.resolve("tend"), TALKER)) {
      tend = tails(new Supervisorctl(dir, td.url()));
    }
    assertEquals(expected, tend);
  }
}
