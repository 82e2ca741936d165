package dev.tend.platform;

import dev.tend.api.PythonText;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Turns a command's first word into the file to execute, the way supervisord's {@code
 * get_execv_args} and {@code check_execv_args} do: a word with a {@code /} is used as is (relative
 * to the daemon's working directory); any other is looked up in each PATH entry in turn, the first
 * entry that stat()s winning even if it then fails the checks. Needs no native code.
 */
public final class CommandResolver {
  /** supervisord's PATH when neither the program nor the daemon has one. */
  public static final List<String> DEFAULT_PATH = List.of("/bin", "/usr/bin", "/usr/local/bin");

  private static final Set<PosixFilePermission> EXECUTE =
      Set.of(
          PosixFilePermission.OWNER_EXECUTE,
          PosixFilePermission.GROUP_EXECUTE,
          PosixFilePermission.OTHERS_EXECUTE);

  private final List<String> path;

  /** Searches these directories, in order. */
  public CommandResolver(List<String> path) {
    this.path = List.copyOf(path);
  }

  /**
   * supervisord's search path: the {@code PATH} of the program's {@code environment=} setting when
   * it has one (even empty), else the daemon's {@code PATH} when set and not empty, else {@link
   * #DEFAULT_PATH}.
   */
  public static CommandResolver forPaths(
      @Nullable String programPath, @Nullable String daemonPath) {
    if (programPath != null) {
      return new CommandResolver(Arrays.asList(programPath.split(":", -1)));
    }
    if (daemonPath != null && !daemonPath.isEmpty()) {
      return new CommandResolver(Arrays.asList(daemonPath.split(":", -1)));
    }
    return new CommandResolver(DEFAULT_PATH);
  }

  /** The outcome of resolving a command; the core maps the failures to spawn errors. */
  public sealed interface Result permits Found, NotFound, NotExecutable, NoPermission {}

  /** The file to execute (possibly relative, as supervisord would exec it). */
  public record Found(Path file) implements Result {}

  /** {@code can't find command 'x'} (fault NO_FILE). */
  public record NotFound(String message) implements Result {}

  /** {@code command at 'x' is a directory} or {@code ... is not executable} (NOT_EXECUTABLE). */
  public record NotExecutable(String message) implements Result {}

  /** {@code no permission to run command 'x'} (NOT_EXECUTABLE in supervisord's RPC too). */
  public record NoPermission(String message) implements Result {}

  public Result resolve(String program) {
    String filename = program;
    PosixFileAttributes attrs = null;
    if (program.contains("/")) {
      attrs = stat(program);
    } else {
      for (String dir : path) {
        String candidate = join(dir, program);
        attrs = stat(candidate);
        if (attrs != null) {
          filename = candidate;
          break;
        }
      }
    }
    if (attrs == null) {
      return new NotFound("can't find command " + PythonText.repr(filename));
    }
    if (attrs.isDirectory()) {
      return new NotExecutable("command at " + PythonText.repr(filename) + " is a directory");
    }
    if (attrs.permissions().stream().noneMatch(EXECUTE::contains)) {
      return new NotExecutable("command at " + PythonText.repr(filename) + " is not executable");
    }
    Path file = Path.of(filename);
    if (!Files.isExecutable(file)) {
      return new NoPermission("no permission to run command " + PythonText.repr(filename));
    }
    return new Found(file);
  }

  /** Python's os.path.join for a directory and a bare name. */
  private static String join(String dir, String name) {
    if (dir.isEmpty() || dir.endsWith("/")) {
      return dir + name;
    }
    return dir + "/" + name;
  }

  /**
   * stat(2), or null when there is nothing there. Asked without an exception for a missing file:
   * the PATH search misses in most directories, and each exception (a stack trace) cost more than
   * the stat itself, at every spawn.
   */
  private static @Nullable PosixFileAttributes stat(String file) {
    try {
      Path p = Path.of(file);
      // The JDK answers "if exists" without an exception for the basic view only; on Linux that
      // answer is the POSIX one.
      BasicFileAttributes a =
          p.getFileSystem().provider().readAttributesIfExists(p, BasicFileAttributes.class);
      if (a == null || a instanceof PosixFileAttributes) {
        return (PosixFileAttributes) a;
      }
      return Files.readAttributes(p, PosixFileAttributes.class);
    } catch (IOException | InvalidPathException | UnsupportedOperationException e) {
      return null;
    }
  }
}
