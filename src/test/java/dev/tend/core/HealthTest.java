package dev.tend.core;

import static dev.tend.api.ProcessState.RUNNING;
import static dev.tend.api.ProcessState.STARTING;
import static dev.tend.api.ProcessState.STOPPING;
import static dev.tend.testing.TestConfigs.config;
import static dev.tend.testing.TestConfigs.process;
import static dev.tend.testing.TestConfigs.program;
import static dev.tend.testing.TestConfigs.with;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tend.api.ChangeBatch;
import dev.tend.api.Health;
import dev.tend.config.Probe;
import dev.tend.config.ProcessConfig;
import dev.tend.config.TendSettings;
import dev.tend.config.TendSettings.HealthAction;
import dev.tend.platform.Signal;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Health checks run while RUNNING, every health_interval; health_retries failures in a row make the
 * process unhealthy and health_action is taken. Fake clock, fake network checks.
 */
class HealthTest {

  private static CoreHarness harness(HealthAction action) {
    TendSettings t =
        new TendSettings(
            List.of(),
            null,
            new TendSettings.Health(new Probe.Http("http://h/", "h", 80, "/"), 5, 2, 3, action),
            null);
    ProcessConfig p = with(process("web", "server"), b -> b.startsecs(1).tend(t));
    CoreHarness h = new CoreHarness(config(program(p))).start();
    h.loop.advance(1001);
    assertEquals(RUNNING, h.state("web"));
    return h;
  }

  /** One interval passes and the check it starts is answered. */
  private static void check(CoreHarness h, boolean ok, String message) {
    h.loop.advance(5000);
    assertEquals(1, h.network.pending().size(), "one check per interval");
    h.network.answer(ok, message);
    h.loop.runPending();
  }

  @Test
  void noCheckBeforeRunningThenOnePerIntervalWithItsTimeout() {
    CoreHarness h = harness(HealthAction.RESTART);
    assertEquals(Health.Status.UNKNOWN, h.info("web").health().status());
    h.loop.advance(4999);
    assertEquals(0, h.network.asked(), "the first check comes one interval after RUNNING");
    h.loop.advance(1);
    assertEquals(2000, h.network.pending().get(0).timeoutMillis());
    assertEquals("/", h.network.pending().get(0).path());
  }

  @Test
  void aPassingCheckIsReportedWithItsTime() {
    CoreHarness h = harness(HealthAction.RESTART);
    check(h, true, "HTTP 200 OK");
    Health health = h.info("web").health();
    assertEquals(Health.Status.HEALTHY, health.status());
    assertEquals("HTTP 200 OK", health.message());
    assertEquals(h.loop.wallMillis() / 1000, health.checked());
  }

  @Test
  void anEndpointThatStartsFailingIsRestartedAfterRetriesFailures() {
    CoreHarness h = harness(HealthAction.RESTART);
    check(h, true, "HTTP 200 OK");
    check(h, false, "HTTP 500 Internal Server Error");
    check(h, false, "HTTP 500 Internal Server Error");
    assertEquals(Health.Status.HEALTHY, h.info("web").health().status(), "2 of 3 failures");
    assertEquals(2, h.info("web").health().failures());
    int pid = h.pid("web");
    check(h, false, "HTTP 500 Internal Server Error");
    assertEquals(STOPPING, h.state("web"));
    assertEquals(List.of("TERM"), h.launcher.child(pid).signals());
    h.launcher.exit(pid, dev.tend.platform.ExitStatus.killed(15, false));
    h.loop.runPending();
    assertEquals(STARTING, h.state("web"), "started again once stopped");
    assertEquals(
        List.of(
            "STOPPED->STARTING",
            "STARTING->RUNNING",
            "RUNNING->STOPPING",
            "STOPPING->STOPPED",
            "STOPPED->STARTING"),
        h.transitions("web"));
    assertEquals(Health.Status.UNKNOWN, h.info("web").health().status(), "a new run");
    assertEquals(1, h.info("web").restarts());
  }

  @Test
  void aSignalActionSignalsAgainOnlyAfterAnotherRetriesFailures() {
    CoreHarness h = harness(new HealthAction(HealthAction.Kind.SIGNAL, Signal.HUP));
    for (int i = 0; i < 3; i++) {
      check(h, false, "connection refused");
    }
    assertEquals(List.of("HUP"), h.child("web").signals());
    assertEquals(Health.Status.UNHEALTHY, h.info("web").health().status());
    check(h, false, "connection refused");
    check(h, false, "connection refused");
    assertEquals(List.of("HUP"), h.child("web").signals());
    check(h, false, "connection refused");
    assertEquals(List.of("HUP", "HUP"), h.child("web").signals());
    check(h, true, "HTTP 204");
    assertEquals(Health.Status.HEALTHY, h.info("web").health().status());
    assertEquals(RUNNING, h.state("web"));
  }

  @Test
  void actionNoneOnlyReports() {
    CoreHarness h = harness(HealthAction.NONE);
    for (int i = 0; i < 4; i++) {
      check(h, false, "HTTP 503");
    }
    assertEquals(Health.Status.UNHEALTHY, h.info("web").health().status());
    assertEquals(List.of(), h.child("web").signals());
  }

  @Test
  void checksStopWithTheProcess() {
    CoreHarness h = harness(HealthAction.RESTART);
    check(h, true, "ok");
    h.supervisor.stopProcess("web", false);
    h.killedBy("web", 15);
    int asked = h.network.asked();
    h.loop.advance(60_000);
    assertEquals(asked, h.network.asked());
    assertEquals(Health.Status.UNKNOWN, h.info("web").health().status());
  }

  @Test
  void pushClientsAreWokenByAChangeOfHealthNotByTheSameResultAgain() {
    CoreHarness h = harness(HealthAction.RESTART);
    long cursor = h.supervisor.waitForChanges(0, Duration.ZERO).cursor();
    check(h, true, "ok");
    ChangeBatch b = h.supervisor.waitForChanges(cursor, Duration.ZERO);
    assertEquals(Health.Status.HEALTHY, b.processes().get(0).health().status());
    check(h, true, "ok");
    ChangeBatch same = h.supervisor.waitForChanges(b.cursor(), Duration.ZERO);
    assertTrue(same.processes().isEmpty(), "nothing new to say");
    ChangeBatch full = h.supervisor.waitForChanges(0, Duration.ZERO);
    assertEquals(h.loop.wallMillis() / 1000, full.processes().get(0).health().checked());
    assertFalse(full.processes().get(0).health().message().isEmpty());
  }
}
