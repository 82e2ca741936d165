package dev.tend.bench;

import java.io.IOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * {@code tend ctl status} against tend, {@code supervisorctl status} against supervisord, 100
 * programs RUNNING: each call a whole process, timed from spawn to exit, its CPU from the harness's
 * reaped-children accounting (10 ms ticks; the median over calls smooths them).
 */
final class CtlStatusRow implements Row {
  static final int PROGRAMS = 100;

  @Override
  public String id() {
    return "ctl";
  }

  @Override
  public String title() {
    return "ctl status, " + PROGRAMS + " programs, whole process";
  }

  @Override
  public List<Metric> metrics() {
    return List.of(
        Metric.lower("wall", "status, wall", "ms", 0.5),
        Metric.lower("cpu", "status, CPU", "ms", null));
  }

  @Override
  public Map<String, Double> measure(Contender c, RunContext ctx) throws Exception {
    if (!c.hasCtl(ctx.root())) {
      throw new BenchException("no ctl in this build");
    }
    BenchConfig cfg = ctx.config(id(), c).programs(PROGRAMS, "sleep 100000").write();
    try (DaemonRun d = DaemonRun.start(c, ctx.root(), cfg)) {
      d.await(MainLogWatch.SUCCESS, PROGRAMS, Duration.ofSeconds(60));
      Control.connect(d, cfg, Duration.ofSeconds(30)).close();
      List<String> cmd = c.ctl(ctx.root(), cfg.file(), "status");
      run(cmd); // warm the page cache and the JVM's CDS archive
      if (c == Contender.TEND) {
        awaitAotCacheWriter(ctx.root().resolve("target"));
      }
      int calls = ctx.pick(7, 2);
      List<Double> wall = new ArrayList<>();
      List<Double> cpu = new ArrayList<>();
      for (int i = 0; i < calls; i++) {
        long ticks = ProcStats.reapedChildrenTicks();
        wall.add(run(cmd) / 1e6);
        cpu.add((ProcStats.reapedChildrenTicks() - ticks) * ProcStats.NANOS_PER_TICK / 1e6);
      }
      return Map.of("wall", Results.median(wall), "cpu", Results.median(cpu));
    }
  }

  /**
   * The first ctl command after a build leaves a JVM behind that writes the ctl's AOT cache (for
   * some seconds of CPU): timed calls made meanwhile would compete with it and run without the
   * cache. It is done when its recorded configuration file is gone.
   */
  private static void awaitAotCacheWriter(Path target) throws IOException, InterruptedException {
    long deadline = System.nanoTime() + 120_000_000_000L;
    while (System.nanoTime() < deadline) {
      try (DirectoryStream<Path> pending = Files.newDirectoryStream(target, "ctl-*.aot.conf")) {
        if (!pending.iterator().hasNext()) {
          return;
        }
      }
      Thread.sleep(50);
    }
    throw new BenchException("tend's ctl AOT cache was not written within 120 s");
  }

  /** Runs {@code cmd} to its end; returns nanoseconds from spawn to exit. */
  private static long run(List<String> cmd) throws IOException, InterruptedException {
    long t0 = System.nanoTime();
    Process p =
        new ProcessBuilder(cmd).redirectOutput(Redirect.DISCARD).redirectErrorStream(true).start();
    if (!p.waitFor(60, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new BenchException(String.join(" ", cmd) + " did not finish in 60 s");
    }
    long took = System.nanoTime() - t0;
    if (p.exitValue() != 0) {
      throw new BenchException(String.join(" ", cmd) + " exited with " + p.exitValue());
    }
    return took;
  }
}
