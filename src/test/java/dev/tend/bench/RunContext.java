package dev.tend.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Where a run is: the repository, the bench programs, a scratch folder, and whether it is quick.
 */
final class RunContext {
  private final Path root;
  private final Path work;
  private final boolean quick;
  private final AtomicInteger runs = new AtomicInteger(); // scratch folders handed out so far

  RunContext(Path root, Path work, boolean quick) {
    this.root = root;
    this.work = work;
    this.quick = quick;
  }

  /** The repository (bin/tend, bench/). */
  Path root() {
    return root;
  }

  /** The scratch folder every run's folder is in. */
  Path work() {
    return work;
  }

  boolean quick() {
    return quick;
  }

  /** A bench program's command line: {@code python3 bench/programs/NAME ARGS}. */
  String python(String script, Object... args) {
    StringBuilder s = new StringBuilder(Bench.PYTHON).append(' ');
    s.append(root.resolve("bench/programs").resolve(script));
    for (Object a : args) {
      s.append(' ').append(a);
    }
    return s.toString();
  }

  /** A new empty folder for one daemon run, named after the row and contender. */
  BenchConfig config(String row, Contender c) throws IOException {
    Path dir = work.resolve(String.format("%03d-%s-%s", runs.incrementAndGet(), row, c.label()));
    Files.createDirectories(dir);
    return new BenchConfig(dir);
  }

  /** {@code full} normally, {@code quick} in quick mode. */
  <T> T pick(T full, T quickValue) {
    return quick ? quickValue : full;
  }
}
