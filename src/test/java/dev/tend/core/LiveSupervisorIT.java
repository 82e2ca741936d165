package dev.tend.core;

import static dev.tend.api.ProcessState.BACKOFF;
import static dev.tend.api.ProcessState.EXITED;
import static dev.tend.api.ProcessState.FATAL;
import static dev.tend.api.ProcessState.RUNNING;
import static dev.tend.api.ProcessState.STARTING;
import static dev.tend.api.ProcessState.STOPPED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tend.api.FaultException;
import dev.tend.api.LogStream;
import dev.tend.api.ProcessInfo;
import dev.tend.testing.Await;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The state machine with real children, real pipes and real log files. */
class LiveSupervisorIT {
  @TempDir Path dir;

  private static boolean alive(int pid) {
    return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
  }

  @Test
  void runsRestartsOnCrashAndStopsWithTerm() throws Exception {
    try (LiveSupervisor s =
        new LiveSupervisor(
            dir,
            "[program:svc]\ncommand=sh -c 'echo up; exec sleep 300'\nstartsecs=1\n"
                + "autorestart=true\n")) {
      ProcessInfo running = s.awaitState("svc", RUNNING);
      assertTrue(alive(running.pid()));
      ProcessHandle.of(running.pid()).orElseThrow().destroyForcibly();
      ProcessInfo again =
          Await.value(
              "a new pid", () -> s.info("svc"), i -> i.pid() != 0 && i.pid() != running.pid());
      assertEquals(1, again.restarts());
      Await.until("both runs logged", () -> readQuietly(s, "svc").equals("up\nup\n"));
      s.supervisor.stopProcess("svc", true);
      assertEquals(STOPPED, s.info("svc").state());
      assertFalse(alive(again.pid()));
    }
  }

  @Test
  void quickExitsBackOffThenGoFatal() throws Exception {
    try (LiveSupervisor s =
        new LiveSupervisor(
            dir, "[program:flap]\ncommand=sh -c 'echo bad >&2; exit 1'\nstartretries=1\n")) {
      s.awaitState("flap", FATAL, Duration.ofSeconds(15));
      assertEquals(
          List.of(
              "STOPPED->STARTING",
              "STARTING->BACKOFF",
              "BACKOFF->STARTING",
              "STARTING->BACKOFF",
              "BACKOFF->FATAL"),
          s.transitions("flap"));
      String err = Files.readString(Path.of(s.info("flap").stderrLogfile()));
      assertEquals("bad\nbad\n", err);
    }
  }

  @Test
  void missingCommandIsASpawnErrorAndAFault() throws Exception {
    try (LiveSupervisor s =
        new LiveSupervisor(
            dir,
            "[program:nocmd]\ncommand=no-such-command-xyz\nstartretries=0\n"
                + "[program:later]\ncommand=no-such-command-xyz\nautostart=false\n")) {
      ProcessInfo fatal = s.awaitState("nocmd", FATAL);
      assertEquals("can't find command 'no-such-command-xyz'", fatal.description());
      FaultException e =
          assertThrows(FaultException.class, () -> s.supervisor.startProcess("later", true));
      assertEquals("NO_FILE: can't find command 'no-such-command-xyz'", e.faultString());
    }
  }

  @Test
  void expectedExitIsNotRestartedAndUnexpectedIs() throws Exception {
    try (LiveSupervisor s =
        new LiveSupervisor(
            dir,
            "[program:done]\ncommand=sh -c 'sleep 1.2; exit 0'\nstartsecs=1\n"
                + "[program:crash]\ncommand=sh -c 'sleep 1.2; exit 3'\nstartsecs=1\n")) {
      s.awaitState("done", EXITED);
      Await.until("crash restarted", () -> s.info("crash").restarts() >= 1);
      assertEquals(0, s.info("done").restarts());
      assertEquals(0, s.info("done").exitstatus());
    }
  }

  @Test
  void stopEscalatesToKillAfterStopwaitsecs() throws Exception {
    try (LiveSupervisor s =
        new LiveSupervisor(
            dir,
            "[program:stubborn]\ncommand=sh -c 'trap \"echo ignoring\" TERM; echo ready;"
                + " while true; do sleep 0.1; done'\nstartsecs=0\nstopwaitsecs=1\n")) {
      s.awaitState("stubborn", RUNNING);
      Await.until("trap installed", () -> readQuietly(s, "stubborn").contains("ready"));
      long t0 = System.nanoTime();
      s.supervisor.stopProcess("stubborn", true);
      long ms = (System.nanoTime() - t0) / 1_000_000;
      assertTrue(ms >= 900, "waited for stopwaitsecs, took " + ms + " ms");
      assertEquals(-1, s.info("stubborn").exitstatus());
      assertEquals(9, s.info("stubborn").exitSignal());
    }
  }

  private static String readQuietly(LiveSupervisor s, String name) {
    try {
      return s.log(name);
    } catch (java.io.IOException e) {
      return "";
    }
  }

  @Test
  void stopasgroupLeavesNoDescendantAliveEvenOutsideTheGroup() throws Exception {
    Path pids = dir.resolve("pids");
    try (LiveSupervisor s =
        new LiveSupervisor(
            dir,
            "[program:tree]\ncommand=sh -c 'sleep 300 & echo $! > "
                + pids
                + "; setsid sleep 301 & echo $! >> "
                + pids
                + "; wait'\nstartsecs=0\nstopasgroup=true\nstopwaitsecs=2\n")) {
      s.awaitState("tree", RUNNING);
      Await.until("two descendants", () -> lines(pids).size() == 2);
      List<Integer> descendants = lines(pids).stream().map(Integer::parseInt).toList();
      descendants.forEach(pid -> assertTrue(alive(pid), "descendant " + pid + " runs"));
      s.supervisor.stopProcess("tree", true);
      for (int pid : descendants) {
        Await.until("descendant " + pid + " gone", () -> !alive(pid));
      }
    }
  }

  private static List<String> lines(Path p) {
    try {
      return Files.exists(p)
          ? Files.readAllLines(p).stream().filter(l -> !l.isBlank()).toList()
          : List.of();
    } catch (java.io.IOException e) {
      return List.of();
    }
  }

  @Test
  void redirectStderrJoinsTheStreamsInOneFile() throws Exception {
    try (LiveSupervisor s =
        new LiveSupervisor(
            dir,
            "[program:both]\ncommand=sh -c 'echo out; echo err >&2; sleep 300'\n"
                + "redirect_stderr=true\nstartsecs=0\n")) {
      s.awaitState("both", RUNNING);
      Await.until("both lines", () -> readQuietly(s, "both").contains("err\n"));
      assertEquals("out\nerr\n", s.log("both"));
      assertEquals("", s.info("both").stderrLogfile());
    }
  }

  @Test
  void logsRotateAtMaxbytesKeepingBackups() throws Exception {
    try (LiveSupervisor s =
        new LiveSupervisor(
            dir,
            "[program:chatty]\ncommand=sh -c 'i=0; while [ $i -lt 400 ]; do"
                + " echo line-$i-padding-padding-padding; i=$((i+1)); done; sleep 300'\n"
                + "stdout_logfile=%(here)s/chatty.log\nstdout_logfile_maxbytes=2KB\n"
                + "stdout_logfile_backups=3\nstartsecs=0\n")) {
      s.awaitState("chatty", RUNNING);
      StringBuilder expected = new StringBuilder();
      for (int i = 0; i < 400; i++) {
        expected.append("line-").append(i).append("-padding-padding-padding\n");
      }
      Await.until(
          "every line logged",
          () -> joined(dir, "chatty.log").endsWith("line-399-padding-padding-padding\n"));
      assertTrue(expected.toString().endsWith(joined(dir, "chatty.log")), "files hold a suffix");
      assertTrue(Files.exists(dir.resolve("chatty.log.1")), "rotated at least once");
      assertFalse(Files.exists(dir.resolve("chatty.log.4")), "at most 3 backups");
      for (int i = 1; i <= 3; i++) {
        Path backup = dir.resolve("chatty.log." + i);
        if (Files.exists(backup)) {
          assertTrue(Files.size(backup) >= 2048, "rotated only once full: " + backup);
        }
      }
    }
  }

  /** The rotated files oldest first, then the current one. */
  private static String joined(Path dir, String name) {
    StringBuilder b = new StringBuilder();
    try {
      for (int i = 9; i >= 1; i--) {
        Path p = dir.resolve(name + "." + i);
        if (Files.exists(p)) {
          b.append(Files.readString(p));
        }
      }
      Path current = dir.resolve(name);
      if (Files.exists(current)) {
        b.append(Files.readString(current));
      }
    } catch (java.io.IOException e) {
      return "";
    }
    return b.toString();
  }

  @Test
  void aChildWriting256MiBLosesNoByteThroughRotation() throws Exception {
    Path data = dir.resolve("data.bin");
    try (LiveSupervisor s =
        new LiveSupervisor(
            dir,
            "[program:flood]\ncommand=sh -c 'dd if=/dev/urandom of="
                + data
                + " bs=1M count=256 status=none && cat "
                + data
                + " && exec sleep 300'\nstdout_logfile=%(here)s/flood.log\n"
                + "stdout_logfile_maxbytes=32MB\nstdout_logfile_backups=10\nstartsecs=0\n")) {
      long expected = 256L << 20;
      s.awaitState("flood", RUNNING);
      Await.until(
          "256 MiB logged", Duration.ofSeconds(90), () -> totalSize(dir, "flood.log") == expected);
      java.security.MessageDigest logs = java.security.MessageDigest.getInstance("SHA-256");
      for (int i = 10; i >= 1; i--) {
        digest(logs, dir.resolve("flood.log." + i));
      }
      digest(logs, dir.resolve("flood.log"));
      java.security.MessageDigest written = java.security.MessageDigest.getInstance("SHA-256");
      digest(written, data);
      assertEquals(
          java.util.HexFormat.of().formatHex(written.digest()),
          java.util.HexFormat.of().formatHex(logs.digest()),
          "the rotated files, oldest first, hold exactly what the child wrote");
      assertTrue(Files.exists(dir.resolve("flood.log.7")), "it rotated");
    }
  }

  private static long totalSize(Path dir, String name) {
    long total = 0;
    try {
      for (int i = 0; i <= 10; i++) {
        Path p = dir.resolve(i == 0 ? name : name + "." + i);
        if (Files.exists(p)) {
          total += Files.size(p);
        }
      }
    } catch (java.io.IOException e) {
      return -1;
    }
    return total;
  }

  private static void digest(java.security.MessageDigest md, Path p) throws java.io.IOException {
    if (!Files.exists(p)) {
      return;
    }
    try (var in = Files.newInputStream(p)) {
      byte[] buf = new byte[1 << 16];
      for (int n; (n = in.read(buf)) > 0; ) {
        md.update(buf, 0, n);
      }
    }
  }

  @Test
  void tailAndReadGoThroughTheApi() throws Exception {
    try (LiveSupervisor s =
        new LiveSupervisor(
            dir, "[program:talk]\ncommand=sh -c 'printf hello-world; sleep 300'\nstartsecs=0\n")) {
      s.awaitState("talk", RUNNING);
      Await.until(
          "output",
          () -> s.supervisor.tailProcessLog("talk", LogStream.STDOUT, 0, 100).length() == 11);
      assertEquals(
          "world",
          new String(s.supervisor.readProcessLog("talk", LogStream.STDOUT, -5, 0), "UTF-8"));
    }
  }

  @Test
  void environmentAndDirectoryReachTheChild() throws Exception {
    Files.createDirectories(dir.resolve("work"));
    try (LiveSupervisor s =
        new LiveSupervisor(
            dir,
            "[program:env]\ncommand=sh -c 'echo $GREETING $SUPERVISOR_PROCESS_NAME; pwd; sleep 300'\n"
                + "environment=GREETING=\"hi there\"\ndirectory=%(here)s/work\nstartsecs=0\n")) {
      s.awaitState("env", RUNNING);
      Await.until("output", () -> readQuietly(s, "env").lines().count() == 2);
      assertEquals("hi there env\n" + dir.resolve("work").toRealPath() + "\n", s.log("env"));
    }
  }

  @Test
  void startWithWaitReturnsOnceRunning() throws Exception {
    try (LiveSupervisor s =
        new LiveSupervisor(
            dir, "[program:svc]\ncommand=sleep 300\nautostart=false\nstartsecs=1\n")) {
      long t0 = System.nanoTime();
      s.supervisor.startProcess("svc", true);
      long ms = (System.nanoTime() - t0) / 1_000_000;
      assertEquals(RUNNING, s.info("svc").state());
      assertTrue(ms >= 1000, "waited startsecs, took " + ms);
      assertNotEquals(0, s.info("svc").pid());
      assertThrows(FaultException.class, () -> s.supervisor.startProcess("svc", true));
      assertEquals(RUNNING, s.info("svc").state());
      assertFalse(s.info("svc").state() == STARTING || s.info("svc").state() == BACKOFF);
    }
  }
}
