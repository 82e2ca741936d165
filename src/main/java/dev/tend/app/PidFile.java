package dev.tend.app;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The daemon's pidfile: {@code <pid>\n}. Beyond supervisord (which ignores an existing one), a
 * pidfile naming a live tend daemon stops a second one from starting on it.
 */
final class PidFile {
  private final Path path;

  PidFile(Path path) {
    this.path = path;
  }

  Path path() {
    return path;
  }

  /** The pid of a live tend daemon named by the file, if there is one. */
  Optional<Long> liveOwner() {
    try {
      String text = Files.readString(path, StandardCharsets.US_ASCII).trim();
      long pid = Long.parseLong(text);
      if (pid == ProcessHandle.current().pid()) {
        return Optional.empty();
      }
      Path cmdline = Path.of("/proc", Long.toString(pid), "cmdline");
      if (!Files.exists(cmdline)) {
        return Optional.empty();
      }
      String args = new String(Files.readAllBytes(cmdline), StandardCharsets.UTF_8);
      return args.contains("dev.tend.app.Main") && args.contains("daemon")
          ? Optional.of(pid)
          : Optional.empty();
    } catch (IOException | NumberFormatException e) {
      return Optional.empty();
    }
  }

  void write(long pid) throws IOException {
    Files.writeString(path, pid + "\n", StandardCharsets.US_ASCII);
  }

  void remove() {
    try {
      Files.deleteIfExists(path);
    } catch (IOException e) {
      // Leaving a stale pidfile at exit is harmless: the next start checks the pid.
    }
  }
}
