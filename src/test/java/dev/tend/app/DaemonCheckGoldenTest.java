package dev.tend.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tend.config.ConfigContext;
import dev.tend.config.ConfigLocator;
import dev.tend.testing.FakeUserDatabase;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code tend daemon --check} over a config that uses every section, against the expected output in
 * src/test/resources/fixtures/every-section.check.txt.
 */
class DaemonCheckGoldenTest {
  private static final Path FIXTURES = Path.of("src/test/resources/fixtures");

  @TempDir Path dir;

  /** Runs the check in dir with a fixed environment, host and users; returns exit, out, err. */
  static String[] check(Path dir, String... args) {
    try {
      Files.createDirectories(dir.resolve("run")); // the default childlogdir must exist
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    Map<String, String> env = new LinkedHashMap<>();
    env.put("HOME", "/home/tester");
    env.put("PORT", "8080");
    ConfigContext context =
        new ConfigContext(env, "testhost", new FakeUserDatabase(1000), dir, dir.resolve("run"));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int exit =
        DaemonCommand.run(
            args,
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8),
            context,
            new ConfigLocator(null, dir, p -> p.startsWith(dir) && Files.exists(p)));
    return new String[] {
      Integer.toString(exit),
      out.toString(StandardCharsets.UTF_8).replace(dir.toString(), "$DIR"),
      err.toString(StandardCharsets.UTF_8).replace(dir.toString(), "$DIR")
    };
  }

  @Test
  void everySectionMatchesTheGoldenOutput() throws IOException {
    Files.copy(FIXTURES.resolve("every-section.conf"), dir.resolve("every-section.conf"));
    Files.createDirectories(dir.resolve("every-section.d"));
    Files.copy(
        FIXTURES.resolve("every-section.d/extra.conf"), dir.resolve("every-section.d/extra.conf"));
    Files.createDirectories(dir.resolve("run"));
    String[] result = check(dir, "--check", "-c", dir.resolve("every-section.conf").toString());
    assertEquals("", result[2]);
    String expected = Files.readString(FIXTURES.resolve("every-section.check.txt"));
    if (!expected.equals(result[1])) {
      // to review and accept: diff, then copy over the fixture
      Files.writeString(Path.of("target/every-section.check.actual.txt"), result[1]);
    }
    assertEquals(expected, result[1], "actual output is in target/every-section.check.actual.txt");
    assertEquals("0", result[0]);
  }
}
