package dev.tend.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Finds processes a run left behind by the {@link BenchConfig#MARKER} in their environment (a
 * program that outlived its daemon, or reparented to init) and kills them.
 */
final class Leftovers {
  private Leftovers() {}

  /** Kills every process whose marker is {@code dir} or a folder under it; returns how many. */
  static int kill(Path dir) {
    byte[] needle = (BenchConfig.MARKER + "=" + dir).getBytes(StandardCharsets.UTF_8);
    int killed = 0;
    try (DirectoryStream<Path> procs = Files.newDirectoryStream(Path.of("/proc"), "[0-9]*")) {
      for (Path p : procs) {
        if (contains(read(p.resolve("environ")), needle)) {
          long pid = Long.parseLong(p.getFileName().toString());
          if (ProcessHandle.of(pid).map(ProcessHandle::destroyForcibly).orElse(false)) {
            killed++;
          }
        }
      }
    } catch (IOException e) {
      // no /proc: nothing to sweep
    }
    return killed;
  }

  private static byte[] read(Path environ) {
    try {
      return Files.readAllBytes(environ);
    } catch (IOException e) {
      return new byte[0];
    }
  }

  private static boolean contains(byte[] hay, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= hay.length; i++) {
      if (i > 0 && hay[i - 1] != 0) {
        continue; // only at the start of a NAME=value entry
      }
      for (int j = 0; j < needle.length; j++) {
        if (hay[i + j] != needle[j]) {
          continue outer;
        }
      }
      int next = i + needle.length;
      if (next == hay.length || hay[next] == 0 || hay[next] == '/') {
        return true;
      }
    }
    return false;
  }
}
