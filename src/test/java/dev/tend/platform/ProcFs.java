package dev.tend.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Test helper: what /proc says about processes and about this JVM. */
final class ProcFs {
  private ProcFs() {}

  static int selfPid() {
    return (int) ProcessHandle.current().pid();
  }

  /** Fields of /proc/PID/stat after the command name: [0] = state, [1] = ppid, [2] = pgid ... */
  static Optional<String[]> stat(int pid) {
    try {
      String s = Files.readString(Path.of("/proc/" + pid + "/stat"));
      return Optional.of(s.substring(s.lastIndexOf(')') + 2).trim().split(" "));
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  static boolean alive(int pid) {
    return stat(pid).map(f -> !f[0].equals("Z") && !f[0].equals("X")).orElse(false);
  }

  /** Zombie children of this JVM (what a missing waitpid leaves behind). */
  static List<Integer> zombieChildren() {
    int self = selfPid();
    List<Integer> zombies = new ArrayList<>();
    for (int pid : allPids()) {
      stat(pid)
          .filter(f -> f[0].equals("Z") && Integer.parseInt(f[1]) == self)
          .ifPresent(f -> zombies.add(pid));
    }
    return zombies;
  }

  static List<Integer> allPids() {
    List<Integer> pids = new ArrayList<>();
    try (DirectoryStream<Path> dir = Files.newDirectoryStream(Path.of("/proc"))) {
      for (Path p : dir) {
        String name = p.getFileName().toString();
        if (!name.isEmpty() && name.chars().allMatch(Character::isDigit)) {
          pids.add(Integer.parseInt(name));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return pids;
  }

  static int openFdCount() {
    try (var files = Files.list(Path.of("/proc/self/fd"))) {
      return (int) files.count();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static int threadCount() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
        if (line.startsWith("Threads:")) {
          return Integer.parseInt(line.substring(8).trim());
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    throw new IllegalStateException("no Threads: line in /proc/self/status");
  }
}
