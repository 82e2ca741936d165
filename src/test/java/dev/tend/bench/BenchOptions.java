package dev.tend.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** bench/run's command line. */
record BenchOptions(
    Path root,
    List<String> rows,
    int reps,
    boolean quick,
    Path json,
    Path work,
    boolean keep,
    List<Contender> contenders,
    boolean help) {

  static final String USAGE =
      """
      usage: bench/run [--rows ID,ID...] [--reps N] [--quick] [--json FILE] [--only tend|supervisord]
                       [--work DIR] [--keep]
        --rows    rows to run, in that order (default: all): ctl rpc getstate scale chatty
                  throughput crashloop tail shutdown
        --reps    repetitions per contender (default 3; 1 with --quick)
        --quick   small sizes and short windows: a smoke test that every row still runs (CI)
        --json    where the JSON goes (default bench/results/latest.json)
        --only    run one contender (ratios then stay empty)
        --work    scratch folder for configs and logs (default a new folder under /tmp)
        --keep    keep the scratch folder
      """;

  static BenchOptions parse(String[] args) {
    Path root = Path.of(System.getProperty("tend.root", ".")).toAbsolutePath().normalize();
    List<String> rows = new ArrayList<>();
    int reps = -1;
    boolean quick = false;
    Path json = root.resolve("bench/results/latest.json");
    Path work = null;
    boolean keep = false;
    List<Contender> contenders = List.of(Contender.values());
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      switch (a) {
        case "-h", "--help" -> {
          return new BenchOptions(root, rows, 1, quick, json, root, keep, contenders, true);
        }
        case "--rows" -> rows.addAll(Arrays.asList(value(args, ++i, a).split(",")));
        case "--reps" -> reps = positive(value(args, ++i, a), a);
        case "--quick" -> quick = true;
        case "--json" -> json = Path.of(value(args, ++i, a)).toAbsolutePath();
        case "--work" -> work = Path.of(value(args, ++i, a)).toAbsolutePath();
        case "--keep" -> keep = true;
        case "--only" -> contenders = List.of(contender(value(args, ++i, a)));
        default -> throw new IllegalArgumentException("unknown option '" + a + "'");
      }
    }
    if (reps < 0) {
      reps = quick ? 1 : 3;
    }
    if (work == null) {
      work = Path.of("/tmp", "tend-bench-" + ProcessHandle.current().pid());
    }
    return new BenchOptions(root, rows, reps, quick, json, work, keep, contenders, false);
  }

  private static String value(String[] args, int i, String option) {
    if (i >= args.length) {
      throw new IllegalArgumentException(option + " needs a value");
    }
    return args[i];
  }

  private static int positive(String text, String option) {
    try {
      int n = Integer.parseInt(text);
      if (n >= 1) {
        return n;
      }
    } catch (NumberFormatException e) {
      // fall through to the message
    }
    throw new IllegalArgumentException(option + " must be a whole number >= 1, got '" + text + "'");
  }

  private static Contender contender(String name) {
    for (Contender c : Contender.values()) {
      if (c.label().equals(name)) {
        return c;
      }
    }
    throw new IllegalArgumentException("--only takes tend or supervisord, got '" + name + "'");
  }
}
