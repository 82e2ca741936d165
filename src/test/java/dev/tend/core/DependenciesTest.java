package dev.tend.core;

import static dev.tend.api.ProcessState.FATAL;
import static dev.tend.api.ProcessState.RUNNING;
import static dev.tend.api.ProcessState.STARTING;
import static dev.tend.api.ProcessState.STOPPED;
import static dev.tend.testing.TestConfigs.config;
import static dev.tend.testing.TestConfigs.process;
import static dev.tend.testing.TestConfigs.program;
import static dev.tend.testing.TestConfigs.with;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tend.api.FaultException;
import dev.tend.api.ProcessResult;
import dev.tend.config.DependencySpec;
import dev.tend.config.ProcessConfig;
import dev.tend.config.TendSettings;
import dev.tend.platform.SpawnRequest;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

/**
 * depends_on at run time: a chain three deep (c depends on b, b on a), started, failed and stopped
 * on the fake clock. Priorities are set against the dependencies (c first), so the order seen is
 * the dependencies'.
 */
class DependenciesTest {

  private static ProcessConfig node(String name, int priority, boolean autostart, String... deps) {
    List<DependencySpec> specs =
        java.util.Arrays.stream(deps).map(d -> new DependencySpec(null, d)).toList();
    TendSettings t = new TendSettings(specs, null, null, null);
    return with(
        process(name, name),
        b -> b.priority(priority).autostart(autostart).startsecs(1).startretries(1).tend(t));
  }

  private static CoreHarness chain(boolean autostart) {
    return new CoreHarness(
            config(
                program(node("a", 999, autostart)),
                program(node("b", 500, autostart, "a")),
                program(node("c", 1, autostart, "b"))))
        .start();
  }

  private static List<String> spawned(CoreHarness h) {
    return h.launcher.requests().stream().map(SpawnRequest::argv).map(a -> a.get(0)).toList();
  }

  @Test
  void autostartStartsAChainInDependencyOrderEachOnceTheOneBeforeRuns() {
    CoreHarness h = chain(true);
    assertEquals(List.of("a"), spawned(h));
    assertEquals(STOPPED, h.state("b"));
    assertEquals("waiting for a", h.info("b").description());
    assertEquals("waiting for b", h.info("c").reason());
    h.loop.advance(1001);
    assertEquals(List.of("a", "b"), spawned(h));
    h.loop.advance(1001);
    assertEquals(List.of("a", "b", "c"), spawned(h));
    h.loop.advance(1001);
    assertEquals(RUNNING, h.state("c"));
    assertEquals("", h.info("c").reason());
    assertEquals(List.of("b"), h.info("c").dependsOn());
  }

  @Test
  void aDependencyLoadedAfterItsDependantsIsStillFound() {
    // Groups are added one by one and resolved again only while some process has a depends_on:
    // here the one that has none comes last and must still be found.
    CoreHarness h =
        new CoreHarness(
                config(
                    program(node("c", 1, true, "b")),
                    program(node("b", 500, true, "a")),
                    program(node("a", 999, true))))
            .start();
    assertEquals(List.of("a"), spawned(h));
    h.loop.advance(2002);
    assertEquals(List.of("a", "b", "c"), spawned(h));
    assertEquals(List.of("a"), h.info("b").dependsOn());
  }

  @Test
  void startingTheLastStartsEverythingItNeedsAndWaitsForIt() {
    CoreHarness h = chain(false);
    CompletableFuture<Void> started = h.core().startProcess(h.core().process("c"), true);
    assertEquals(List.of("a"), spawned(h));
    h.loop.advance(2002);
    assertFalse(started.isDone(), "c is not running yet");
    h.loop.advance(1001);
    assertEquals(List.of("a", "b", "c"), spawned(h));
    assertTrue(started.isDone());
    assertEquals(RUNNING, h.state("c"));
  }

  @Test
  void aFatalDependencyLeavesItsDependantsStoppedWithAReasonNamingIt() {
    CoreHarness h = chain(false);
    CompletableFuture<Void> started = h.core().startProcess(h.core().process("c"), true);
    h.exit("a", 1);
    h.loop.advance(1000);
    h.exit("a", 1);
    assertEquals(FATAL, h.state("a"));
    assertEquals(STOPPED, h.state("b"));
    assertEquals("waiting for a: FATAL", h.info("b").description());
    assertEquals("waiting for b: waiting for a: FATAL", h.info("c").description());
    CompletionException e =
        org.junit.jupiter.api.Assertions.assertThrows(CompletionException.class, started::join);
    assertEquals(
        "SPAWN_ERROR: c: waiting for b: waiting for a: FATAL",
        ((FaultException) e.getCause()).faultString());
    assertEquals(List.of("a", "a"), spawned(h), "neither b nor c was spawned");
  }

  @Test
  void stoppingADependencyStopsItsDependantsFirst() {
    CoreHarness h = chain(true);
    h.loop.advance(3003);
    assertEquals(RUNNING, h.state("c"));
    h.supervisor.stopProcess("a", false);
    assertEquals(List.of("TERM"), h.child("c").signals());
    assertEquals(List.of(), h.child("b").signals(), "b waits for c to stop");
    assertEquals(List.of(), h.child("a").signals());
    h.killedBy("c", 15);
    assertEquals(List.of("TERM"), h.child("b").signals());
    assertEquals(List.of(), h.child("a").signals());
    h.killedBy("b", 15);
    assertEquals(List.of("TERM"), h.child("a").signals());
    h.killedBy("a", 15);
    assertEquals(STOPPED, h.state("a"));
  }

  @Test
  void startAllActsInDependencyOrderAndReportsEveryProcess() {
    CoreHarness h = chain(false);
    List<ProcessResult> results = h.supervisor.startAllProcesses(false);
    assertEquals(List.of("a", "b", "c"), results.stream().map(ProcessResult::name).toList());
    assertTrue(results.stream().allMatch(r -> r.status() == 80));
    h.loop.advance(3003);
    assertEquals(List.of("a", "b", "c"), spawned(h));
  }

  @Test
  void stopAllStopsDependantsBeforeTheirDependencies() {
    CoreHarness h = chain(true);
    h.loop.advance(3003);
    h.supervisor.stopAllProcesses(false);
    assertEquals(List.of("TERM"), h.child("c").signals());
    assertEquals(List.of(), h.child("a").signals());
  }

  @Test
  void shutdownStopsDependantsFirstWhateverTheirPriority() {
    CoreHarness h = chain(true);
    h.loop.advance(3003);
    var a = h.child("a");
    var b = h.child("b");
    var c = h.child("c");
    h.supervisor.shutdown();
    h.loop.runPending();
    assertEquals(List.of("TERM"), c.signals(), "c has the lowest priority, but needs b");
    assertEquals(List.of(), a.signals());
    h.launcher.exit(c.pid(), dev.tend.platform.ExitStatus.killed(15, false));
    h.loop.runPending();
    assertEquals(List.of("TERM"), b.signals());
    h.launcher.exit(b.pid(), dev.tend.platform.ExitStatus.killed(15, false));
    h.loop.runPending();
    assertEquals(List.of("TERM"), a.signals());
    h.launcher.exit(a.pid(), dev.tend.platform.ExitStatus.killed(15, false));
    h.loop.runPending();
    assertTrue(h.shutDown);
  }

  @Test
  void stoppingAProcessThatWaitsToStartCancelsItsStart() {
    CoreHarness h = chain(false);
    h.supervisor.startProcess("c", false);
    h.supervisor.stopProcess("c", false);
    assertEquals("", h.info("c").reason());
    h.loop.advance(5000);
    assertEquals(List.of("a", "b"), spawned(h));
    assertEquals(STOPPED, h.state("c"));
    assertEquals(RUNNING, h.state("b"));
  }

  @Test
  void aDependencyStartedByHandStillReleasesItsWaiters() {
    CoreHarness h = chain(false);
    h.supervisor.startProcess("b", false);
    assertEquals(STARTING, h.state("a"));
    h.loop.advance(1001);
    assertEquals(List.of("a", "b"), spawned(h));
  }
}
