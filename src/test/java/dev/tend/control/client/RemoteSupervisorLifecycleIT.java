package dev.tend.control.client;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tend.api.ConnectionException;
import dev.tend.api.ConnectionException.Kind;
import dev.tend.api.Fault;
import dev.tend.api.FaultException;
import dev.tend.api.LogFollow;
import dev.tend.api.LogStream;
import dev.tend.api.ProcessInfo;
import dev.tend.api.ProcessResult;
import dev.tend.api.ProcessState;
import dev.tend.api.ReloadDiff;
import dev.tend.api.SupervisorState;
import dev.tend.testing.Await;
import dev.tend.testing.RealSupervisord;
import dev.tend.testing.RecordingLogListener;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link RemoteSupervisor} calls that change the whole supervisor (reload, add and remove groups,
 * all processes at once, shutdown, restart, the main log) or need a differently configured one
 * (auth, TCP); each test has a supervisord of its own.
 */
class RemoteSupervisorLifecycleIT {
  @TempDir Path dir;

  private RealSupervisord sd;
  private RemoteSupervisor api;

  @AfterEach
  void stop() {
    if (api != null) {
      api.close();
    }
    if (sd != null) {
      sd.close();
    }
  }

  private RemoteSupervisor connect(String url, ClientSettings settings) {
    RemoteSupervisor r = RemoteSupervisor.connect(ServerUrl.parse(url), settings);
    return r;
  }

  private void start(RealSupervisord configured) throws Exception {
    sd = configured.start();
    api = connect(sd.serverUrl(), ClientSettings.defaults());
  }

  private ProcessState state(String namespec) {
    return api.getProcessInfo(namespec).state();
  }

  @Test
  void reloadConfigSeesAnEditedConfigAndGroupsComeAndGo() throws Exception {
    start(
        RealSupervisord.in(dir)
            .program("old", "command=sleep 1000", "startsecs=0")
            .program("kept", "command=sleep 1000", "startsecs=0")
            .program("edited", "command=sleep 1000", "autostart=false"));
    Await.until("old RUNNING", () -> state("old") == ProcessState.RUNNING);
    assertEquals(new ReloadDiff(List.of(), List.of(), List.of()), api.reloadConfig());

    sd.remove("program:old")
        .program("fresh", "command=sleep 1000", "startsecs=0")
        .program("edited", "command=sleep 2000", "autostart=false");
    sd.writeConfig();
    assertEquals(
        new ReloadDiff(List.of("fresh"), List.of("edited"), List.of("old")), api.reloadConfig());

    api.addProcessGroup("fresh");
    Await.until("fresh autostarted", () -> state("fresh") == ProcessState.RUNNING);
    FaultException added = assertThrows(FaultException.class, () -> api.addProcessGroup("fresh"));
    assertEquals(Fault.ALREADY_ADDED, added.fault());
    FaultException running =
        assertThrows(FaultException.class, () -> api.removeProcessGroup("old"));
    assertEquals(Fault.STILL_RUNNING, running.fault());
    api.stopProcess("old", true);
    api.removeProcessGroup("old");
    assertEquals(
        List.of("edited", "fresh", "kept"),
        api.getAllProcessInfo().stream().map(ProcessInfo::name).toList());
    FaultException unknown = assertThrows(FaultException.class, () -> api.addProcessGroup("nope"));
    assertEquals(Fault.BAD_NAME, unknown.fault());
  }

  @Test
  void reloadConfigOfABrokenFileIsCantReread() throws Exception {
    start(RealSupervisord.in(dir).program("a", "command=sleep 1000"));
    sd.section("program:broken", "numprocs=2", "command=sleep 1"); // needs %(process_num)
    sd.writeConfig();
    FaultException e = assertThrows(FaultException.class, () -> api.reloadConfig());
    assertEquals(Fault.CANT_REREAD, e.fault());
  }

  @Test
  void followEndsWhenItsProcessIsRemoved() throws Exception {
    start(RealSupervisord.in(dir).program("gone", "command=/bin/cat", "startsecs=0"));
    Await.until("RUNNING", () -> state("gone") == ProcessState.RUNNING);
    RecordingLogListener listener = new RecordingLogListener();
    LogFollow follow = api.followProcessLog("gone", LogStream.STDOUT, 100, listener);
    try {
      api.sendProcessStdin("gone", "bye\n");
      Await.until("data", () -> listener.text().equals("bye\n"));
      api.stopProcess("gone", true);
      sd.remove("program:gone");
      sd.writeConfig();
      api.reloadConfig();
      api.removeProcessGroup("gone");
      Await.until("closed", () -> listener.closedReason() != null);
      assertEquals("gone stdout no longer exists", listener.closedReason());
    } finally {
      follow.close();
    }
  }

  @Test
  void allProcessesAtOnce() throws Exception {
    start(
        RealSupervisord.in(dir)
            .program("a", "command=sleep 1000", "autostart=false", "startsecs=0")
            .program("b", "command=sleep 1000", "autostart=false", "startsecs=0"));
    List<ProcessResult> started = api.startAllProcesses(true);
    assertEquals(List.of("a", "b"), started.stream().map(ProcessResult::name).sorted().toList());
    assertTrue(started.stream().allMatch(ProcessResult::isSuccess));
    List<ProcessResult> signalled = api.signalAllProcesses("CONT");
    assertEquals(2, signalled.size());
    List<ProcessResult> cleared = api.clearAllProcessLogs();
    assertEquals(2, cleared.size());
    List<ProcessResult> stopped = api.stopAllProcesses(false);
    assertEquals(2, stopped.size());
    Await.until(
        "all STOPPED",
        () -> api.getAllProcessInfo().stream().allMatch(p -> p.state() == ProcessState.STOPPED));
    assertEquals(List.of(), api.stopAllProcesses(true), "nothing left to stop");
    assertEquals(2, api.startAllProcesses(false).size());
    Await.until(
        "all RUNNING",
        () -> api.getAllProcessInfo().stream().allMatch(p -> p.state() == ProcessState.RUNNING));
    assertEquals(2, api.stopAllProcesses(true).size());
  }

  @Test
  void mainLogClears() throws Exception {
    start(RealSupervisord.in(dir));
    assertTrue(new String(api.readLog(0, 0), UTF_8).contains("supervisord started"));
    api.clearLog();
    assertTrue(!new String(api.readLog(0, 0), UTF_8).contains("supervisord started"));
  }

  @Test
  void restartComesBackAndShutdownGoesAway() throws Exception {
    start(RealSupervisord.in(dir).program("a", "command=sleep 1000", "startsecs=0"));
    Await.until("a RUNNING", () -> state("a") == ProcessState.RUNNING);
    int before = api.getProcessInfo("a").pid();
    api.restart();
    Await.value(
        "a respawned after the restart",
        Duration.ofSeconds(30),
        () -> {
          try {
            return api.getState() == SupervisorState.RUNNING ? api.getProcessInfo("a") : null;
          } catch (ConnectionException | FaultException restarting) {
            return null; // socket gone for a moment, or SHUTDOWN_STATE while it restarts
          }
        },
        a -> a != null && a.state() == ProcessState.RUNNING && a.pid() != before);
    api.shutdown();
    ConnectionException e =
        Await.value(
            "the socket gone",
            Duration.ofSeconds(30),
            () -> {
              try {
                api.getState();
                return null;
              } catch (FaultException shuttingDown) {
                return null; // SHUTDOWN_STATE while it stops its programs
              } catch (ConnectionException gone) {
                return gone;
              }
            },
            gone -> gone != null && gone.kind() == Kind.NO_SUCH_FILE);
    assertEquals(sd.serverUrl() + " no such file", e.getMessage());
  }

  @Test
  void basicAuthOverTcpAndTheUnixSocket() throws Exception {
    sd = RealSupervisord.in(dir).credentials("user", "s3cr\u00e9t").tcp().start();
    for (String url : List.of(sd.tcpUrl(), sd.serverUrl())) {
      try (RemoteSupervisor anonymous = connect(url, ClientSettings.defaults())) {
        ConnectionException e = assertThrows(ConnectionException.class, anonymous::getState);
        assertEquals(Kind.UNAUTHORIZED, e.kind(), e.getMessage());
      }
      try (RemoteSupervisor wrong =
          connect(url, ClientSettings.defaults().withCredentials("user", "wrong"))) {
        assertEquals(
            Kind.UNAUTHORIZED, assertThrows(ConnectionException.class, wrong::getState).kind());
      }
      try (RemoteSupervisor user =
          connect(url, ClientSettings.defaults().withCredentials("user", "s3cr\u00e9t"))) {
        assertEquals(SupervisorState.RUNNING, user.getState());
        assertEquals(SupervisorState.RUNNING, user.getState());
        assertEquals(1, user.client().connectionsOpened(), "one kept-alive connection");
      }
    }
  }

  @Test
  void refusedWhenNothingListensOnThePort() throws Exception {
    try (RemoteSupervisor none =
        connect("http://127.0.0.1:" + RealSupervisord.unusedPort(), ClientSettings.defaults())) {
      ConnectionException e = assertThrows(ConnectionException.class, none::getState);
      assertEquals(Kind.REFUSED, e.kind());
    }
  }
}
