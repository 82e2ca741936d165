package dev.tend.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tend.testing.Await;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The launcher as a child subreaper: re-parented grandchildren are reaped and reported. */
class OrphanReapingIT {
  private static final Map<Integer, ExitStatus> unknown = new ConcurrentHashMap<>();
  private static NativeProcessLauncher launcher;

  @BeforeAll
  static void open() throws IOException {
    launcher = NativeProcessLauncher.openAsSubreaper(unknown::put);
  }

  @AfterAll
  static void close() throws IOException {
    launcher.close();
    Subreaper.disable();
  }

  @Test
  void grandchildOutlivingItsParentIsReapedAndReportedUnknown() throws Exception {
    assertTrue(Subreaper.isEnabled());
    ChildRun run = ChildRun.of("sh", "-c", "sleep 100 & echo $!").start(launcher);
    assertEquals(ExitStatus.exited(0), run.awaitExit());
    int grandchild = Integer.parseInt(run.out.text().trim());
    Await.value(
        "adoption of the grandchild by this subreaper",
        () -> ProcFs.stat(grandchild).orElseThrow(),
        f -> f[1].equals(Integer.toString(ProcFs.selfPid())));
    assertTrue(ProcFs.alive(grandchild));
    ProcessTree.of(grandchild).signal(Signal.TERM);
    Await.until("grandchild reaped", () -> unknown.containsKey(grandchild));
    assertEquals(ExitStatus.killed(15, false), unknown.get(grandchild));
    Await.until("no zombie children", () -> ProcFs.zombieChildren().isEmpty());
  }

  @Test
  void everyKnownChildExitIsDeliveredNormallyWhileSweeping() throws Exception {
    List<ChildRun> runs = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      runs.add(ChildRun.of("sh", "-c", "exit " + (i % 7)).start(launcher));
    }
    for (int i = 0; i < runs.size(); i++) {
      assertEquals(ExitStatus.exited(i % 7), runs.get(i).awaitExit());
      assertTrue(!unknown.containsKey(runs.get(i).child.pid()), "a known child reported unknown");
    }
    Await.until("no zombie children", () -> ProcFs.zombieChildren().isEmpty());
    assertEquals(0, launcher.liveChildren());
  }
}
