package dev.tend.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * What a test needs from the machine (a real supervisord, tmux, python3, sshd...), from the one
 * list in {@code bin/lib/test-dependencies} that bin/test also reads to install them. A test calls
 * {@code TestDependency.require("supervisor")} first: when the files are there it returns; when
 * they are missing the test fails with one line naming the packages, unless the person asked to
 * skip that dependency's tests ({@code bin/test --skip supervisor}, which sets {@value #SKIP_ENV}),
 * and then the test is skipped with that reason. Never a quiet skip.
 */
public final class TestDependency {
  /** Comma-separated names whose tests are skipped when their files are missing. */
  public static final String SKIP_ENV = "TEND_TEST_SKIP";

  static final Path LIST = Path.of("bin", "lib", "test-dependencies");

  /** One line of the list. */
  record Entry(String name, List<String> packages, List<Path> files, String usedBy) {}

  private static final Map<String, Entry> TABLE = read(LIST);

  private TestDependency() {}

  /** Returns when {@code name}'s files exist; else fails, or skips when asked to. */
  public static void require(String name) {
    Entry e = TABLE.get(name);
    if (e == null) {
      throw new IllegalArgumentException(
          "no test dependency '" + name + "' in " + LIST + " (known: " + TABLE.keySet() + ")");
    }
    require(e, System.getenv(SKIP_ENV));
  }

  /** {@link #require(String)} with the skip list given ({@value #SKIP_ENV}'s value). */
  static void require(Entry e, String skipEnv) {
    List<Path> missing = missing(e);
    if (missing.isEmpty()) {
      return;
    }
    String why = e.name() + " is not installed (no " + missing.get(0) + ")";
    if (skipped(skipEnv).contains(e.name())) {
      Assumptions.abort("skipped (--skip " + e.name() + "): " + why);
    }
    Assertions.fail(
        why
            + ": apt-get install "
            + String.join(" ", e.packages())
            + ", or skip these tests with bin/test --skip "
            + e.name());
  }

  /** The files of {@code e} that do not exist. */
  static List<Path> missing(Entry e) {
    List<Path> out = new ArrayList<>();
    for (Path f : e.files()) {
      if (!Files.exists(f)) {
        out.add(f);
      }
    }
    return out;
  }

  static Set<String> skipped(String env) {
    if (env == null || env.isBlank()) {
      return Set.of();
    }
    return Set.of(env.strip().split("\\s*,\\s*"));
  }

  static Map<String, Entry> read(Path list) {
    List<String> lines;
    try {
      lines = Files.readAllLines(list.toAbsolutePath());
    } catch (IOException e) {
      throw new UncheckedIOException("tests run from the project's root: cannot read " + list, e);
    }
    Map<String, Entry> table = new LinkedHashMap<>();
    for (String line : lines) {
      if (line.isBlank() || line.stripLeading().startsWith("#")) {
        continue;
      }
      String[] cols = line.split("\\|", -1);
      if (cols.length != 4) {
        throw new IllegalStateException(list + ": not 4 columns separated by '|': " + line);
      }
      List<Path> files = new ArrayList<>();
      for (String f : words(cols[2])) {
        files.add(Path.of(f));
      }
      String name = cols[0].strip();
      table.put(name, new Entry(name, words(cols[1]), files, cols[3].strip()));
    }
    return table;
  }

  private static List<String> words(String column) {
    String s = column.strip();
    return s.isEmpty() ? List.of() : List.of(s.split("\\s+"));
  }
}
