package dev.tend.platform;

import java.nio.file.Files;
import java.nio.file.Path;

/** Run by DetacherIT in a detached JVM: records where it runs, then reports as told. */
public final class DetachedChildMain {
  private DetachedChildMain() {}

  public static void main(String[] args) throws Exception {
    Detacher.Readiness readiness = Detacher.Readiness.fromEnvironment(System.getenv());
    String stat = Files.readString(Path.of("/proc/self/stat"));
    Files.writeString(
        Path.of(args[0]),
        stat.substring(stat.lastIndexOf(')') + 2).trim()
            + "\ncwd="
            + Files.readSymbolicLink(Path.of("/proc/self/cwd"))
            + "\nfds="
            + Files.list(Path.of("/proc/self/fd")).count()
            + "\nstdin="
            + Files.readSymbolicLink(Path.of("/proc/self/fd/0")));
    switch (args[1]) {
      case "ready" -> readiness.ready();
      case "fail" -> {
        readiness.failed("Error: cannot open http server: address in use");
        Runtime.getRuntime().halt(2);
      }
      default -> Runtime.getRuntime().halt(3);
    }
  }
}
