package dev.tend.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Threads do not grow with children; fds do not leak across spawn/exit cycles. */
class ManyChildrenIT {
  private static NativeProcessLauncher launcher;

  @BeforeAll
  static void open() throws IOException, Rlimits.LimitException {
    Rlimits.raiseOpenFiles(4096);
    launcher = NativeProcessLauncher.open();
  }

  @AfterAll
  static void close() {
    launcher.close();
  }

  @Test
  void fiveHundredChildrenCostNoThread() throws Exception {
    int before = ProcFs.threadCount();
    List<ChildRun> runs = new ArrayList<>();
    try {
      for (int i = 0; i < 500; i++) {
        runs.add(ChildRun.of("sleep", "600").start(launcher));
      }
      assertEquals(500, launcher.liveChildren());
      int during = ProcFs.threadCount();
      assertTrue(
          during <= before + 1, "threads: " + before + " with none, " + during + " with 500");
    } finally {
      for (ChildRun r : runs) {
        r.child.signal(Signal.KILL, false);
      }
    }
    for (ChildRun r : runs) {
      assertEquals(ExitStatus.killed(9, false), r.awaitExit());
    }
    assertEquals(0, launcher.liveChildren());
  }

  @Test
  void aThousandSpawnExitCyclesLeakNoFd() throws Exception {
    cycles(20); // warm up: classes, JNA, the first Memory blocks
    int before = ProcFs.openFdCount();
    cycles(1000);
    assertEquals(before, ProcFs.openFdCount(), "open fds before and after 1000 cycles");
  }

  private static void cycles(int n) throws Exception {
    for (int i = 0; i < n; i++) {
      ChildRun.Builder b = ChildRun.of("head", "-c", "1"); // exits once it has read our byte
      ChildRun run = (i % 50 == 0 ? b.umask(022) : b).start(launcher);
      run.child.writeStdin(new byte[] {1});
      assertEquals(ExitStatus.exited(0), run.awaitExit());
    }
  }
}
