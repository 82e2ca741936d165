package dev.tend.core;

import static dev.tend.api.ProcessState.RUNNING;
import static dev.tend.api.ProcessState.STARTING;
import static dev.tend.api.ProcessState.STOPPED;
import static dev.tend.api.ProcessState.STOPPING;
import static dev.tend.testing.TestConfigs.config;
import static dev.tend.testing.TestConfigs.process;
import static dev.tend.testing.TestConfigs.program;
import static dev.tend.testing.TestConfigs.with;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tend.config.Autorestart;
import dev.tend.config.ProcessConfig;
import dev.tend.platform.ExitStatus;
import dev.tend.platform.HeldPipes;
import dev.tend.platform.PidHandle;
import dev.tend.platform.ProcessStart;
import dev.tend.platform.Signal;
import dev.tend.testing.ManualLoop;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * A previous daemon's process taken over by its program at start-up, on the fake clock and
 * launcher: adopted instead of spawned, RUNNING by its real age, stopped and seen to exit like any
 * child; or replaced (stopped, then its program started anew).
 */
class AdoptionTest {
  private static final int SELF = (int) ProcessHandle.current().pid();

  /** What a roster was told, as "+pid" and "-pid". */
  private final List<String> roster = new ArrayList<>();

  private final Roster recording =
      new Roster() {
        @Override
        public void running(String group, ProcessConfig config, int pid, long startTime) {
          roster.add("+" + pid);
        }

        @Override
        public void gone(int pid) {
          roster.add("-" + pid);
        }
      };

  /** An orphan of {@code web}, started {@code ageMillis} before the fake clock's now. */
  private static Orphan orphan(ManualLoop clock, long ageMillis, boolean replace) {
    PidHandle self = PidHandle.open(SELF, ProcessStart.of(SELF)).orElseThrow();
    RosterEntry entry =
        new RosterEntry(SELF, self.startTime(), "web", "web", "id", Signal.TERM, 10, false, false);
    return new Orphan(entry, self, HeldPipes.NONE, clock.wallMillis() - ageMillis, replace);
  }

  private CoreHarness started(
      UnaryOperator<dev.tend.testing.TestConfigs.Builder> change, long age, boolean replace) {
    ProcessConfig p = with(process("web", "server --port 80"), change);
    ManualLoop clockOnly = new ManualLoop(); // the same fixed start as the harness's loop
    Orphans orphans = new Orphans(List.of(orphan(clockOnly, age, replace)));
    return new CoreHarness(config(program(p)), orphans, recording).start();
  }

  @Test
  void anOrphanOfAnUnchangedProgramIsAdoptedRunningWithItsPidInsteadOfSpawned() {
    CoreHarness h = started(b -> b.startsecs(1), 60_000, false);
    assertEquals(RUNNING, h.state("web"));
    assertEquals(SELF, h.pid("web"));
    assertEquals(0, h.launcher.spawnCount(), "nothing was started a second time");
    assertEquals(1, h.launcher.adoptions().size());
    assertEquals(List.of("STOPPED->STARTING", "STARTING->RUNNING"), h.transitions("web"));
    assertEquals(List.of("+" + SELF), roster, "the adopted process is in this daemon's roster");
    assertEquals(h.loop.wallMillis() / 1000 - 60, h.info("web").start(), "its real start time");
    assertTrue(h.info("web").description().contains("uptime 0:01:00"), h.info("web").description());
  }

  @Test
  void aYoungOrphanStaysStartingUntilStartsecsCountedFromItsRealStart() {
    CoreHarness h = started(b -> b.startsecs(5), 1_000, false);
    assertEquals(STARTING, h.state("web"));
    h.loop.advance(4_000);
    assertEquals(STARTING, h.state("web"), "up exactly startsecs is not yet more than startsecs");
    h.loop.advance(1);
    assertEquals(RUNNING, h.state("web"));
  }

  @Test
  void anAdoptedProcessIsStoppedWithItsStopSignalAndItsExitIsSeen() {
    CoreHarness h = started(b -> b.startsecs(1), 60_000, false);
    h.supervisor.stopProcess("web", false);
    h.loop.runPending();
    assertEquals(STOPPING, h.state("web"));
    assertEquals(List.of("TERM"), h.child("web").signals());
    h.launcher.exit(SELF, ExitStatus.killed(15, false));
    h.loop.runPending();
    assertEquals(STOPPED, h.state("web"));
    assertEquals(List.of("+" + SELF, "-" + SELF), roster);
  }

  @Test
  void anAdoptedProcessEndingWithAnUnknownStatusIsRestartedAsItsConfigSays() {
    CoreHarness h = started(b -> b.startsecs(1).autorestart(Autorestart.UNEXPECTED), 60_000, false);
    h.launcher.exit(SELF, ExitStatus.UNKNOWN);
    h.loop.runPending();
    assertTrue(h.transitions("web").contains("RUNNING->EXITED"), h.transitions("web").toString());
    assertEquals(1, h.launcher.spawnCount(), "an unknown end is not an expected exit code");
    assertEquals(STARTING, h.state("web"));
  }

  @Test
  void anOrphanOfAProgramWithoutAutostartIsAdoptedAllTheSame() {
    CoreHarness h = started(b -> b.startsecs(1).autostart(false), 60_000, false);
    assertEquals(RUNNING, h.state("web"));
  }

  @Test
  void aReplacedOrphanIsStoppedFirstAndItsProgramStartsOnlyOnceItIsGone() {
    CoreHarness h = started(b -> b.startsecs(1).stopwaitsecs(7), 60_000, true);
    assertEquals(STOPPING, h.state("web"));
    assertEquals(List.of("TERM"), h.child("web").signals());
    assertEquals(0, h.launcher.spawnCount(), "no second process while the first runs");
    h.loop.advance(7_000);
    assertEquals(List.of("TERM", "KILL"), h.child("web").signals(), "stopwaitsecs applies");
    h.launcher.exit(SELF, ExitStatus.killed(9, false));
    h.loop.runPending();
    assertEquals(1, h.launcher.spawnCount());
    assertEquals(STARTING, h.state("web"));
    assertTrue(h.pid("web") != SELF);
  }

  @Test
  void withoutOrphansTheProgramIsSpawnedAsBefore() {
    CoreHarness h =
        new CoreHarness(config(program(process("web", "server"))), Orphans.none(), recording)
            .start();
    assertEquals(1, h.launcher.spawnCount());
    assertEquals(List.of("+" + h.pid("web")), roster, "a spawn is recorded");
    int pid = h.pid("web");
    h.exit("web", 0);
    assertEquals(List.of("+" + pid, "-" + pid), roster, "and so is its end");
  }
}
