package dev.tend.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** supervisord's get_execv_args / check_execv_args outcomes and wording. */
class CommandResolverTest {
  @TempDir Path tmp;

  private Path file(String dir, String name, String mode) throws IOException {
    Path d = Files.createDirectories(tmp.resolve(dir));
    Path f = Files.writeString(d.resolve(name), "#!/bin/sh\n");
    Files.setPosixFilePermissions(f, PosixFilePermissions.fromString(mode));
    return f;
  }

  private CommandResolver.Result resolve(String program, String... dirs) {
    List<String> path = java.util.Arrays.stream(dirs).map(d -> tmp.resolve(d).toString()).toList();
    return new CommandResolver(path).resolve(program);
  }

  @Test
  void firstPathEntryThatExistsWinsEvenWhenNotExecutable() throws IOException {
    Path plain = file("a", "prog", "rw-r--r--");
    file("b", "prog", "rwxr-xr-x");
    assertEquals(
        new CommandResolver.NotExecutable("command at '" + plain + "' is not executable"),
        resolve("prog", "missing", "a", "b"));
  }

  @Test
  void searchesThePathInOrder() throws IOException {
    Path b = file("b", "prog", "rwxr-xr-x");
    assertEquals(new CommandResolver.Found(b), resolve("prog", "a", "b"));
  }

  @Test
  void notFoundNamesTheBareCommand() {
    assertEquals(
        new CommandResolver.NotFound("can't find command 'nope'"), resolve("nope", "a", "b"));
  }

  @Test
  void slashMeansUsedAsIsAndADirectoryIsNotExecutable() {
    assertEquals(
        new CommandResolver.NotExecutable("command at '" + tmp + "' is a directory"),
        new CommandResolver(List.of()).resolve(tmp.toString()));
    assertEquals(
        new CommandResolver.NotFound("can't find command '/no/such'"),
        new CommandResolver(List.of("/bin")).resolve("/no/such"));
  }

  @Test
  void executableBitButNoAccessIsNoPermission() throws IOException {
    // root passes access(X_OK) whenever any x bit is set; only a non-root user can see this case
    org.junit.jupiter.api.Assumptions.assumeFalse(
        "root".equals(System.getProperty("user.name")), "root may run anything with an x bit");
    Path f = file("c", "prog", "rw-r--r-x");
    Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rw-rw---x"));
    assertEquals(
        new CommandResolver.NoPermission("no permission to run command '" + f + "'"),
        new CommandResolver(List.of()).resolve(f.toString()));
  }

  @Test
  void searchPathComesFromTheProgramThenTheDaemonThenTheDefault() throws IOException {
    Path a = file("a", "prog", "rwxr-xr-x");
    String dirA = a.getParent().toString();
    assertEquals(
        new CommandResolver.Found(a), CommandResolver.forPaths(dirA, "/usr/bin").resolve("prog"));
    assertEquals(
        new CommandResolver.Found(a), CommandResolver.forPaths(null, dirA).resolve("prog"));
    assertEquals(
        new CommandResolver.Found(Path.of("/bin/sh")),
        CommandResolver.forPaths(null, "").resolve("sh"));
    assertEquals(
        new CommandResolver.NotFound("can't find command 'sh'"),
        CommandResolver.forPaths("", "/bin").resolve("sh"));
  }
}
