package dev.tend.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code tend daemon --check}: exit codes and supervisord's error format. */
class DaemonCommandTest {
  @TempDir Path dir;

  @Test
  void everyErrorIsPrintedWithWhereThenTheHelpHint() throws Exception {
    Files.writeString(
        dir.resolve("bad.conf"),
        "[supervisord]\n[program:a]\ncommand=x\nautostart=maybe\nautorestrat=true\n"
            + "[program:b]\nstopsignal=FOO\n");
    String[] r =
        DaemonCheckGoldenTest.check(dir, "--check", "-c", dir.resolve("bad.conf").toString());
    assertEquals("2", r[0]);
    assertEquals("", r[1]);
    assertEquals(
        String.join(
            "\n",
            "Warning: unknown key 'autorestrat' in [program:a] (did you mean 'autorestart'?)"
                + " ($DIR/bad.conf line 5, [program:a] autorestrat = true)",
            "Error: not a valid boolean value: 'maybe' in section 'program:a' (file: '$DIR/bad.conf')",
            "    at line 4, [program:a] autostart = maybe",
            "Error: value 'FOO' is not a valid signal name in section 'program:b' (file: '$DIR/bad.conf')",
            "    at line 7, [program:b] stopsignal = FOO",
            "Error: program section program:b does not specify a command in section 'program:b'"
                + " (file: '$DIR/bad.conf')",
            "    at line 6, [program:b] command",
            "For help, use tend daemon -h",
            ""),
        r[2]);
  }

  @Test
  void aMissingConfigIsNamedOnce() {
    String[] r =
        DaemonCheckGoldenTest.check(dir, "--check", "-c", dir.resolve("none.conf").toString());
    assertEquals("2", r[0]);
    assertEquals(
        "Error: could not find config file $DIR/none.conf\nFor help, use tend daemon -h\n", r[2]);
  }

  @Test
  void searchesTheDefaultPathsWithoutDashC() throws Exception {
    Files.writeString(dir.resolve("supervisord.conf"), "[supervisord]\n");
    String[] r = DaemonCheckGoldenTest.check(dir, "--check");
    assertEquals("0", r[0], r[2]);
    assertTrue(
        r[1].endsWith("$DIR/supervisord.conf: OK, 0 groups, 0 processes, 0 warnings\n"), r[1]);
  }

  @Test
  void nothingFoundIsSupervisordsError() {
    String[] r = DaemonCheckGoldenTest.check(dir, "--check");
    assertEquals("2", r[0]);
    assertTrue(
        r[2].startsWith("Error: No config file found at default paths (etc/supervisord.conf,"),
        r[2]);
    assertTrue(r[2].endsWith("For help, use tend daemon -h\n"), r[2]);
  }

  @Test
  void unknownFlagsAreGetoptErrors() {
    String[] r = DaemonCheckGoldenTest.check(dir, "--check", "--bogus");
    assertEquals("2", r[0]);
    assertEquals("Error: option --bogus not recognized\nFor help, use tend daemon -h\n", r[2]);
  }

  @Test
  void helpExitsZero() {
    String[] r = DaemonCheckGoldenTest.check(dir, "-h");
    assertEquals("0", r[0]);
    assertTrue(r[1].contains("--check -- load the config"), r[1]);
  }
}
