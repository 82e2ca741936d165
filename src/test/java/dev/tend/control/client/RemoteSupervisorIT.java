package dev.tend.control.client;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tend.api.ChangeBatch;
import dev.tend.api.ConfigInfo;
import dev.tend.api.Fault;
import dev.tend.api.FaultException;
import dev.tend.api.LogFollow;
import dev.tend.api.LogStream;
import dev.tend.api.LogTail;
import dev.tend.api.ProcessInfo;
import dev.tend.api.ProcessResult;
import dev.tend.api.ProcessState;
import dev.tend.api.SupervisorApi.Capabilities;
import dev.tend.api.SupervisorState;
import dev.tend.testing.Await;
import dev.tend.testing.RealSupervisord;
import dev.tend.testing.RecordingLogListener;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link RemoteSupervisor} against a real supervisord 4.2.5: every call of the API. One daemon
 * serves the class; each test works on programs of its own so the order does not matter.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RemoteSupervisorIT {
  @TempDir static Path dir;

  private RealSupervisord sd;
  private RemoteSupervisor api;

  @BeforeAll
  void startSupervisord() throws Exception {
    sd =
        RealSupervisord.in(dir)
            .program("cat", "command=/bin/cat", "startsecs=0")
            .program("sleeper", "command=sleep 1000", "autostart=false", "startsecs=0")
            .program("slowstart", "command=sleep 1000", "autostart=false", "startsecs=2")
            .program("stopped", "command=sleep 1000", "autostart=false")
            .program(
                "crasher",
                "command=sh -c 'exit 3'",
                "autostart=false",
                "startsecs=1",
                "startretries=0")
            .program("missing", "command=/nonexistent/program", "autostart=false")
            .program(
                "trapper",
                "command=sh -c 'trap \"echo got-usr1\" USR1; echo ready; while :; do sleep 0.1; done'",
                "startsecs=0")
            .program("g1", "command=sleep 1000", "autostart=false", "startsecs=0")
            .program("g2", "command=sleep 1000", "autostart=false", "startsecs=0")
            .section("group:grp", "programs=g1,g2")
            .program("echo", "command=/bin/cat", "startsecs=0")
            .program(
                "colors",
                "command=sh -c 'printf \"\\033[31mred\\033[0m \\303\\251\\r\\n\"; exec sleep 1000'",
                "startsecs=0")
            .program("followed", "command=/bin/cat", "startsecs=0")
            .program("history", "command=/bin/cat", "startsecs=0")
            .program("tailed", "command=/bin/cat", "startsecs=0")
            .program("watched", "command=sleep 1000", "autostart=false", "startsecs=0")
            .start();
    api = RemoteSupervisor.connect(ServerUrl.parse(sd.serverUrl()), ClientSettings.defaults());
    Await.until(
        "autostarted programs RUNNING",
        () ->
            api.getAllProcessInfo().stream()
                .filter(p -> List.of("cat", "trapper", "echo", "colors").contains(p.name()))
                .allMatch(p -> p.state() == ProcessState.RUNNING));
  }

  @AfterAll
  void stopSupervisord() {
    if (api != null) {
      api.close();
    }
    if (sd != null) {
      sd.close();
    }
  }

  private ProcessState state(String namespec) {
    return api.getProcessInfo(namespec).state();
  }

  private static FaultException fault(Fault expected, Executable call) {
    FaultException e = assertThrows(FaultException.class, call);
    assertEquals(expected, e.fault(), e.faultString());
    return e;
  }

  // -- the supervisor itself --

  @Test
  void identifiesItselfAsSupervisord() {
    assertEquals("3.0", api.getAPIVersion());
    assertTrue(api.getSupervisorVersion().startsWith("4."), api.getSupervisorVersion());
    assertEquals("tend-test", api.getIdentification());
    assertEquals(SupervisorState.RUNNING, api.getState());
    assertEquals(sd.pid(), api.getPID());
    Capabilities caps = api.capabilities();
    assertEquals(Capabilities.supervisord(api.getSupervisorVersion()), caps);
    assertEquals(List.of(), api.getProcessStats(), "supervisord has no stats to give");
  }

  @Test
  void readsTheMainLog() {
    String log = new String(api.readLog(0, 0), UTF_8);
    assertTrue(log.contains("supervisord started with pid " + sd.pid()), log);
    assertEquals(10, api.readLog(-10, 0).length);
    fault(Fault.BAD_ARGUMENTS, () -> api.readLog(-10, 5));
  }

  @Test
  void multicallBatchesValuesAndFaults() {
    List<CallResult> r =
        api.multicall(
            List.of(Call.of("supervisor.getPID"), Call.of("supervisor.getProcessInfo", "nope")));
    assertEquals((int) sd.pid(), r.get(0).value());
    assertEquals(Fault.BAD_NAME, r.get(1).fault().fault());
  }

  // -- process info and config --

  @Test
  void describesProcesses() {
    List<ProcessInfo> all = api.getAllProcessInfo();
    List<String> names = all.stream().map(ProcessInfo::namespec).toList();
    assertTrue(names.contains("grp:g1") && names.contains("cat"), names.toString());
    assertEquals(names.stream().sorted(RemoteSupervisorIT::byGroupThenName).toList(), names);
    ProcessInfo cat = api.getProcessInfo("cat");
    assertEquals("cat", cat.name());
    assertEquals("cat", cat.group());
    assertEquals(ProcessState.RUNNING, cat.state());
    assertTrue(cat.pid() > 0);
    assertTrue(cat.description().startsWith("pid " + cat.pid() + ", uptime "), cat.description());
    assertEquals(sd.logFile("cat", "stdout").toString(), cat.stdoutLogfile());
    assertEquals(-1, cat.restarts(), "supervisord does not count restarts");
    assertEquals(0, cat.exitSignal());
    assertTrue(cat.start() > 0 && cat.now() >= cat.start());
    ProcessInfo stopped = api.getProcessInfo("stopped");
    assertEquals(ProcessState.STOPPED, stopped.state());
    assertEquals("Not started", stopped.description());
    fault(Fault.BAD_NAME, () -> api.getProcessInfo("nope"));
  }

  private static int byGroupThenName(String a, String b) {
    String ga = a.contains(":") ? a.substring(0, a.indexOf(':')) : a;
    String gb = b.contains(":") ? b.substring(0, b.indexOf(':')) : b;
    return ga.equals(gb) ? a.compareTo(b) : ga.compareTo(gb);
  }

  @Test
  void describesConfiguration() {
    List<ConfigInfo> all = api.getAllConfigInfo();
    ConfigInfo sleeper =
        all.stream().filter(c -> c.name().equals("sleeper")).findFirst().orElseThrow();
    assertEquals("sleep 1000", sleeper.command());
    assertEquals("sleeper", sleeper.group());
    assertTrue(sleeper.inuse());
    assertFalse(sleeper.autostart());
    assertEquals(List.of(0), sleeper.exitcodes());
    assertEquals(2, sleeper.stopwaitsecs());
    assertEquals(15, sleeper.stopsignal());
    assertEquals(3, sleeper.startretries());
    assertNull(sleeper.directory());
    assertNull(sleeper.uid());
    assertEquals(sd.logFile("sleeper", "stdout").toString(), sleeper.stdout().logfile());
    assertEquals(50L * 1024 * 1024, sleeper.stdout().logfileMaxbytes());
    assertEquals(10, sleeper.stdout().logfileBackups());
    ConfigInfo g1 = all.stream().filter(c -> c.name().equals("g1")).findFirst().orElseThrow();
    assertEquals("grp", g1.group());
  }

  // -- start, stop, signal --

  @Test
  void startAndStopWaiting() {
    api.startProcess("sleeper", true);
    assertEquals(ProcessState.RUNNING, state("sleeper"));
    fault(Fault.ALREADY_STARTED, () -> api.startProcess("sleeper", true));
    api.stopProcess("sleeper", true);
    assertEquals(ProcessState.STOPPED, state("sleeper"));
    fault(Fault.NOT_RUNNING, () -> api.stopProcess("sleeper", true));
  }

  @Test
  void startAndStopWithoutWaiting() {
    api.startProcess("slowstart", false);
    assertEquals(ProcessState.STARTING, state("slowstart"), "startsecs=2 has not passed yet");
    Await.until("RUNNING after startsecs", () -> state("slowstart") == ProcessState.RUNNING);
    api.stopProcess("slowstart", false);
    Await.until("STOPPED", () -> state("slowstart") == ProcessState.STOPPED);
  }

  @Test
  void startFaults() {
    fault(Fault.BAD_NAME, () -> api.startProcess("nope", true));
    fault(Fault.ALREADY_STARTED, () -> api.startProcess("cat", true));
    FaultException spawn = fault(Fault.SPAWN_ERROR, () -> api.startProcess("crasher", true));
    assertEquals("SPAWN_ERROR: crasher", spawn.faultString());
    Await.until("FATAL after no retries", () -> state("crasher") == ProcessState.FATAL);
    assertEquals(
        "Exited too quickly (process log may have details)",
        api.getProcessInfo("crasher").spawnerr());
    FaultException noFile = fault(Fault.NO_FILE, () -> api.startProcess("missing", true));
    assertTrue(noFile.faultString().contains("/nonexistent/program"), noFile.faultString());
    fault(Fault.NOT_RUNNING, () -> api.stopProcess("stopped", true));
  }

  @Test
  void groupsStartAndStopTogether() {
    List<ProcessResult> started = api.startProcessGroup("grp", true);
    assertEquals(
        List.of("grp:g1", "grp:g2"),
        started.stream().map(ProcessResult::namespec).sorted().toList());
    assertTrue(started.stream().allMatch(ProcessResult::isSuccess), started.toString());
    assertEquals("OK", started.get(0).description());
    assertEquals(ProcessState.RUNNING, state("grp:g1"));
    assertEquals(List.of(), api.startProcessGroup("grp", true), "running ones are skipped");
    List<ProcessResult> stopped = api.stopProcessGroup("grp", false);
    assertEquals(2, stopped.size());
    Await.until(
        "both STOPPED",
        () -> state("grp:g1") == ProcessState.STOPPED && state("grp:g2") == ProcessState.STOPPED);
    api.startProcess("grp:*", true); // a group spec answers an array: all must have succeeded
    assertEquals(ProcessState.RUNNING, state("grp:g2"));
    api.stopProcessGroup("grp", true);
    assertEquals(ProcessState.STOPPED, state("grp:g2"));
    fault(Fault.BAD_NAME, () -> api.startProcessGroup("nogroup", true));
  }

  @Test
  void signalsReachTheProcess() {
    Await.until("trapper ready", () -> log("trapper").contains("ready"));
    api.signalProcess("trapper", "USR1");
    Await.until("USR1 trapped", () -> log("trapper").contains("got-usr1"));
    List<ProcessResult> r = api.signalProcessGroup("trapper", "SIGUSR1");
    assertEquals(1, r.size());
    assertTrue(r.get(0).isSuccess());
    Await.until("second USR1", () -> log("trapper").split("got-usr1", -1).length == 3);
    fault(Fault.BAD_SIGNAL, () -> api.signalProcess("trapper", "NOSUCHSIG"));
    fault(Fault.NOT_RUNNING, () -> api.signalProcess("stopped", "HUP"));
    fault(Fault.BAD_NAME, () -> api.signalProcess("nope", "HUP"));
  }

  private String log(String program) {
    return new String(api.readProcessLog(program, LogStream.STDOUT, 0, 0), UTF_8);
  }

  // -- stdin and logs --

  @Test
  void stdinReachesTheProcessAndLogsReadTailAndClear() {
    api.sendProcessStdin("echo", "h\u00e9llo\n");
    Await.until("echoed", () -> log("echo").equals("h\u00e9llo\n"));
    byte[] bytes = "h\u00e9llo\n".getBytes(UTF_8);
    assertArrayEquals(bytes, api.readProcessLog("echo", LogStream.STDOUT, 0, 0));
    assertArrayEquals("llo\n".getBytes(UTF_8), api.readProcessLog("echo", LogStream.STDOUT, 3, 0));
    assertArrayEquals(new byte[0], api.readProcessLog("echo", LogStream.STDERR, 0, 0));
    LogTail tail = api.tailProcessLog("echo", LogStream.STDOUT, 0, 100);
    assertEquals(new LogTail(bytes, bytes.length, false), tail);
    LogTail overflow = api.tailProcessLog("echo", LogStream.STDOUT, 0, 4);
    assertEquals(new LogTail("llo\n".getBytes(UTF_8), bytes.length, true), overflow);
    api.clearProcessLogs("echo");
    assertEquals("", log("echo"));
    fault(Fault.BAD_NAME, () -> api.readProcessLog("nope", LogStream.STDOUT, 0, 0));
    fault(Fault.NOT_RUNNING, () -> api.sendProcessStdin("stopped", "x"));
    api.sendRemoteCommEvent("tend-test", "some data");
  }

  @Test
  void logBytesXmlCannotCarryStillArrive() {
    // supervisord sends ESC and \r raw, which breaks supervisorctl's tail (supervisor issue #85)
    byte[] expected = "\u001b[31mred\u001b[0m \u00e9\r\n".getBytes(UTF_8);
    Await.until("printed", () -> api.readProcessLog("colors", LogStream.STDOUT, 0, 0).length > 0);
    assertArrayEquals(expected, api.readProcessLog("colors", LogStream.STDOUT, 0, 0));
    assertArrayEquals(expected, api.tailProcessLog("colors", LogStream.STDOUT, 0, 1000).data());
  }

  // -- tend's additions, emulated --

  @Test
  void waitForChangesSeesAStartAndAStop() {
    ChangeBatch full = api.waitForChanges(0, Duration.ZERO);
    assertTrue(full.full());
    assertEquals(SupervisorState.RUNNING, full.state());
    assertEquals(api.getAllProcessInfo().size(), full.processes().size());
    ChangeBatch quiet = api.waitForChanges(full.cursor(), Duration.ofMillis(1200));
    assertEquals(full.cursor(), quiet.cursor(), "nothing changed: " + quiet);
    assertEquals(List.of(), quiet.processes());

    api.startProcess("watched", false);
    ChangeBatch started = untilState(full.cursor(), "watched", ProcessState.RUNNING);
    assertFalse(started.full());
    api.stopProcess("watched", false);
    ChangeBatch stopped = untilState(started.cursor(), "watched", ProcessState.STOPPED);
    assertTrue(stopped.cursor() > started.cursor());
    assertEquals(List.of(), stopped.removed());
  }

  /** Follows batches from {@code cursor} until {@code name} is reported in {@code state}. */
  private ChangeBatch untilState(long cursor, String name, ProcessState state) {
    long c = cursor;
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (System.nanoTime() < deadline) {
      ChangeBatch b = api.waitForChanges(c, Duration.ofSeconds(5));
      Optional<ProcessInfo> p =
          b.processes().stream().filter(i -> i.name().equals(name)).findFirst();
      if (p.isPresent() && p.get().state() == state) {
        return b;
      }
      c = b.cursor();
    }
    throw new AssertionError(name + " never reported " + state);
  }

  @Test
  void followProcessLogSeesLaterLinesAndSurvivesAClear() throws Exception {
    api.sendProcessStdin("followed", "one\n");
    Await.until("first line logged", () -> log("followed").equals("one\n"));
    RecordingLogListener listener = new RecordingLogListener();
    LogFollow follow = api.followProcessLog("followed", LogStream.STDOUT, 1024, listener);
    try {
      Await.until("history", () -> listener.text().equals("one\n"));
      api.sendProcessStdin("followed", "two\n");
      Await.until("a later line", () -> listener.text().equals("one\ntwo\n"));
      api.clearProcessLogs("followed");
      api.sendProcessStdin("followed", "3\n");
      Await.until("a line after the clear", () -> listener.text().equals("one\ntwo\n3\n"));
      assertEquals(List.of(-1L), listener.gaps(), "the clear is reported as a gap of unknown size");
      assertNull(listener.closedReason());
    } finally {
      follow.close();
    }
    Await.until("closed", () -> listener.closedReason() != null);
    assertEquals("closed", listener.closedReason());
  }

  @Test
  void followProcessLogStartsWithTheAskedHistory() throws Exception {
    api.sendProcessStdin("history", "old line\nnew line\n");
    Await.until("logged", () -> log("history").length() == 18);
    RecordingLogListener listener = new RecordingLogListener();
    LogFollow follow = api.followProcessLog("history", LogStream.STDOUT, 9, listener);
    try {
      Await.until("history", () -> listener.text().equals("new line\n"));
      api.sendProcessStdin("history", "newer\n");
      Await.until("then the rest", () -> listener.text().equals("new line\nnewer\n"));
    } finally {
      follow.close();
    }
    assertEquals(List.of(), listener.gaps());
  }

  @Test
  void logtailStreamsLikeSupervisorctlTailF() throws Exception {
    api.sendProcessStdin("tailed", "streamed\n");
    Await.until("logged", () -> log("tailed").contains("streamed\n"));
    RecordingLogListener listener = new RecordingLogListener();
    LogFollow follow = api.logtail("tailed", LogStream.STDOUT, listener);
    try {
      Await.until("the tail", () -> listener.text().contains("streamed\n"));
      api.sendProcessStdin("tailed", "more\n");
      Await.until("new bytes", () -> listener.text().endsWith("streamed\nmore\n"));
    } finally {
      follow.close();
    }
    Await.until("closed", () -> listener.closedReason() != null);
  }

  @Test
  void logFilesAreWhereTheFixtureSays() {
    assertTrue(Files.exists(sd.logFile("cat", "stdout")));
  }
}
