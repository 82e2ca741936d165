package dev.tend.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code command=} split at spawn time with Python's POSIX shlex (spec §1.16). */
class CommandLineTest {
  @Test
  void splitsOnWhitespace() throws Exception {
    assertEquals(List.of("/bin/echo", "a", "b"), CommandLine.split("  /bin/echo\ta  b\n"));
  }

  @Test
  void quotesGroupAndDisappear() throws Exception {
    assertEquals(
        List.of("sh", "-c", "echo a; echo b"), CommandLine.split("sh -c 'echo a; echo b'"));
    assertEquals(List.of("a b", "c"), CommandLine.split("\"a b\" c"));
    assertEquals(List.of("ab"), CommandLine.split("a'b'"));
    assertEquals(List.of("x", ""), CommandLine.split("x ''"));
  }

  @Test
  void backslashEscapes() throws Exception {
    assertEquals(List.of("a b"), CommandLine.split("a\\ b"));
    assertEquals(List.of("a\"b"), CommandLine.split("\"a\\\"b\""));
    assertEquals(List.of("a\\nb"), CommandLine.split("\"a\\nb\""));
    assertEquals(List.of("a\\b"), CommandLine.split("'a\\b'"));
  }

  @Test
  void noShell() throws Exception {
    assertEquals(List.of("echo", "$HOME", "*", "|", "x"), CommandLine.split("echo $HOME * | x"));
  }

  @Test
  void errorsAreSupervisordsSpawnErrors() {
    assertEquals(
        "can't parse command 'echo \"x': No closing quotation",
        assertThrows(BadCommandException.class, () -> CommandLine.split("echo \"x")).getMessage());
    assertEquals(
        "can't parse command 'echo \\\\': No escaped character",
        assertThrows(BadCommandException.class, () -> CommandLine.split("echo \\")).getMessage());
    assertEquals(
        "command is empty",
        assertThrows(BadCommandException.class, () -> CommandLine.split("   ")).getMessage());
  }
}
