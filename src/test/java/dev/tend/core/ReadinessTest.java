package dev.tend.core;

import static dev.tend.api.ProcessState.BACKOFF;
import static dev.tend.api.ProcessState.FATAL;
import static dev.tend.api.ProcessState.RUNNING;
import static dev.tend.api.ProcessState.STARTING;
import static dev.tend.api.ProcessState.STOPPED;
import static dev.tend.testing.TestConfigs.config;
import static dev.tend.testing.TestConfigs.process;
import static dev.tend.testing.TestConfigs.program;
import static dev.tend.testing.TestConfigs.with;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tend.config.Probe;
import dev.tend.config.ProcessConfig;
import dev.tend.config.TendSettings;
import dev.tend.platform.ExitStatus;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A program with a readiness key stays STARTING until its check passes and startsecs has passed;
 * not ready by ready_timeout is a failed start, retried and given up as supervisord does. On the
 * fake clock, with fake network checks.
 */
class ReadinessTest {

  private static CoreHarness harness(Probe probe, int timeout, int startretries) {
    TendSettings t =
        new TendSettings(List.of(), new TendSettings.Readiness(probe, timeout, 1), null, null);
    ProcessConfig p =
        with(
            process("web", "server"),
            b -> b.startsecs(1).startretries(startretries).stopwaitsecs(3).tend(t));
    return new CoreHarness(config(program(p))).start();
  }

  private static CoreHarness tcp(int timeout, int startretries) {
    return harness(new Probe.Tcp("127.0.0.1", 8000), timeout, startretries);
  }

  @Test
  void staysStartingPastStartsecsUntilTheCheckPassesThenRunning() {
    CoreHarness h = tcp(60, 3);
    assertEquals(1, h.network.pending().size(), "the first check goes at the spawn");
    h.network.answer(false, "connection refused");
    h.loop.advance(1500);
    assertEquals(STARTING, h.state("web"), "startsecs passed, but it is not ready");
    assertEquals(
        "waiting to be ready (ready_tcp 127.0.0.1:8000: connection refused)",
        h.info("web").description());
    assertEquals(1, h.network.pending().size(), "checked again after ready_interval");
    h.network.answer(true, "connected to 127.0.0.1:8000");
    h.loop.runPending();
    assertEquals(RUNNING, h.state("web"));
    assertEquals(List.of("STOPPED->STARTING", "STARTING->RUNNING"), h.transitions("web"));
    assertEquals("", h.info("web").reason());
    h.loop.advance(10_000);
    assertEquals(0, h.network.pending().size(), "no check once it is ready");
  }

  @Test
  void readyBeforeStartsecsStillWaitsForStartsecs() {
    CoreHarness h = tcp(60, 3);
    h.network.answer(true, "connected");
    h.loop.advance(500);
    assertEquals(STARTING, h.state("web"));
    h.loop.advance(501);
    assertEquals(RUNNING, h.state("web"));
  }

  @Test
  void notReadyInTimeIsAFailedStartThenRetriedThenFatal() {
    CoreHarness h = tcp(5, 1);
    int firstPid = h.pid("web");
    failChecksFor(h, 5000);
    assertEquals(STARTING, h.state("web"), "it stays STARTING while it is stopped");
    assertEquals(List.of("TERM"), h.child("web").signals());
    h.loop.advance(3000);
    assertEquals(List.of("TERM", "KILL"), h.child("web").signals(), "SIGKILL after stopwaitsecs");
    h.launcher.exit(firstPid, ExitStatus.killed(9, false));
    h.loop.runPending();
    assertEquals(BACKOFF, h.state("web"));
    assertEquals(
        "not ready after 5 s (ready_tcp 127.0.0.1:8000: connection refused)",
        h.info("web").spawnerr());
    h.loop.advance(1000);
    assertEquals(STARTING, h.state("web"), "retried after supervisord's 1 s");
    failChecksFor(h, 5000);
    h.launcher.exit(h.pid("web"), ExitStatus.killed(15, false));
    h.loop.runPending();
    assertEquals(FATAL, h.state("web"), "startretries=1: the second failure gives up");
    assertEquals(
        List.of(
            "STOPPED->STARTING",
            "STARTING->BACKOFF",
            "BACKOFF->STARTING",
            "STARTING->BACKOFF",
            "BACKOFF->FATAL"),
        h.transitions("web"));
  }

  private static void failChecksFor(CoreHarness h, long millis) {
    long step = 500;
    for (long t = 0; t < millis; t += step) {
      while (!h.network.pending().isEmpty()) {
        h.network.answer(false, "connection refused");
      }
      h.loop.advance(step);
    }
  }

  @Test
  void anExitAfterStartsecsButBeforeReadyIsAFailedStart() {
    CoreHarness h = tcp(60, 3);
    h.loop.advance(2000);
    h.exit("web", 0);
    assertEquals(BACKOFF, h.state("web"));
    assertEquals(
        "Exited before it was ready (process log may have details)", h.info("web").spawnerr());
  }

  @Test
  void aStopWhileNotReadyStopsIt() {
    CoreHarness h = tcp(60, 3);
    h.supervisor.stopProcess("web", false);
    h.killedBy("web", 15);
    assertEquals(STOPPED, h.state("web"));
    h.loop.advance(120_000);
    assertEquals(STOPPED, h.state("web"), "no timeout and no retry after a stop");
  }

  @Test
  void aMatchingLogLineMakesItReady() {
    CoreHarness h = harness(new Probe.LogLine("listening on \\d+"), 60, 3);
    h.loop.advance(1500);
    assertEquals(STARTING, h.state("web"));
    write(h, "booting\nlisten");
    write(h, "ing on 8080\nmore\n");
    assertEquals(RUNNING, h.state("web"));
  }

  private static void write(CoreHarness h, String text) {
    h.child("web")
        .request()
        .stdout()
        .onData(ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8)));
    h.loop.runPending();
  }

  @Test
  void aReadyCommandRunsAsAChildAndPassesOnExitZero() {
    CoreHarness h = harness(new Probe.Command("pg_isready -q"), 60, 3);
    int spawned = h.launcher.spawnCount();
    assertEquals(
        List.of("pg_isready", "-q"), h.launcher.lastRequest().argv(), "the probe runs at once");
    int probePid = 1000 + spawned - 1;
    h.launcher.exit(probePid, ExitStatus.exited(1));
    h.loop.advance(1001);
    assertEquals(STARTING, h.state("web"));
    assertEquals(spawned + 1, h.launcher.spawnCount(), "tried again after ready_interval");
    h.launcher.exit(1000 + spawned, ExitStatus.exited(0));
    h.loop.runPending();
    assertEquals(RUNNING, h.state("web"));
  }

  @Test
  void aProbeCommandThatOverrunsIsKilled() {
    CoreHarness h = harness(new Probe.Command("slow-check"), 3, 3);
    int probePid = 1000 + h.launcher.spawnCount() - 1;
    h.loop.advance(3000);
    assertEquals(List.of("group:KILL"), h.launcher.child(probePid).signals());
  }
}
