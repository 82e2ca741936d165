package dev.tend.core;

import static dev.tend.api.ProcessState.RUNNING;
import static dev.tend.api.ProcessState.STARTING;
import static dev.tend.api.ProcessState.STOPPED;
import static dev.tend.api.ProcessState.STOPPING;
import static dev.tend.testing.TestConfigs.config;
import static dev.tend.testing.TestConfigs.group;
import static dev.tend.testing.TestConfigs.process;
import static dev.tend.testing.TestConfigs.program;
import static dev.tend.testing.TestConfigs.with;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tend.api.ChangeBatch;
import dev.tend.api.Fault;
import dev.tend.api.FaultException;
import dev.tend.api.ProcessInfo;
import dev.tend.api.ProcessResult;
import dev.tend.api.ReloadDiff;
import dev.tend.api.SupervisorState;
import dev.tend.platform.SpawnRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** The API's semantics over the core: faults, group results, waits, ordering, reload. */
class SupervisorOperationsTest {

  private static FaultException fault(Runnable call) {
    return assertThrows(FaultException.class, call::run);
  }

  private static CoreHarness manual(String... names) {
    List<dev.tend.config.GroupConfig> groups = new ArrayList<>();
    for (String n : names) {
      groups.add(program(with(process(n, n), b -> b.autostart(false))));
    }
    return new CoreHarness(config(groups.toArray(dev.tend.config.GroupConfig[]::new))).start();
  }

  @Test
  void badNamesAreFaults() {
    CoreHarness h = manual("web");
    assertEquals("BAD_NAME: nope", fault(() -> h.supervisor.getProcessInfo("nope")).faultString());
    assertEquals(
        "BAD_NAME: web:*", fault(() -> h.supervisor.getProcessInfo("web:*")).faultString());
    assertEquals(
        "BAD_NAME: web:x", fault(() -> h.supervisor.startProcess("web:x", false)).faultString());
    assertEquals(
        "BAD_NAME: g", fault(() -> h.supervisor.startProcessGroup("g", false)).faultString());
  }

  @Test
  void startTwiceIsAlreadyStartedAndStopTwiceNotRunning() {
    CoreHarness h = manual("web");
    h.supervisor.startProcess("web", false);
    assertEquals(
        "ALREADY_STARTED: web", fault(() -> h.supervisor.startProcess("web", false)).faultString());
    h.loop.advance(1001);
    h.supervisor.stopProcess("web", false);
    h.exit("web", 0);
    assertEquals(
        "NOT_RUNNING: web", fault(() -> h.supervisor.stopProcess("web", false)).faultString());
    assertEquals(
        "NOT_RUNNING: web", fault(() -> h.supervisor.signalProcess("web", "HUP")).faultString());
  }

  @Test
  void commandProblemsAreNoFileAndNotExecutable() {
    CoreHarness h = manual("a", "b");
    h.badCommands.put(
        "a",
        new CommandPreparer.CommandException(
            CommandPreparer.CommandException.Kind.NOT_FOUND, "can't find command 'a'"));
    h.badCommands.put(
        "b",
        new CommandPreparer.CommandException(
            CommandPreparer.CommandException.Kind.NOT_EXECUTABLE,
            "command at '/b' is a directory"));
    FaultException a = fault(() -> h.supervisor.startProcess("a", true));
    assertEquals(Fault.NO_FILE.code(), a.code());
    assertEquals("NO_FILE: can't find command 'a'", a.faultString());
    FaultException b = fault(() -> h.supervisor.startProcess("b", true));
    assertEquals("NOT_EXECUTABLE: command at '/b' is a directory", b.faultString());
    assertEquals(STOPPED, h.state("a"), "nothing was attempted");
  }

  @Test
  void badSignalNameIsBadSignal() {
    CoreHarness h = manual("web");
    h.supervisor.startProcess("web", false);
    assertEquals(
        "BAD_SIGNAL: FOO", fault(() -> h.supervisor.signalProcess("web", "FOO")).faultString());
    h.supervisor.signalProcess("web", "usr1");
    h.supervisor.signalProcess("web", "SIGHUP");
    h.supervisor.signalProcess("web", "15");
    assertEquals(List.of("USR1", "HUP", "TERM"), h.child("web").signals());
  }

  @Test
  void aBadSignalForAGroupIsOneResultPerSignallableProcess() {
    CoreHarness h = manual("a", "b");
    h.supervisor.startProcess("a", false);
    List<ProcessResult> results = h.supervisor.signalAllProcesses("BOGUS");
    assertEquals(1, results.size());
    assertEquals(Fault.BAD_SIGNAL.code(), results.get(0).status());
    assertEquals("BAD_SIGNAL: BOGUS", results.get(0).description());
  }

  @Test
  void startWithWaitCompletesAtRunning() {
    CoreHarness h = manual("web");
    SupervisorCore core = h.core();
    CompletableFuture<Void> done = core.startProcess(core.process("web"), true);
    assertFalse(done.isDone());
    h.loop.advance(1001);
    assertTrue(done.isDone() && !done.isCompletedExceptionally());
  }

  @Test
  void startWithWaitFailsWithSpawnErrorWhenItBacksOff() {
    CoreHarness h = manual("web");
    SupervisorCore core = h.core();
    CompletableFuture<Void> done = core.startProcess(core.process("web"), true);
    h.exit("web", 1);
    FaultException e = assertThrows(FaultException.class, () -> rethrow(done));
    assertEquals("SPAWN_ERROR: web", e.faultString());
  }

  @Test
  void stopWithWaitCompletesWhenReaped() {
    CoreHarness h = manual("web");
    h.supervisor.startProcess("web", false);
    h.loop.advance(1001);
    SupervisorCore core = h.core();
    CompletableFuture<Void> done = core.stopProcess(core.process("web"), true);
    assertEquals(STOPPING, h.state("web"));
    assertFalse(done.isDone());
    h.exit("web", 0);
    assertTrue(done.isDone());
  }

  private static void rethrow(CompletableFuture<?> f) {
    try {
      f.join();
    } catch (java.util.concurrent.CompletionException e) {
      throw (RuntimeException) e.getCause();
    }
  }

  @Test
  void groupStartSkipsRunningAndReportsEachInPriorityOrder() {
    var a = with(process("a", "a"), b -> b.autostart(false).priority(2));
    var b = with(process("b", "b"), x -> x.autostart(false).priority(1));
    var c = with(process("c", "c"), x -> x.autostart(false).priority(3));
    CoreHarness h = new CoreHarness(config(group("g", 5, a, b, c))).start();
    h.supervisor.startProcess("g:c", false);
    List<ProcessResult> results = h.supervisor.startProcessGroup("g", false);
    assertEquals(List.of("g:b", "g:a"), results.stream().map(ProcessResult::namespec).toList());
    assertTrue(results.stream().allMatch(r -> r.status() == 80 && r.description().equals("OK")));
    List<SpawnRequest> spawned = h.launcher.requests();
    assertEquals(List.of("c", "b", "a"), spawned.stream().map(r -> r.argv().get(0)).toList());
  }

  @Test
  void allStopListsOnlyRunningProcesses() {
    CoreHarness h = manual("a", "b");
    h.supervisor.startProcess("a", false);
    List<ProcessResult> results = h.supervisor.stopAllProcesses(false);
    assertEquals(1, results.size());
    assertEquals("a", results.get(0).name());
  }

  @Test
  void groupStartWithWaitCollectsFailuresAndSuccesses() {
    var ok = with(process("ok", "ok"), b -> b.autostart(false));
    var bad = with(process("bad", "bad"), b -> b.autostart(false));
    CoreHarness h = new CoreHarness(config(group("g", 5, ok, bad))).start();
    SupervisorCore core = h.core();
    CompletableFuture<List<ProcessResult>> f =
        core.forEach(
                core.group("g").processesByPriority(),
                p -> !p.state().isRunning(),
                p -> core.startProcess(p, true))
            .all();
    h.exit("g:bad", 1);
    h.loop.advance(1001);
    List<ProcessResult> results = f.join();
    assertEquals(2, results.size());
    assertEquals("bad", results.get(0).name(), "completion order: bad failed first");
    assertEquals(Fault.SPAWN_ERROR.code(), results.get(0).status());
    assertEquals("SPAWN_ERROR: g:bad", results.get(0).description());
    assertEquals("ok", results.get(1).name());
  }

  @Test
  void allProcessInfoIsSortedByGroupThenName() {
    var x = process("x", "x");
    var a = process("a", "a");
    CoreHarness h =
        new CoreHarness(
                config(
                    program(process("zeta", "z")),
                    group("alpha", 1, x, a),
                    program(process("mid", "m"))))
            .start();
    assertEquals(
        List.of("alpha:a", "alpha:x", "mid", "zeta"),
        h.supervisor.getAllProcessInfo().stream().map(ProcessInfo::namespec).toList());
  }

  @Test
  void startsFollowPriorityAcrossGroups() {
    CoreHarness h =
        new CoreHarness(
                config(
                    program(with(process("late", "late"), b -> b.priority(900))),
                    program(with(process("early", "early"), b -> b.priority(10))),
                    program(with(process("mid", "mid"), b -> b.priority(500)))))
            .start();
    assertEquals(
        List.of("early", "mid", "late"),
        h.launcher.requests().stream().map(r -> r.argv().get(0)).toList());
  }

  @Test
  void shutdownStopsPriorityLevelsInDescendingOrderEachLevelTogether() {
    CoreHarness h =
        new CoreHarness(
                config(
                    program(with(process("db", "db"), b -> b.priority(10).startsecs(0))),
                    program(with(process("web1", "web1"), b -> b.priority(20).startsecs(0))),
                    program(with(process("web2", "web2"), b -> b.priority(20).startsecs(0))),
                    program(with(process("cron", "cron"), b -> b.priority(30).startsecs(0)))))
            .start();
    h.loop.advance(1);
    h.supervisor.shutdown();
    h.loop.runPending();
    assertEquals(STOPPING, h.core().process("cron").state());
    assertEquals(RUNNING, h.core().process("web1").state());
    assertEquals(RUNNING, h.core().process("db").state());
    assertEquals("SHUTDOWN_STATE", fault(() -> h.supervisor.getAllProcessInfo()).faultString());
    h.launcher.exit(h.core().process("cron").pid(), dev.tend.platform.ExitStatus.exited(0));
    h.loop.runPending();
    assertEquals(STOPPING, h.core().process("web1").state());
    assertEquals(STOPPING, h.core().process("web2").state(), "same level stops together");
    assertEquals(RUNNING, h.core().process("db").state());
    h.launcher.exit(h.core().process("web1").pid(), dev.tend.platform.ExitStatus.exited(0));
    h.loop.runPending();
    assertEquals(RUNNING, h.core().process("db").state(), "waits for the whole level");
    h.launcher.exit(h.core().process("web2").pid(), dev.tend.platform.ExitStatus.exited(0));
    h.loop.runPending();
    assertEquals(STOPPING, h.core().process("db").state());
    assertFalse(h.shutDown);
    h.launcher.exit(h.core().process("db").pid(), dev.tend.platform.ExitStatus.exited(0));
    h.loop.runPending();
    assertTrue(h.shutDown);
  }

  @Test
  void shutdownGivesUpOnBackoffAndDoesNotRestartExits() {
    CoreHarness h =
        new CoreHarness(
                config(
                    program(with(process("flappy", "f"), b -> b.startretries(9))),
                    program(with(process("svc", "s"), b -> b.startsecs(0)))))
            .start();
    h.loop.advance(1);
    h.exit("flappy", 1);
    h.supervisor.shutdown();
    h.loop.runPending();
    assertEquals(dev.tend.api.ProcessState.FATAL, h.core().process("flappy").state());
    h.launcher.exit(h.core().process("svc").pid(), dev.tend.platform.ExitStatus.exited(0));
    h.loop.advance(20_000);
    assertTrue(h.shutDown);
    assertEquals(2, h.launcher.spawnCount(), "nothing respawned during shutdown");
  }

  @Test
  void rereadReportsAddedChangedRemovedGroups() {
    CoreHarness h = manual("same", "changes", "goes");
    h.nextConfig =
        config(
            program(with(process("same", "same"), b -> b.autostart(false))),
            program(with(process("changes", "changes --new"), b -> b.autostart(false))),
            program(process("fresh", "fresh")));
    ReloadDiff diff = h.supervisor.reloadConfig();
    assertEquals(List.of("fresh"), diff.added());
    assertEquals(List.of("changes"), diff.changed());
    assertEquals(List.of("goes"), diff.removed());
    assertEquals(3, h.supervisor.getAllProcessInfo().size(), "reread changes nothing running");
  }

  @Test
  void rereadOfABadConfigIsCantReread() {
    CoreHarness h = manual("a");
    h.configError = "not a valid boolean value: 'maybe' in section 'program:a' (file: 'x.conf')";
    assertEquals(
        "CANT_REREAD: not a valid boolean value: 'maybe' in section 'program:a' (file: 'x.conf')",
        fault(() -> h.supervisor.reloadConfig()).faultString());
  }

  @Test
  void addAndRemoveGroupsFromTheRereadConfig() {
    CoreHarness h = manual("a");
    h.nextConfig =
        config(
            program(with(process("a", "a"), b -> b.autostart(false))),
            program(with(process("b", "b"), b -> b.startsecs(0))));
    assertEquals("BAD_NAME: b", fault(() -> h.supervisor.addProcessGroup("b")).faultString());
    h.supervisor.reloadConfig();
    h.supervisor.addProcessGroup("b");
    assertEquals(STARTING, h.state("b"), "autostart applies on add");
    assertEquals("ALREADY_ADDED: b", fault(() -> h.supervisor.addProcessGroup("b")).faultString());
    assertEquals(
        "STILL_RUNNING: b", fault(() -> h.supervisor.removeProcessGroup("b")).faultString());
    h.supervisor.stopProcess("b", false);
    h.exit("b", 0);
    h.supervisor.removeProcessGroup("b");
    assertTrue(h.outputs.get("b").closed());
    assertEquals("BAD_NAME: b", fault(() -> h.supervisor.getProcessInfo("b")).faultString());
  }

  @Test
  void restartStopsEverythingAndStartsTheNewConfig() {
    CoreHarness h =
        new CoreHarness(config(program(with(process("old", "old"), b -> b.startsecs(0))))).start();
    h.loop.advance(1);
    h.nextConfig = config(program(with(process("new", "new"), b -> b.startsecs(0))));
    h.supervisor.restart();
    h.loop.runPending();
    assertEquals(STOPPING, h.core().process("old").state());
    h.launcher.exit(h.core().process("old").pid(), dev.tend.platform.ExitStatus.exited(0));
    h.loop.runPending();
    assertEquals(SupervisorState.RUNNING, h.supervisor.getState());
    assertEquals(
        List.of("new"), h.supervisor.getAllProcessInfo().stream().map(ProcessInfo::name).toList());
    assertEquals(STARTING, h.state("new"));
  }

  @Test
  void restartWithABadConfigKeepsEverythingRunning() {
    CoreHarness h =
        new CoreHarness(config(program(with(process("svc", "svc"), b -> b.startsecs(0))))).start();
    h.loop.advance(1);
    h.configError = "bad";
    assertEquals("CANT_REREAD: bad", fault(() -> h.supervisor.restart()).faultString());
    h.supervisor.restartFromSignal();
    h.loop.runPending();
    assertEquals(RUNNING, h.state("svc"));
    assertEquals(SupervisorState.RUNNING, h.supervisor.getState());
  }

  @Test
  void waitForChangesGivesEverythingFirstThenOnlyWhatChanged() {
    CoreHarness h = manual("a", "b");
    ChangeBatch first = h.supervisor.waitForChanges(0, Duration.ZERO);
    assertTrue(first.full());
    assertEquals(2, first.processes().size());
    ChangeBatch idle = h.supervisor.waitForChanges(first.cursor(), Duration.ZERO);
    assertTrue(idle.processes().isEmpty());
    assertEquals(first.cursor(), idle.cursor());
    h.supervisor.startProcess("b", false);
    ChangeBatch next = h.supervisor.waitForChanges(first.cursor(), Duration.ZERO);
    assertFalse(next.full());
    assertEquals(List.of("b"), next.processes().stream().map(ProcessInfo::name).toList());
    assertEquals(STARTING, next.processes().get(0).state());
    // STARTING is announced before the spawn; the pid it got follows without a state change
    assertTrue(h.pid("b") > 0);
    assertEquals(h.pid("b"), next.processes().get(0).pid(), "a STARTING process shows its pid");
  }

  @Test
  void waitForChangesReportsRemovedProcesses() {
    CoreHarness h = manual("a", "b");
    long cursor = h.supervisor.waitForChanges(0, Duration.ZERO).cursor();
    h.nextConfig = config(program(with(process("a", "a"), b -> b.autostart(false))));
    h.supervisor.reloadConfig();
    h.supervisor.removeProcessGroup("b");
    ChangeBatch batch = h.supervisor.waitForChanges(cursor, Duration.ZERO);
    assertEquals(List.of("b"), batch.removed());
  }

  @Test
  void childEnvironmentLayersDaemonSupervisorAndProgramValues() {
    var p = with(process("web", "web"), b -> b.environment(Map.of("LANG", "fr_FR", "APP", "1")));
    CoreHarness h = new CoreHarness(config(program(p))).start();
    Map<String, String> env = h.launcher.lastRequest().environment();
    assertEquals("1", env.get("SUPERVISOR_ENABLED"));
    assertEquals("unix:///tmp/test.sock", env.get("SUPERVISOR_SERVER_URL"));
    assertEquals("web", env.get("SUPERVISOR_PROCESS_NAME"));
    assertEquals("web", env.get("SUPERVISOR_GROUP_NAME"));
    assertEquals("fr_FR", env.get("LANG"), "the program's value wins");
    assertEquals("/usr/bin:/bin", env.get("PATH"));
    assertEquals("1", env.get("APP"));
  }

  @Test
  void stdinGoesToTheChildAndNeedsOne() {
    CoreHarness h = manual("web");
    assertEquals(
        "NOT_RUNNING: web", fault(() -> h.supervisor.sendProcessStdin("web", "x")).faultString());
    h.supervisor.startProcess("web", false);
    h.supervisor.sendProcessStdin("web", "héllo\n");
    assertEquals("héllo\n", h.child("web").stdin());
    h.child("web").closeStdin();
    assertEquals(
        "NO_FILE: web", fault(() -> h.supervisor.sendProcessStdin("web", "x")).faultString());
  }

  @Test
  void configInfoReportsAutoAndNone() {
    CoreHarness h = manual("web");
    var infos = h.supervisor.getAllConfigInfo();
    assertEquals(1, infos.size());
    assertEquals("none", infos.get(0).stdout().logfile());
    assertEquals("auto", infos.get(0).serverurl());
    assertEquals(15, infos.get(0).stopsignal());
    assertTrue(infos.get(0).inuse());
  }
}
