package dev.tend.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * {@code bench/faults}'s entry point: runs each fault case against tend and, where the case
 * applies, against the real supervisord, one after the other on loopback, and prints each case's
 * figures side by side with what broke. The quick version ({@code --quick}, smaller and shorter) is
 * the one the integration tests run ({@code FaultSuiteIT}).
 */
public final class Faults {
  static final String USAGE =
      """
      usage: bench/faults [--quick] [--cases ID,...] [--only tend|supervisord] [--work DIR]
        --quick    small sizes and short waits (what the integration tests run, under a minute)
        --cases    some cases only: %s
        --only     one supervisor only
        --work     scratch folder (default: a temporary one, removed after)
        --root     the tend checkout whose bin/tend runs (default: this one)
      """;

  private Faults() {}

  static List<FaultCase> allCases() {
    return List.of(
        new ConnectionStormCase(false),
        new ConnectionStormCase(true),
        new HostileHttpCase(),
        new SlowClientsCase(),
        new SighupStormCase(),
        new SocketRemovedCase(),
        new FdExhaustionCase(),
        new DaemonKillCase());
  }

  public static void main(String[] args) throws Exception {
    Map<String, String> o;
    try {
      o = options(args);
    } catch (IllegalArgumentException e) {
      System.err.println("faults: " + e.getMessage() + "\n" + usage());
      System.exit(2);
      return;
    }
    if (o.containsKey("help")) {
      System.out.print(usage());
      return;
    }
    Path root = Path.of(o.getOrDefault("root", System.getProperty("tend.root", ".")));
    Path work =
        o.containsKey("work") ? Path.of(o.get("work")) : Files.createTempDirectory("tend-faults-");
    List<Contender> who =
        o.containsKey("only")
            ? List.of(Contender.valueOf(o.get("only").toUpperCase(Locale.ROOT)))
            : List.of(Contender.TEND, Contender.SUPERVISORD);
    List<String> ids = o.containsKey("cases") ? List.of(o.get("cases").split(",")) : List.of();
    Report r = run(root, work, o.containsKey("quick"), false, who, ids, System.out);
    if (!o.containsKey("work")) {
      deleteTree(work);
    }
    System.exit(r.tendFailures().isEmpty() ? 0 : 1);
  }

  private static String usage() {
    return USAGE.formatted(String.join(", ", allCases().stream().map(FaultCase::id).toList()));
  }

  /** What a whole run found, by case and supervisor. */
  record Report(Map<String, Map<Contender, FaultResult>> results) {
    List<String> tendFailures() {
      List<String> out = new ArrayList<>();
      results.forEach(
          (id, byWho) -> {
            FaultResult t = byWho.get(Contender.TEND);
            if (t != null) {
              t.failures().forEach(f -> out.add(id + ": " + f));
            }
          });
      return out;
    }
  }

  /**
   * Runs the cases (all when {@code ids} is empty) against each supervisor that is installed,
   * printing as it goes.
   *
   * @param jar tend runs from {@code target/tend.jar} directly (integration tests)
   */
  static Report run(
      Path root,
      Path work,
      boolean quick,
      boolean jar,
      List<Contender> who,
      List<String> ids,
      PrintStream out)
      throws IOException {
    Files.createDirectories(work);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> Leftovers.kill(work)));
    RunContext ctx = new RunContext(root, work, quick);
    Map<String, Map<Contender, FaultResult>> results = new LinkedHashMap<>();
    out.printf(
        Locale.ROOT,
        "faults: %s, %s%s%n",
        Runtime.getRuntime().availableProcessors() + " cores",
        Bench.load(),
        quick ? ", quick" : "");
    for (FaultCase c : allCases()) {
      if (!ids.isEmpty() && !ids.contains(c.id())) {
        continue;
      }
      out.printf(Locale.ROOT, "%n== %s: %s%n", c.id(), c.title());
      Map<Contender, FaultResult> byWho = new LinkedHashMap<>();
      for (Contender k : who) {
        if (!c.appliesTo(k) || !(jar && k == Contender.TEND || k.installed(root))) {
          continue;
        }
        long t0 = System.nanoTime();
        FaultResult r = runOne(c, new FaultContext(ctx, k, jar));
        byWho.put(k, r);
        out.printf(Locale.ROOT, "  %s done in %.1f s%n", k.label(), (System.nanoTime() - t0) / 1e9);
        Leftovers.kill(work);
      }
      results.put(c.id(), byWho);
      out.print(table(byWho));
    }
    out.printf(Locale.ROOT, "%nfaults: %s at the end%n", Bench.load());
    return new Report(results);
  }

  private static FaultResult runOne(FaultCase c, FaultContext ctx) {
    try {
      return c.run(ctx);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new FaultResult().expect(false, "interrupted");
    } catch (Exception | AssertionError e) {
      return new FaultResult().expect(false, "the case failed to run: " + e);
    }
  }

  /** The figures of each supervisor side by side, then what broke. */
  static String table(Map<Contender, FaultResult> byWho) {
    Set<String> names = new LinkedHashSet<>();
    byWho.values().forEach(r -> names.addAll(r.figures().keySet()));
    StringBuilder s = new StringBuilder();
    int width = Math.max(20, names.stream().mapToInt(String::length).max().orElse(0) + 2);
    s.append(String.format(Locale.ROOT, "  %-" + width + "s", ""));
    byWho.keySet().forEach(k -> s.append(String.format(Locale.ROOT, "%-30s", k.label())));
    s.append('\n');
    for (String n : names) {
      s.append(String.format(Locale.ROOT, "  %-" + width + "s", n));
      for (FaultResult r : byWho.values()) {
        s.append(String.format(Locale.ROOT, "%-30s", r.figures().getOrDefault(n, "-")));
      }
      s.append('\n');
    }
    byWho.forEach(
        (k, r) ->
            r.failures()
                .forEach(
                    f ->
                        s.append("  FAILED ")
                            .append(k.label())
                            .append(": ")
                            .append(f)
                            .append('\n')));
    return s.toString();
  }

  private static Map<String, String> options(String[] args) {
    Map<String, String> o = new LinkedHashMap<>();
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      switch (a) {
        case "--quick" -> o.put("quick", "");
        case "-h", "--help" -> o.put("help", "");
        case "--cases", "--only", "--work", "--root" -> {
          if (i + 1 >= args.length) {
            throw new IllegalArgumentException(a + " needs a value");
          }
          o.put(a.substring(2), args[++i]);
        }
        default -> throw new IllegalArgumentException("unknown option " + a);
      }
    }
    return o;
  }

  private static void deleteTree(Path dir) throws IOException {
    try (var paths = Files.walk(dir)) {
      for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
