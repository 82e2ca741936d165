package dev.tend.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tend.testing.Await;
import dev.tend.testing.TendCommand;
import dev.tend.testing.TestDependency;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The daemon killed with SIGKILL and started again on the same config: no program runs twice; what
 * the dead daemon left running is adopted (RUNNING with its pid, stopped, signalled and seen to end
 * like any child), replaced when its program changed, stopped when its program is gone.
 */
class DaemonCrashIT {
  @TempDir Path dir;
  private CrashSite site;

  @AfterEach
  void cleanUp() throws Exception {
    if (site != null) {
      site.cleanUp();
    }
  }

  private void startAndAwait(int programs) throws Exception {
    site.startDaemon();
    site.awaitLog("entered RUNNING state", programs);
  }

  @Test
  void aDaemonKilledAndStartedAgainAdoptsItsProgramsInsteadOfRunningThemTwice() throws Exception {
    site = new CrashSite(dir);
    site.config(
        "pipe_keeper = off", site.program("a", "") + site.program("b", "") + site.program("c", ""));
    startAndAwait(3);
    int a = site.live("a").get(0);
    int b = site.live("b").get(0);
    int c = site.live("c").get(0);
    site.killDaemon();
    assertEquals(List.of(a), site.live("a"), "the programs outlive the daemon");

    site.startDaemon();
    site.awaitLog("adopted: ", 3);
    assertEquals(List.of(a), site.live("a"), "no second a");
    assertEquals(List.of(b), site.live("b"), "no second b");
    assertEquals(List.of(c), site.live("c"), "no second c");
    assertEquals(List.of(a), site.pids("adopted", "a"));
    assertEquals(3, site.count("spawned: "), "nothing spawned since the first daemon");
    assertTrue(site.mainLog().contains("3 adopted, 0 replaced, 0 stopped, 0 not found"));
    Await.until(
        "a RUNNING with its old pid",
        Duration.ofSeconds(30),
        () -> status().contains("RUNNING   pid " + a + ","));

    assertEquals(0, site.ctl("stop", "a").exit());
    Await.until("a gone", () -> site.live("a").isEmpty());
    assertTrue(status().matches("(?s).*a\\s+STOPPED.*"), status());

    CrashSite.kill(b, "TERM");
    site.awaitLog("exited: b (", 1);
    Await.until(
        "b started again", Duration.ofSeconds(30), () -> site.pids("spawned", "b").size() == 2);
    assertEquals(1, site.live("b").size());

    TendCommand.Result signalled = site.ctl("signal", "HUP", "c");
    assertEquals(0, signalled.exit(), signalled.out() + signalled.err());
    Await.until("c ended by its signal", () -> !site.live("c").contains(c));
    site.awaitLog("exited: c (", 1);
  }

  private String status() {
    try {
      return site.ctl("status").out();
    } catch (Exception e) {
      return "";
    }
  }

  @Test
  void aChangedProgramIsReplacedARemovedOneStoppedAndANewOneStarted() throws Exception {
    site = new CrashSite(dir);
    site.config("pipe_keeper = off", site.program("a", "") + site.program("b", ""));
    startAndAwait(2);
    int a = site.live("a").get(0);
    int b = site.live("b").get(0);
    site.killDaemon();
    String changed = site.program("a", "").replace("prog.sh a ", "prog.sh a 3600");
    site.config("pipe_keeper = off", changed + site.program("d", ""));

    site.startDaemon();
    site.awaitLog("entered RUNNING state", 4);
    String log = site.mainLog();
    assertTrue(log.contains("replacing it: its program changed since it was started"), log);
    assertTrue(log.contains("stopping it: its program is no longer in the config"), log);
    assertTrue(log.contains("0 adopted, 1 replaced, 1 stopped, 0 not found"), log);
    assertTrue(!site.live("a").contains(a), "the old a is gone");
    assertEquals(1, site.live("a").size(), "one a: the new one");
    assertTrue(site.live("b").isEmpty(), "b left the config: stopped");
    assertEquals(1, site.live("d").size());
    assertTrue(log.indexOf("stopped: 'b' (pid " + b) > 0, log);
  }

  @Test
  void withOrphansStopEveryProgramStartsAnewAfterItsOldProcessIsGone() throws Exception {
    site = new CrashSite(dir);
    site.config("orphans = stop\npipe_keeper = off", site.program("a", ""));
    startAndAwait(1);
    int a = site.live("a").get(0);
    site.killDaemon();
    site.startDaemon();
    site.awaitLog("entered RUNNING state", 2);
    assertTrue(site.mainLog().contains("replacing it: the config says orphans = stop"));
    List<Integer> now = site.live("a");
    assertEquals(1, now.size());
    assertTrue(now.get(0) != a);
    String log = site.mainLog();
    assertTrue(
        log.indexOf("stopped: a (") < log.lastIndexOf("spawned: 'a'"),
        "the new a started only after the old one stopped: " + log);
  }

  @Test
  void aProgramThatDiedWhileNoDaemonRanIsNotFoundAndStartsAnew() throws Exception {
    site = new CrashSite(dir);
    site.config("pipe_keeper = off", site.program("a", ""));
    startAndAwait(1);
    int a = site.live("a").get(0);
    site.killDaemon();
    CrashSite.kill(a, "KILL");
    Await.until("a gone", () -> site.live("a").isEmpty());
    site.startDaemon();
    site.awaitLog("entered RUNNING state", 2);
    assertTrue(site.mainLog().contains("not found: 'a' (pid " + a + ") is no longer running"));
    assertEquals(1, site.live("a").size());
  }

  @Test
  void withAKeeperADaemonCrashLosesNoLineOfOutputAndNoProcess() throws Exception {
    site = new CrashSite(dir);
    String programs = site.program("w1", "0.01") + site.program("w2", "0.01");
    site.config("", programs);
    startAndAwait(2);
    site.awaitLines("w1", 100);
    int w1 = site.live("w1").get(0);
    site.killDaemon();
    site.awaitNoDaemonFor(Duration.ofSeconds(1)); // the programs write on meanwhile
    assertEquals(List.of(w1), site.live("w1"), "no SIGPIPE: the keeper holds the read ends");

    site.startDaemon();
    site.awaitLog("adopted: ", 2);
    assertTrue(site.mainLog().contains("keeper handed back the pipes of 2 processes"));
    int before = site.lines("w1").size();
    site.awaitLines("w1", before + 200);
    site.awaitLines("w2", before + 200);
    assertEquals(0, site.stopDaemon());
    for (String name : List.of("w1", "w2")) {
      List<Integer> numbers = site.lines(name);
      for (int i = 0; i < numbers.size(); i++) {
        assertEquals(i + 1, numbers.get(i), name + ": every line once, in order: " + numbers);
      }
    }
    Await.until("the keeper gone after a clean stop", () -> site.keepers().isEmpty());
  }

  /**
   * The lost-bytes count: a program writing numbered lines without a pause, three SIGKILLs of the
   * daemon. It lives on (the keeper holds its pipe) and its log is the stream it wrote, byte for
   * byte, except for what a killed daemon had read from the pipe and not yet written to the file:
   * at most one read (ReadBuffer.CAPACITY, 64 KiB) per kill, never a byte twice or out of order.
   * How often that window is hit, in docs/CRASH.md (bench/crash).
   */
  @Test
  void aProgramWritingWithoutPauseKeepsItsStreamAcrossThreeDaemonKills() throws Exception {
    site = new CrashSite(dir);
    site.config("", site.writer("w"));
    startAndAwait(1);
    int w = site.live("w").get(0);
    int kills = 3;
    for (int k = 1; k <= kills; k++) {
      site.awaitLogSize("w", site.logSize("w") + 200_000);
      site.killDaemon();
      site.awaitNoDaemonFor(Duration.ofMillis(500));
      assertEquals(List.of(w), site.live("w"), "alive after kill " + k + ": no SIGPIPE");
      site.startDaemon();
      site.awaitLog("adopted: ", k);
    }
    site.awaitLogSize("w", site.logSize("w") + 200_000);
    assertEquals(0, site.stopDaemon());

    NumberedLog log = NumberedLog.of("w", site.log("w"));
    System.out.printf(
        "%d lines, %d daemon kills: %d bytes lost in %d gaps %s%n",
        log.lines(), kills, log.lostBytes(), log.gaps().size(), log.gaps());
    assertEquals(-1, log.mismatch(), "nothing twice or out of order");
    assertTrue(log.gaps().size() <= kills, "at most one gap per kill: " + log.gaps());
    for (int gap : log.gaps()) {
      assertTrue(gap <= 64 * 1024, "a gap is at most one read: " + log.gaps());
    }
    assertTrue(log.lines() > 10_000, "it wrote on across the kills: " + log.lines());
  }

  /**
   * A second daemon on the config of one that runs is refused (by the pidfile check) before it
   * touches anything: were it not, it would take over the running daemon's programs, stop those its
   * config no longer names and rewrite the roster under it, then fail on the control socket.
   */
  @Test
  void aSecondDaemonOnTheSameConfigIsRefusedAndTouchesNothing() throws Exception {
    site = new CrashSite(dir);
    String both = site.program("a", "") + site.program("b", "");
    site.config("pipe_keeper = off", both);
    startAndAwait(2);
    int a = site.live("a").get(0);
    int b = site.live("b").get(0);
    Path rosterPath = dir.resolve("site.pid.roster");
    String roster = Files.readString(rosterPath);
    site.config("pipe_keeper = off", site.program("a", "")); // b is gone from this config

    TendCommand.Result second =
        TendCommand.run(dir, "daemon", "-n", "-c", dir.resolve("site.conf").toString());

    assertTrue(second.exit() != 0, "refused");
    String said = second.out() + second.err();
    assertTrue(said.contains("another tend daemon (pid " + site.daemonPid() + ")"), said);
    assertEquals(List.of(a), site.live("a"));
    assertEquals(List.of(b), site.live("b"), "b not stopped by the second daemon");
    assertEquals(roster, Files.readString(rosterPath), "the roster untouched");
    site.config("pipe_keeper = off", both);
    site.killDaemon();
    site.startDaemon();
    site.awaitLog("adopted: ", 2);
    assertEquals(List.of(a), site.live("a"));
    assertEquals(List.of(b), site.live("b"));
  }

  @Test
  void aCleanStopLeavesNoRosterBehind() throws Exception {
    site = new CrashSite(dir);
    site.config("pipe_keeper = off", site.program("a", ""));
    startAndAwait(1);
    assertTrue(Files.exists(dir.resolve("site.pid.roster")));
    assertEquals(0, site.stopDaemon());
    assertTrue(!Files.exists(dir.resolve("site.pid.roster")));
  }

  /**
   * An fcgi pool accepts on the socket its daemon made; a new daemon makes its own, so the old pool
   * would accept on a socket no client can reach any more. It is stopped and started anew on the
   * new socket instead of adopted, and a client connecting to the socket file is answered by it.
   */
  @Test
  void anFcgiPoolIsStartedAnewOnTheNewDaemonsSocketNotAdopted() throws Exception {
    TestDependency.require("python3");
    site = new CrashSite(dir);
    Files.writeString(
        dir.resolve("fcgi.py"),
        """
        import os, socket, sys
        s = socket.socket(fileno=0)
        while True:
            c, _ = s.accept()
            c.sendall(("%d\\n" % os.getpid()).encode())
            c.close()
        """);
    Path socket = dir.resolve("echo.sock");
    String pool =
        """
        [fcgi-program:echo]
        command = /usr/bin/python3 %1$s/fcgi.py %%(program_name)s_%%(process_num)s
        socket = unix://%2$s
        process_name = %%(program_name)s_%%(process_num)s
        numprocs = 2
        startsecs = 1
        stdout_logfile = %1$s/echo.log

        """
            .formatted(dir, socket);
    site.config("pipe_keeper = off", site.program("a", "") + pool);
    startAndAwait(3);
    List<Integer> old = new ArrayList<>(site.live("echo_0"));
    old.addAll(site.live("echo_1"));
    assertEquals(2, old.size(), "two processes in the pool");
    site.killDaemon();

    site.startDaemon();
    site.awaitLog("entered RUNNING state", 6);
    String log = site.mainLog();
    assertTrue(log.contains("1 adopted, 0 replaced, 2 stopped, 0 not found"), log);
    Await.until(
        "the old pool gone",
        () ->
            site.live("echo_0").stream().noneMatch(old::contains)
                && site.live("echo_1").stream().noneMatch(old::contains));
    List<Integer> fresh = new ArrayList<>(site.live("echo_0"));
    fresh.addAll(site.live("echo_1"));
    assertEquals(2, fresh.size(), "a new pool of two: " + fresh);
    for (int i = 0; i < 4; i++) {
      int answered = Integer.parseInt(ask(socket));
      assertTrue(fresh.contains(answered), answered + " answered, the new pool is " + fresh);
    }
  }

  /** Connects to a unix socket and reads the answer (the pid of the process that accepted). */
  private static String ask(Path socket) throws IOException {
    try (SocketChannel c = SocketChannel.open(StandardProtocolFamily.UNIX)) {
      c.connect(UnixDomainSocketAddress.of(socket));
      ByteBuffer buf = ByteBuffer.allocate(64);
      while (c.read(buf) >= 0) {
        // until the child closes
      }
      return new String(buf.array(), 0, buf.position(), StandardCharsets.US_ASCII).trim();
    }
  }
}
