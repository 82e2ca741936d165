package dev.tend.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code bench/run}'s entry point: runs the selected rows, each repetition against tend then
 * supervisord (A B A B ...), prints the medians and ratios, and writes them as JSON.
 */
public final class Bench {
  static final String PYTHON = "/usr/bin/python3";

  private Bench() {}

  public static void main(String[] args) throws Exception {
    PrintStream out = System.out;
    BenchOptions o;
    try {
      o = BenchOptions.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println("bench: " + e.getMessage() + "\n" + BenchOptions.USAGE);
      System.exit(2);
      return;
    }
    if (o.help()) {
      out.print(BenchOptions.USAGE);
      return;
    }
    List<Row> rows = select(allRows(), o.rows());
    List<Contender> contenders = new ArrayList<>();
    for (Contender c : o.contenders()) {
      if (c.installed(o.root())) {
        contenders.add(c);
      } else {
        out.println("bench: " + c.label() + " is not installed; its column stays empty");
      }
    }
    Files.createDirectories(o.work());
    Path work = o.work();
    Runtime.getRuntime().addShutdownHook(new Thread(() -> Leftovers.kill(work)));
    RunContext ctx = new RunContext(o.root(), o.work(), o.quick());
    Results results = new Results();
    String machine = machine();
    out.println(
        "bench: " + machine + "; " + o.reps() + " repetitions" + (o.quick() ? ", quick" : ""));
    for (Contender c : contenders) {
      warmUp(c, ctx, out);
    }
    for (Row row : rows) {
      runRow(row, contenders, o.reps(), ctx, results, out);
    }
    String header =
        "results (medians of " + o.reps() + "; " + machine + ", " + load() + " at the end)";
    out.println();
    out.print(Report.table(rows, results, header));
    Files.createDirectories(o.json().toAbsolutePath().getParent());
    Files.writeString(
        o.json(), Report.json(rows, results, machine, o.reps(), o.quick()), StandardCharsets.UTF_8);
    out.println("json: " + o.json());
    if (!o.keep()) {
      deleteTree(o.work());
    }
  }

  private static void runRow(
      Row row,
      List<Contender> contenders,
      int reps,
      RunContext ctx,
      Results results,
      PrintStream out) {
    out.printf(Locale.ROOT, "%n== %s: %s%n", row.id(), row.title());
    for (int rep = 1; rep <= reps; rep++) {
      for (Contender c : contenders) {
        long t0 = System.nanoTime();
        try {
          Map<String, Double> m = row.measure(c, ctx);
          results.add(row, c, m);
          out.printf(
              Locale.ROOT,
              "  rep %d %-12s %s (%.1f s)%n",
              rep,
              c.label(),
              brief(m),
              Duration.ofNanos(System.nanoTime() - t0).toMillis() / 1000.0);
        } catch (BenchException | IOException e) {
          results.error(row, c, "rep " + rep + ": " + e.getMessage());
          out.printf(Locale.ROOT, "  rep %d %-12s FAILED: %s%n", rep, c.label(), e.getMessage());
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException("interrupted", e);
        } catch (Exception | LinkageError e) { // a jar rebuilt under a running harness
          results.error(row, c, "rep " + rep + ": " + e);
          out.printf(Locale.ROOT, "  rep %d %-12s FAILED: %s%n", rep, c.label(), e);
        }
        Leftovers.kill(ctx.work()); // nothing of a run outlives it
      }
    }
  }

  /**
   * Starts and stops each daemon once before anything is measured, as a user's first start after
   * installing: the page cache holds its files, and tend's launcher has written its class-data
   * archive (made at the exit of the first run after a build).
   */
  private static void warmUp(Contender c, RunContext ctx, PrintStream out) throws Exception {
    BenchConfig cfg = ctx.config("warmup", c).programs(1, "sleep 100000").write();
    long t0 = System.nanoTime();
    try (DaemonRun d = DaemonRun.start(c, ctx.root(), cfg)) {
      d.await(MainLogWatch.SUCCESS, 1, Duration.ofSeconds(120));
      d.terminate(Duration.ofSeconds(60));
    } catch (BenchException e) {
      out.println("bench: warming up " + c.label() + " failed: " + e.getMessage());
      return;
    }
    out.printf(
        Locale.ROOT,
        "warm-up: %s started and stopped in %.1f s%n",
        c.label(),
        (System.nanoTime() - t0) / 1e9);
  }

  private static String brief(Map<String, Double> m) {
    StringBuilder s = new StringBuilder();
    m.forEach((k, v) -> s.append(k).append('=').append(Report.number(v)).append(' '));
    return s.toString().trim();
  }

  static List<Row> allRows() {
    return List.of(
        new CtlStatusRow(),
        new RpcRoundTripRow(),
        new SshRow(),
        new SmallCallRow(),
        new ScaleRow(),
        new HealthRow(),
        new ChattyRow(),
        new ThroughputRow(),
        new CrashLoopRow(),
        new TailLatencyRow(),
        new ShutdownRow());
  }

  private static List<Row> select(List<Row> all, List<String> ids) {
    if (ids.isEmpty()) {
      return all;
    }
    List<Row> chosen = new ArrayList<>();
    for (String id : ids) {
      chosen.add(
          all.stream()
              .filter(r -> r.id().equals(id))
              .findFirst()
              .orElseThrow(() -> new IllegalArgumentException("no row '" + id + "'")));
    }
    return chosen;
  }

  private static String machine() {
    return Runtime.getRuntime().availableProcessors() + " cpus, " + load() + " at the start";
  }

  /** The 1-minute load average. */
  static String load() {
    try {
      return "load " + Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
    } catch (IOException e) {
      return "load unknown";
    }
  }

  private static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (var paths = Files.walk(dir)) {
      for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
