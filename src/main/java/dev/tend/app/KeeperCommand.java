package dev.tend.app;

import dev.tend.platform.Keeper;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code tend keeper NAME}: the keeper process a daemon starts (never a person): it serves the
 * listening socket NAME the daemon made and passed as fd 3, holding the daemon's children's pipes
 * across a daemon crash (see docs/CRASH.md). Its JVM is started small: interpreted, serial GC, a
 * few MiB of heap; it does almost nothing and must cost little.
 */
final class KeeperCommand {
  private KeeperCommand() {}

  /** The JVM flags of a keeper (measured in docs/CRASH.md). */
  static final List<String> JVM_OPTIONS =
      List.of(
          "-Xint",
          "-XX:+UseSerialGC",
          "-Xms1m",
          "-Xmx8m",
          "-Xss256k",
          "-XX:MaxMetaspaceSize=32m",
          "-XX:-UsePerfData",
          "-XX:+DisableAttachMechanism",
          "--enable-native-access=ALL-UNNAMED");

  static int run(String[] args, PrintStream err) {
    try {
      Keeper.serveInherited(3);
      return 0;
    } catch (IOException | RuntimeException e) {
      err.println("tend keeper: " + e.getMessage());
      return 1;
    }
  }

  /** The command line that starts a keeper named {@code name}, on this JVM's runtime and jars. */
  static List<String> command(String name) {
    List<String> command = new ArrayList<>();
    command.add(
        ProcessHandle.current()
            .info()
            .command()
            .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
    command.addAll(JVM_OPTIONS);
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(Main.class.getName());
    command.add("keeper");
    command.add(name);
    return command;
  }
}
