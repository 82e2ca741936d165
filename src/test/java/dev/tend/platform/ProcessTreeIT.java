package dev.tend.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tend.testing.Await;
import java.io.IOException;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** ProcessTree on real processes; the sampler on a busy tree. */
class ProcessTreeIT {
  private static NativeProcessLauncher launcher;

  @BeforeAll
  static void open() throws IOException {
    launcher = NativeProcessLauncher.open();
  }

  @AfterAll
  static void close() {
    launcher.close();
  }

  @Test
  void findsAndKillsAGrandchildThatLeftTheSessionAndGroup() throws Exception {
    ChildRun run =
        ChildRun.of("sh", "-c", "setsid sleep 100 & echo $!; sleep 100; :").start(launcher);
    int escaped =
        Integer.parseInt(
            Await.value("pid of the setsid'd sleep", run.out::text, t -> t.endsWith("\n")).trim());
    ProcessTree tree =
        Await.value("tree of 3", () -> ProcessTree.of(run.child.pid()), t -> t.pids().size() == 3);
    // `echo $!` runs as soon as the background job is forked, maybe before it has called setsid
    Await.value(
        "the setsid'd sleep in a process group of its own",
        () -> ProcFs.stat(escaped).orElseThrow(),
        stat -> !stat[2].equals(Integer.toString(run.child.pid())));
    assertTrue(tree.pids().contains(escaped));

    List<Integer> killed = tree.signal(Signal.KILL);
    assertEquals(new TreeSet<>(tree.pids()), new TreeSet<>(killed));
    assertEquals(ExitStatus.killed(9, false), run.awaitExit());
    Awaited.gone(Set.copyOf(tree.pids()));
    assertTrue(tree.refresh().isEmpty());
    assertTrue(tree.signal(Signal.KILL).isEmpty(), "nothing left to signal, nothing reused hit");
  }

  @Test
  void refreshKeepsSurvivorsAndAddsTheirNewChildren() throws Exception {
    ChildRun run = ChildRun.of("sh", "-c", "read x; sleep 100 & wait").start(launcher);
    ProcessTree before =
        Await.value("tree of 1", () -> ProcessTree.of(run.child.pid()), t -> t.pids().size() == 1);
    run.child.writeStdin("go\n".getBytes());
    ProcessTree after = Await.value("tree of 2", before::refresh, t -> t.pids().size() == 2);
    after.signal(Signal.KILL);
    run.awaitExit();
    Awaited.gone(Set.copyOf(after.pids()));
  }

  @Test
  void samplerReportsCpuAndRssOfABusyChildAndItsChild() throws Exception {
    ChildRun run =
        ChildRun.of("sh", "-c", "(while :; do :; done) & while :; do :; done").start(launcher);
    try {
      int pid = run.child.pid();
      // a fresh sampler reports the average since the root started: two busy loops from the start
      ProcessSampler.Usage u =
          Await.value(
              "a busy tree",
              () -> new ProcessSampler().sample(List.of(pid)).get(pid),
              // > 10: well above an idle tree, yet reachable on a loaded 2-core machine
              s -> s != null && s.cpuPercent() > 10 && s.processes() == 2);
      assertTrue(u.rssBytes() > 100 * 1024, "rss of two shells: " + u.rssBytes());
    } finally {
      ProcessTree.of(run.child.pid()).signal(Signal.KILL);
      run.awaitExit();
    }
  }
}
