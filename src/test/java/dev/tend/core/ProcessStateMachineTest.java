package dev.tend.core;

import static dev.tend.api.ProcessState.BACKOFF;
import static dev.tend.api.ProcessState.EXITED;
import static dev.tend.api.ProcessState.FATAL;
import static dev.tend.api.ProcessState.RUNNING;
import static dev.tend.api.ProcessState.STARTING;
import static dev.tend.api.ProcessState.STOPPED;
import static dev.tend.api.ProcessState.STOPPING;
import static dev.tend.api.ProcessState.UNKNOWN;
import static dev.tend.testing.TestConfigs.config;
import static dev.tend.testing.TestConfigs.process;
import static dev.tend.testing.TestConfigs.program;
import static dev.tend.testing.TestConfigs.with;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tend.api.Fault;
import dev.tend.api.FaultException;
import dev.tend.config.Autorestart;
import dev.tend.config.ProcessConfig;
import dev.tend.platform.SpawnException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** Every transition of spec §2.2, on a fake clock and a fake launcher. */
class ProcessStateMachineTest {

  private static CoreHarness one(UnaryOperator<dev.tend.testing.TestConfigs.Builder> change) {
    ProcessConfig p = with(process("web", "server --port 80"), change);
    return new CoreHarness(config(program(p))).start();
  }

  @Test
  void autostartSpawnsAndStaysStartingUntilStartsecsPass() {
    CoreHarness h = one(b -> b.startsecs(2));
    assertEquals(STARTING, h.state("web"));
    assertEquals(1, h.launcher.spawnCount());
    h.loop.advance(2000);
    assertEquals(STARTING, h.state("web"), "RUNNING needs uptime strictly above startsecs");
    h.loop.advance(1);
    assertEquals(RUNNING, h.state("web"));
    assertEquals(List.of("STOPPED->STARTING", "STARTING->RUNNING"), h.transitions("web"));
  }

  @Test
  void startsecsZeroIsRunningAtOnce() {
    CoreHarness h = one(b -> b.startsecs(0));
    h.loop.advance(1);
    assertEquals(RUNNING, h.state("web"));
  }

  @Test
  void noAutostartStaysStopped() {
    CoreHarness h = one(b -> b.autostart(false));
    assertEquals(STOPPED, h.state("web"));
    assertEquals("Not started", h.info("web").description());
    assertEquals(0, h.launcher.spawnCount());
  }

  @Test
  void quickExitsBackOffLinearlyThenGoFatal() {
    CoreHarness h = one(b -> b.startsecs(1).startretries(3));
    List<Long> attempts = new ArrayList<>();
    long t0 = h.loop.monotonicMillis();
    attempts.add(0L);
    for (int i = 0; i < 4; i++) {
      h.exit("web", 0); // even an expected code is a failure before startsecs
      if (i < 3) {
        assertEquals(BACKOFF, h.state("web"));
        assertEquals(
            "Exited too quickly (process log may have details)", h.info("web").description());
        int spawned = h.launcher.spawnCount();
        while (h.launcher.spawnCount() == spawned) {
          h.loop.advance(100);
        }
        attempts.add(h.loop.monotonicMillis() - t0);
      }
    }
    assertEquals(FATAL, h.state("web"));
    assertEquals(List.of(0L, 1000L, 3000L, 6000L), attempts, "waits of 1, 2, 3 s");
    assertEquals(4, h.launcher.spawnCount(), "startretries + 1 attempts");
    assertEquals(0, h.info("web").exitstatus(), "a too-quick exit reports no status");
  }

  @Test
  void spawnErrorGoesToBackoffWithItsTextAndGivesUp() {
    CoreHarness h =
        new CoreHarness(config(program(with(process("nocmd", "nosuch"), b -> b.startretries(1)))));
    h.badCommands.put(
        "nosuch",
        new CommandPreparer.CommandException(
            CommandPreparer.CommandException.Kind.NOT_FOUND, "can't find command 'nosuch'"));
    h.start();
    assertEquals(BACKOFF, h.state("nocmd"));
    assertEquals("can't find command 'nosuch'", h.info("nocmd").description());
    h.loop.advance(1000);
    assertEquals(FATAL, h.state("nocmd"));
    assertEquals("can't find command 'nosuch'", h.info("nocmd").spawnerr());
    assertEquals(0, h.launcher.spawnCount());
    assertEquals(
        List.of(
            "STOPPED->STARTING",
            "STARTING->BACKOFF",
            "BACKOFF->STARTING",
            "STARTING->BACKOFF",
            "BACKOFF->FATAL"),
        h.transitions("nocmd"));
  }

  @Test
  void forkFailureTextsFollowSupervisord() {
    CoreHarness h =
        new CoreHarness(config(program(with(process("w", "w"), b -> b.autostart(false))))).start();
    h.launcher.failWith(new SpawnException(24, "EMFILE", "Too many open files"));
    assertThrows(FaultException.class, () -> h.supervisor.startProcess("w", false));
    assertEquals("too many open files to spawn 'w'", h.info("w").spawnerr());
    h.launcher.failWith(new SpawnException(11, "EAGAIN", "Resource temporarily unavailable"));
    h.loop.advance(1000);
    assertEquals("Too many processes in process table to spawn 'w'", h.info("w").spawnerr());
    h.launcher.failWith(new SpawnException(12, "ENOMEM", "Cannot allocate memory"));
    h.loop.advance(2000);
    assertEquals("unknown error during fork for 'w': ENOMEM", h.info("w").spawnerr());
  }

  @Test
  void expectedExitFromRunningIsNotRestartedByDefault() {
    CoreHarness h = one(b -> b);
    h.loop.advance(1001);
    h.exit("web", 0);
    assertEquals(EXITED, h.state("web"));
    assertEquals(1, h.launcher.spawnCount());
    assertEquals("", h.info("web").spawnerr());
  }

  @Test
  void unexpectedExitRestartsAtOnceWithoutBackoff() {
    CoreHarness h = one(b -> b);
    h.loop.advance(1001);
    h.exit("web", 3);
    assertEquals(STARTING, h.state("web"), "respawned in the same loop turn");
    assertEquals(2, h.launcher.spawnCount());
    assertEquals(1, h.info("web").restarts());
    assertTrue(h.transitions("web").contains("RUNNING->EXITED"));
  }

  @Test
  void badExitCodeIsTheSpawnerrWhileExited() {
    CoreHarness h = one(b -> b.autorestart(Autorestart.FALSE));
    h.loop.advance(1001);
    h.exit("web", 3);
    assertEquals(EXITED, h.state("web"));
    assertEquals(3, h.info("web").exitstatus());
    assertEquals("Bad exit code 3", h.info("web").spawnerr());
    assertEquals("Nov 14 10:13 PM", h.info("web").description());
  }

  @Test
  void autorestartTrueRestartsEvenExpectedExits() {
    CoreHarness h = one(b -> b.autorestart(Autorestart.TRUE));
    h.loop.advance(1001);
    h.exit("web", 0);
    assertEquals(STARTING, h.state("web"));
  }

  @Test
  void exitcodesDecideWhatIsExpected() {
    CoreHarness h = one(b -> b.exitcodes(0, 2));
    h.loop.advance(1001);
    h.exit("web", 2);
    assertEquals(EXITED, h.state("web"));
    assertEquals(1, h.launcher.spawnCount());
  }

  @Test
  void deathBySignalIsUnexpectedWithStatusMinusOne() {
    CoreHarness h = one(b -> b.autorestart(Autorestart.FALSE));
    h.loop.advance(1001);
    h.killedBy("web", 9);
    assertEquals(EXITED, h.state("web"));
    assertEquals(-1, h.info("web").exitstatus());
    assertEquals(9, h.info("web").exitSignal());
  }

  @Test
  void exitAfterStartsecsButBeforeThePromotionPassesThroughRunning() {
    CoreHarness h = one(b -> b.startsecs(1).autorestart(Autorestart.FALSE));
    h.loop.advance(1000); // exactly startsecs: not yet promoted
    assertEquals(STARTING, h.state("web"));
    h.exit("web", 0);
    assertEquals(
        List.of("STOPPED->STARTING", "STARTING->RUNNING", "RUNNING->EXITED"), h.transitions("web"));
  }

  @Test
  void stopSendsStopsignalThenKillsAfterStopwaitsecs() {
    CoreHarness h = one(b -> b.stopwaitsecs(5));
    h.loop.advance(1001);
    int pid = h.pid("web");
    h.supervisor.stopProcess("web", false);
    assertEquals(STOPPING, h.state("web"));
    assertEquals(List.of("TERM"), h.launcher.child(pid).signals());
    h.loop.advance(4999);
    assertEquals(List.of("TERM"), h.launcher.child(pid).signals());
    h.loop.advance(1);
    assertEquals(List.of("TERM", "KILL"), h.launcher.child(pid).signals());
    h.loop.advance(5000);
    assertEquals(
        List.of("TERM", "KILL", "KILL"), h.launcher.child(pid).signals(), "repeated each time");
    h.killedBy("web", 9);
    assertEquals(STOPPED, h.state("web"));
    assertEquals(0, h.pid("web"));
    assertEquals(1, h.launcher.spawnCount(), "a stopped process is not restarted");
  }

  @Test
  void stopasgroupSignalsTheGroupAndKillasgroupTheKill() {
    CoreHarness h = one(b -> b.stopasgroup(true).stopwaitsecs(1));
    h.loop.advance(1001);
    int pid = h.pid("web");
    h.supervisor.stopProcess("web", false);
    h.loop.advance(1000);
    assertEquals(List.of("group:TERM", "group:KILL"), h.launcher.child(pid).signals());
  }

  @Test
  void groupStopLeavesNothingOfTheTreeBehind() {
    CoreHarness h = one(b -> b.stopasgroup(true).stopwaitsecs(3));
    h.loop.advance(1001);
    int pid = h.pid("web");
    h.treeSurvivors = 2; // e.g. a setsid'd grandchild and its child
    h.supervisor.stopProcess("web", false);
    assertEquals(List.of(), h.treeSignals, "the program itself gets the first signal");
    h.exit("web", 0);
    assertEquals(List.of(pid + ":TERM"), h.treeSignals, "survivors get the stop signal");
    h.loop.advance(3000);
    assertEquals(List.of(pid + ":TERM", pid + ":KILL"), h.treeSignals, "then SIGKILL");
  }

  @Test
  void plainStopDoesNotTouchTheTree() {
    CoreHarness h = one(b -> b);
    h.loop.advance(1001);
    h.treeSurvivors = 1;
    h.supervisor.stopProcess("web", false);
    h.exit("web", 0);
    h.loop.advance(20_000);
    assertEquals(List.of(), h.treeSignals);
  }

  @Test
  void killasgroupAloneKillsTheGroupButStopsThePid() {
    CoreHarness h = one(b -> b.killasgroup(true).stopwaitsecs(1));
    h.loop.advance(1001);
    int pid = h.pid("web");
    h.supervisor.stopProcess("web", false);
    h.loop.advance(1000);
    assertEquals(List.of("TERM", "group:KILL"), h.launcher.child(pid).signals());
  }

  @Test
  void stoppingFromBackoffStopsWithoutASignal() {
    CoreHarness h = one(b -> b.startretries(5));
    h.exit("web", 1);
    assertEquals(BACKOFF, h.state("web"));
    h.supervisor.stopProcess("web", false);
    assertEquals(STOPPED, h.state("web"));
    h.loop.advance(10_000);
    assertEquals(STOPPED, h.state("web"), "the pending retry was cancelled");
    assertEquals(1, h.launcher.spawnCount());
  }

  @Test
  void signalFailureOtherThanEsrchLeavesTheProcessUnknown() {
    CoreHarness h = one(b -> b);
    h.loop.advance(1001);
    h.child("web").answerSignalsWith(1); // EPERM
    FaultException e =
        assertThrows(FaultException.class, () -> h.supervisor.signalProcess("web", "HUP"));
    assertEquals(Fault.FAILED.code(), e.code());
    assertEquals(UNKNOWN, h.state("web"));
  }

  @Test
  void unknownStateRefusesStartWithSupervisordsText() {
    CoreHarness h = one(b -> b);
    h.loop.advance(1001);
    h.child("web").answerSignalsWith(1);
    FaultException stop =
        assertThrows(FaultException.class, () -> h.supervisor.stopProcess("web", false));
    assertTrue(stop.faultString().startsWith("FAILED: unknown problem killing web"));
    assertEquals(UNKNOWN, h.state("web"));
    FaultException e =
        assertThrows(FaultException.class, () -> h.supervisor.startProcess("web", false));
    assertEquals("FAILED: web is in an unknown process state", e.faultString());
  }

  @Test
  void esrchOnStopIsIgnoredAndTheReapDecides() {
    CoreHarness h = one(b -> b);
    h.loop.advance(1001);
    h.child("web").answerSignalsWith(3);
    h.supervisor.stopProcess("web", false);
    assertEquals(STOPPING, h.state("web"));
    h.exit("web", 0);
    assertEquals(STOPPED, h.state("web"));
  }

  @Test
  void runningDescriptionHasPidAndUptime() {
    CoreHarness h = one(b -> b);
    h.loop.advance(62_000);
    assertEquals("pid " + h.pid("web") + ", uptime 0:01:02", h.info("web").description());
    h.loop.advance(86_400_000L);
    assertEquals("pid " + h.pid("web") + ", uptime 1 day, 0:01:02", h.info("web").description());
  }

  @Test
  void restartCounterCountsOnlyAutomaticRestarts() {
    CoreHarness h = one(b -> b.autorestart(Autorestart.TRUE));
    h.loop.advance(1001);
    h.exit("web", 0);
    h.loop.advance(1001);
    h.exit("web", 0);
    assertEquals(2, h.info("web").restarts());
    h.loop.advance(1001);
    h.supervisor.stopProcess("web", false);
    h.exit("web", 0);
    h.supervisor.startProcess("web", false);
    assertEquals(2, h.info("web").restarts(), "a manual start is not a restart");
    assertNotEquals(0, h.pid("web"));
    assertFalse(h.info("web").description().isEmpty() && h.state("web") == RUNNING);
  }
}
