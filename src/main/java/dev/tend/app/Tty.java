package dev.tend.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Whether a standard stream is a terminal, from {@code /proc/self/fd} (no native code on tend ctl's
 * start-up path; {@code System.console()} says only whether both stdin and stdout are).
 */
final class Tty {
  private Tty() {}

  static boolean isTerminal(int fd) {
    try {
      String target = Files.readSymbolicLink(Path.of("/proc/self/fd/" + fd)).toString();
      return target.startsWith("/dev/pts/")
          || target.startsWith("/dev/tty")
          || target.equals("/dev/console");
    } catch (IOException | UnsupportedOperationException e) {
      return fd == 1 && System.console() != null;
    }
  }
}
