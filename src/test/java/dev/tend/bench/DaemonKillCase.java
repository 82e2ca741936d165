package dev.tend.bench;

import dev.tend.testing.Json;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The daemon killed with SIGKILL and started again on the same config, programs and numbered
 * writers running: does any program then run twice, and how many bytes of the writers' output are
 * lost? {@code bench/crash} does the work (it is also the soak); this case runs it for one
 * supervisor and reads its JSON, so that {@code bench/faults} is the one command of the issue's
 * suite. supervisord starts every program again beside its orphans (its issues #591, #1444); tend
 * adopts them (docs/CRASH.md).
 */
final class DaemonKillCase implements FaultCase {
  @Override
  public String id() {
    return "kill9";
  }

  @Override
  public String title() {
    return "the daemon killed (-9) and started again, programs and writers running";
  }

  @Override
  public FaultResult run(FaultContext ctx) throws Exception {
    Path json = ctx.config(id()).dir().resolve("crash.json");
    List<String> command = new ArrayList<>(List.of("/usr/bin/python3"));
    command.add(ctx.root().resolve("bench/crash").toString());
    command.addAll(List.of("--only", ctx.contender().label(), "--json", json.toString()));
    command.addAll(
        ctx.pick(
            List.of("--kills", "3", "--silent", "5", "--writers", "2"),
            List.of("--kills", "1", "--silent", "2", "--writers", "1", "--every", "2")));
    Path out = json.resolveSibling("crash.out");
    Process p =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(out.toFile()).start();
    FaultResult r = new FaultResult();
    if (!p.waitFor(ctx.pick(300, 120), TimeUnit.SECONDS)) {
      p.destroyForcibly().waitFor();
      return r.expect(false, "bench/crash did not finish; its output: " + out);
    }
    if (p.exitValue() != 0 || !Files.exists(json)) {
      return r.expect(
          false,
          "bench/crash failed (exit "
              + p.exitValue()
              + "): "
              + Files.readString(out, StandardCharsets.UTF_8));
    }
    return figures(r, (Map<?, ?>) ((List<?>) Json.parse(Files.readString(json))).get(0), ctx);
  }

  private static FaultResult figures(FaultResult r, Map<?, ?> run, FaultContext ctx) {
    long duplicates = number(run.get("duplicates"));
    long lostBytes = 0;
    long lostLines = 0;
    long lines = 0;
    for (Object w : ((Map<?, ?>) run.get("writers")).values()) {
      Map<?, ?> s = (Map<?, ?>) w;
      lostBytes += number(s.get("lost_bytes"));
      lostLines += number(s.get("lost_lines"));
      lines += number(s.get("lines"));
    }
    long left = number(run.get("left_running_after_stop"));
    r.figure("daemon kills", number(run.get("kills")))
        .figure("programs running twice after a restart", duplicates)
        .figure(
            "'adopted:' / 'spawned:' lines",
            number(run.get("adopted")) + " / " + number(run.get("spawned")))
        .figure(
            "writers: lines written, lost", lines + ", " + lostLines + " (" + lostBytes + " bytes)")
        .figure("still running after the clean stop", left);
    if (ctx.contender() == Contender.TEND) {
      r.expect(duplicates == 0, duplicates + " programs ran twice")
          .expect(lostBytes == 0, lostBytes + " bytes of the writers' output lost")
          .expect(left == 0, left + " processes outlived the clean stop")
          .expect(number(run.get("keepers_left")) == 0, "a pipe keeper outlived the clean stop");
    }
    return r;
  }

  private static long number(Object o) {
    return ((Number) o).longValue();
  }
}
