package dev.tend.platform;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** The host's node name, as Python's {@code platform.node()} gives it (uname's nodename). */
public final class Hostname {
  private static final Path KERNEL_HOSTNAME = Path.of("/proc/sys/kernel/hostname");

  private Hostname() {}

  /** The node name; empty when it cannot be read, as platform.node() returns then. */
  public static String get() {
    return read(KERNEL_HOSTNAME);
  }

  static String read(Path file) {
    try {
      return new String(Files.readAllBytes(file), StandardCharsets.UTF_8).strip();
    } catch (IOException | SecurityException e) {
      return "";
    }
  }
}
