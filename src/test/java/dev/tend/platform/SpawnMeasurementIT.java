package dev.tend.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Numbers for the report, not a gate: run with {@code -Dtend.measure=true}; writes
 * target/platform-measurements.txt.
 */
@EnabledIfSystemProperty(named = "tend.measure", matches = "true")
class SpawnMeasurementIT {
  @Test
  void measure() throws Exception {
    Rlimits.raiseOpenFiles(4096);
    StringBuilder report = new StringBuilder();
    try (NativeProcessLauncher launcher = NativeProcessLauncher.open()) {
      rate(launcher, 200, false); // warm-up
      rate(launcher, 50, true);
      report.append(
          String.format("direct posix_spawn /bin/true: %.0f/s%n", rate(launcher, 2000, false)));
      report.append(
          String.format("trampoline (umask) /bin/true: %.0f/s%n", rate(launcher, 500, true)));
      int none = ProcFs.threadCount();
      List<ChildRun> sleeping = new ArrayList<>();
      for (int i = 0; i < 500; i++) {
        sleeping.add(ChildRun.of("sleep", "600").start(launcher));
      }
      report.append(
          "JVM threads with 0 children: " + none + ", with 500: " + ProcFs.threadCount() + "\n");
      for (ChildRun r : sleeping) {
        r.child.signal(Signal.KILL, false);
      }
      for (ChildRun r : sleeping) {
        r.awaitExit();
      }
    }
    Files.writeString(Path.of("target", "platform-measurements.txt"), report);
  }

  private static double rate(NativeProcessLauncher launcher, int n, boolean trampoline)
      throws Exception {
    long t0 = System.nanoTime();
    List<ChildRun> runs = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      ChildRun.Builder b = ChildRun.of("true");
      runs.add((trampoline ? b.umask(022) : b).start(launcher));
    }
    for (ChildRun r : runs) {
      assertEquals(ExitStatus.exited(0), r.awaitExit());
    }
    return n / ((System.nanoTime() - t0) / 1e9);
  }
}
