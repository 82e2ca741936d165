package dev.tend.control.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tend.api.ChangeBatch;
import dev.tend.api.ProcessInfo;
import dev.tend.api.ProcessState;
import dev.tend.api.SupervisorState;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** waitForChanges emulated by snapshots: diffs, cursors, timing, on a fake clock. */
class PolledChangesTest {
  private final Map<String, ProcessInfo> processes = new LinkedHashMap<>();
  private SupervisorState state = SupervisorState.RUNNING;
  private long nanos; // the fake clock
  private final List<Duration> sleeps = new ArrayList<>();
  private int snapshots;
  private Runnable duringSleep = () -> {};

  private final PolledChanges changes =
      new PolledChanges(
          () -> {
            snapshots++;
            return new PolledChanges.Snapshot(state, List.copyOf(processes.values()));
          },
          Duration.ofSeconds(1),
          d -> {
            sleeps.add(d);
            nanos += d.toNanos();
            duringSleep.run();
          },
          () -> nanos);

  private static ProcessInfo info(String name, ProcessState s, int pid, long now) {
    String description = s == ProcessState.RUNNING ? "pid " + pid + ", uptime 0:00:0" + now : "";
    return new ProcessInfo(
        name, name, description, 100, 0, now, s, "", 0, "/log/" + name, "", pid, -1, 0);
  }

  private void put(String name, ProcessState s, int pid, long now) {
    processes.put(name, info(name, s, pid, now));
  }

  @Test
  void cursorZeroGetsEverythingAtOnce() {
    put("a", ProcessState.RUNNING, 10, 1);
    put("b", ProcessState.STOPPED, 0, 1);
    ChangeBatch b = changes.waitForChanges(0, Duration.ofSeconds(30));
    assertTrue(b.full());
    assertEquals(List.copyOf(processes.values()), b.processes());
    assertEquals(List.of(), b.removed());
    assertEquals(List.of(), sleeps, "no waiting for the full set");
    assertTrue(b.cursor() > 0);
  }

  @Test
  void nothingChangedWaitsOutTheTimeoutPollingOncePerInterval() {
    put("a", ProcessState.RUNNING, 10, 1);
    long cursor = changes.waitForChanges(0, Duration.ZERO).cursor();
    snapshots = 0;
    ChangeBatch b = changes.waitForChanges(cursor, Duration.ofMillis(2500));
    assertEquals(new ChangeBatch(cursor, false, SupervisorState.RUNNING, List.of(), List.of()), b);
    assertEquals(
        List.of(Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofMillis(500)), sleeps);
    assertEquals(4, snapshots, "at 0, 1, 2 and 2.5 s");
  }

  @Test
  void theClockAdvancingInADescriptionIsNotAChange() {
    put("a", ProcessState.RUNNING, 10, 1);
    long cursor = changes.waitForChanges(0, Duration.ZERO).cursor();
    duringSleep = () -> put("a", ProcessState.RUNNING, 10, nanos / 1_000_000_000L + 1);
    ChangeBatch b = changes.waitForChanges(cursor, Duration.ofSeconds(3));
    assertEquals(List.of(), b.processes());
  }

  @Test
  void aStateChangeIsReportedAsSoonAsItIsSeenWithOnlyTheChangedProcess() {
    put("a", ProcessState.RUNNING, 10, 1);
    put("b", ProcessState.RUNNING, 11, 1);
    long cursor = changes.waitForChanges(0, Duration.ZERO).cursor();
    duringSleep =
        () -> {
          if (sleeps.size() == 2) {
            put("b", ProcessState.STOPPED, 0, 3);
          }
        };
    ChangeBatch b = changes.waitForChanges(cursor, Duration.ofSeconds(30));
    assertFalse(b.full());
    assertEquals(List.of(processes.get("b")), b.processes());
    assertEquals(2, sleeps.size(), "returned at the first poll that saw it");
    assertTrue(b.cursor() > cursor);
  }

  @Test
  void removedAndAddedProcessesAndTheSupervisorsStateAreChanges() {
    put("a", ProcessState.RUNNING, 10, 1);
    put("b", ProcessState.RUNNING, 11, 1);
    long c1 = changes.waitForChanges(0, Duration.ZERO).cursor();
    processes.remove("a");
    put("c", ProcessState.STARTING, 12, 1);
    ChangeBatch b = changes.waitForChanges(c1, Duration.ofSeconds(5));
    assertEquals(List.of("a"), b.removed());
    assertEquals(List.of(processes.get("c")), b.processes());
    state = SupervisorState.SHUTDOWN;
    ChangeBatch shutdown = changes.waitForChanges(b.cursor(), Duration.ofSeconds(5));
    assertEquals(SupervisorState.SHUTDOWN, shutdown.state());
    assertEquals(List.of(), shutdown.processes());
    assertTrue(shutdown.cursor() > b.cursor());
  }

  @Test
  void eachCallerDiffsAgainstItsOwnCursor() {
    put("a", ProcessState.RUNNING, 10, 1);
    long early = changes.waitForChanges(0, Duration.ZERO).cursor();
    put("a", ProcessState.STOPPED, 0, 2);
    long late = changes.waitForChanges(early, Duration.ZERO).cursor();
    put("b", ProcessState.RUNNING, 11, 3);
    assertEquals(
        List.of("a", "b"),
        changes.waitForChanges(early, Duration.ZERO).processes().stream()
            .map(ProcessInfo::name)
            .toList());
    assertEquals(
        List.of("b"),
        changes.waitForChanges(late, Duration.ZERO).processes().stream()
            .map(ProcessInfo::name)
            .toList());
  }

  @Test
  void aCursorTooOldOrUnknownGetsTheFullSetAgain() {
    put("a", ProcessState.RUNNING, 10, 1);
    long first = changes.waitForChanges(0, Duration.ZERO).cursor();
    for (int i = 0; i < 10; i++) {
      put("a", ProcessState.RUNNING, 100 + i, 1); // a new pid each time: a change
      changes.waitForChanges(first + i, Duration.ZERO);
    }
    assertTrue(changes.waitForChanges(first, Duration.ZERO).full(), "evicted");
    assertTrue(changes.waitForChanges(987_654, Duration.ZERO).full(), "never issued");
  }

  @Test
  void anInterruptEndsTheWaitAtOnceAndKeepsTheFlag() {
    put("a", ProcessState.RUNNING, 10, 1);
    long cursor = changes.waitForChanges(0, Duration.ZERO).cursor();
    Thread.currentThread().interrupt();
    try {
      ChangeBatch b = changes.waitForChanges(cursor, Duration.ofSeconds(30));
      assertEquals(List.of(), b.processes());
      assertEquals(List.of(), sleeps);
      assertTrue(Thread.currentThread().isInterrupted());
    } finally {
      Thread.interrupted();
    }
  }

  // -- with a probe: a quiet supervisord is asked for a cheap mark, not every process --

  private String logTail = "spawned: 'a' with pid 10";
  private int marks;

  private PolledChanges probed() {
    return new PolledChanges(
        () -> {
          snapshots++;
          return new PolledChanges.Snapshot(state, List.copyOf(processes.values()));
        },
        () -> {
          marks++;
          return new PolledChanges.Mark(state, logTail);
        },
        Duration.ofSeconds(10),
        Duration.ofSeconds(5),
        Duration.ofSeconds(1),
        d -> {
          sleeps.add(d);
          nanos += d.toNanos();
          duringSleep.run();
        },
        () -> nanos);
  }

  @Test
  void aQuietServerIsProbedEverySecondAndLookedAtInFullOnlyEveryTenSeconds() {
    PolledChanges quiet = probed();
    put("a", ProcessState.RUNNING, 10, 1);
    long cursor = quiet.waitForChanges(0, Duration.ZERO).cursor();
    snapshots = 0;
    ChangeBatch b = quiet.waitForChanges(cursor, Duration.ofSeconds(30));
    assertEquals(List.of(), b.processes());
    assertEquals(32, marks, "the first call's, then one at 0, 1, ... 30 s");
    assertEquals(3, snapshots, "in full at 10, 20 and 30 s");
  }

  @Test
  void aMovedMainLogTakesASnapshotAtOnceAndKeepsPollingInFullWhileChangesAreRecent() {
    PolledChanges watched = probed();
    put("a", ProcessState.RUNNING, 10, 1);
    long cursor = watched.waitForChanges(0, Duration.ZERO).cursor();
    snapshots = 0;
    duringSleep =
        () -> {
          if (sleeps.size() == 3) {
            put("a", ProcessState.EXITED, 0, 3);
            logTail += "\nexited: a (exit status 0; expected)";
          }
        };
    ChangeBatch b = watched.waitForChanges(cursor, Duration.ofSeconds(30));
    assertEquals(List.of(processes.get("a")), b.processes());
    assertEquals(1, snapshots, "only when the mark moved, at 3 s");
    snapshots = 0;
    watched.waitForChanges(b.cursor(), Duration.ofSeconds(8));
    assertEquals(5, snapshots, "every second while the change is under 5 s old, then probes");
  }

  @Test
  void aChangeTheMainLogDoesNotShowIsSeenWithinTheFullInterval() {
    PolledChanges watched = probed();
    put("a", ProcessState.RUNNING, 10, 1);
    long cursor = watched.waitForChanges(0, Duration.ZERO).cursor();
    nanos += Duration.ofSeconds(6).toNanos(); // the start is not a change
    duringSleep = () -> put("a", ProcessState.STOPPING, 10, 2); // logged at debug level only
    ChangeBatch b = watched.waitForChanges(cursor, Duration.ofSeconds(30));
    assertEquals(List.of(processes.get("a")), b.processes());
    assertTrue(nanos <= Duration.ofSeconds(16).toNanos(), "seen by the 10 s look: " + nanos);
  }

  @Test
  void withoutAMainLogToReadEveryPollIsInFull() {
    PolledChanges blind = probed();
    logTail = "";
    put("a", ProcessState.RUNNING, 10, 1);
    long cursor = blind.waitForChanges(0, Duration.ZERO).cursor();
    nanos += Duration.ofSeconds(6).toNanos();
    snapshots = 0;
    blind.waitForChanges(cursor, Duration.ofSeconds(3));
    assertEquals(4, snapshots, "at 0, 1, 2 and 3 s");
  }
}
