package dev.tend.tui.feed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tend.api.SupervisorApi;
import dev.tend.control.client.ClientSettings;
import dev.tend.control.client.RemoteSupervisor;
import dev.tend.control.client.ServerUrl;
import dev.tend.testing.Await;
import dev.tend.testing.RealSupervisord;
import dev.tend.testing.TendCommand;
import dev.tend.tui.state.LogLine;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * History then live lines at the seam, through the real client, against a real tend daemon (which
 * pushes) and a real supervisord (polled): a process writes numbered lines fast while a pane's
 * follower opens; every line from the first whole line of the history on arrives once, in order.
 */
class LogSeamIT {
  /** About 40,000 numbered lines a second, flushed every 200. */
  private static final String COUNTER =
      """
      import sys, time
      i = 0
      while True:
          for _ in range(200):
              i += 1
              sys.stdout.write("n=%d\\n" % i)
          sys.stdout.flush()
          time.sleep(0.005)
      """;

  @TempDir Path dir;
  private final List<ConsoleEvent> posted = new java.util.concurrent.CopyOnWriteArrayList<>();

  @AfterEach
  void stopTheDaemon() throws Exception {
    Path pidfile = dir.resolve("tend.pid");
    if (Files.exists(pidfile)) {
      long pid = Long.parseLong(Files.readString(pidfile).trim());
      ProcessHandle.of(pid).ifPresent(ProcessHandle::destroy);
      ProcessHandle.of(pid).ifPresent(h -> h.onExit().orTimeout(30, TimeUnit.SECONDS).join());
    }
  }

  @Test
  void aTendDaemonPushesHistoryThenLiveWithoutGapOrDuplicate() throws Exception {
    Path conf = dir.resolve("site.conf");
    Files.writeString(
        conf,
        """
        [supervisord]
        logfile=%(here)s/tend.log
        pidfile=%(here)s/tend.pid
        childlogdir=%(here)s
        [unix_http_server]
        file=%(here)s/tend.sock
        [program:counter]
        """
            + counter()
            + "\n");
    TendCommand.Result started = TendCommand.run(dir, "daemon", "-c", conf.toString());
    assertEquals(0, started.exit(), started.err());
    try (RemoteSupervisor api =
        RemoteSupervisor.connect(
            ServerUrl.parse("unix://" + dir.resolve("tend.sock")), ClientSettings.defaults())) {
      assertTrue(api.capabilities().rawLogs(), "a tend daemon pushes raw log bytes");
      followAndCheck(api);
    }
  }

  @Test
  void aRealSupervisordIsPolledWithoutGapOrDuplicate() throws Exception {
    try (RealSupervisord sd =
            RealSupervisord.in(dir.resolve("sd")).program("counter", counter()).start();
        RemoteSupervisor api =
            RemoteSupervisor.connect(ServerUrl.parse(sd.serverUrl()), ClientSettings.defaults())) {
      followAndCheck(api);
    }
  }

  /** The counter's program line: the script in a file (no config quoting to get wrong). */
  private String counter() throws java.io.IOException {
    dev.tend.testing.TestDependency.require("python3");
    Path script = dir.resolve("counter.py");
    Files.writeString(script, COUNTER);
    return "command=python3 -u " + script;
  }

  private void followAndCheck(SupervisorApi api) throws Exception {
    Await.until(
        "the counter well under way",
        Duration.ofSeconds(20),
        () ->
            api.tailProcessLog("counter", dev.tend.api.LogStream.STDOUT, 0, 10).offset() > 50_000);
    LogInbox inbox = new LogInbox(1, 1_000_000, posted::add);
    List<LogLine> got = new ArrayList<>();
    try (LogFollower follower =
        new LogFollower(api, Executors.newSingleThreadExecutor(), Clock.systemUTC(), 4096, 8192)) {
      follower.follow(1, inbox, List.of("counter"));
      Await.until(
          "30,000 lines through the seam",
          Duration.ofSeconds(30),
          () -> {
            got.addAll(inbox.drain().lines());
            return got.size() > 30_000;
          });
    }
    for (LogLine l : got) {
      assertEquals(LogLine.Kind.TEXT, l.kind(), "no loss, no end: " + l.text());
    }
    int first = Integer.parseInt(got.get(0).text().substring(2));
    assertTrue(first > 1, "the history is the end of a longer log, from a whole line: " + first);
    for (int i = 0; i < got.size(); i++) {
      assertEquals("n=" + (first + i), got.get(i).text(), "line " + i + " of " + got.size());
    }
  }
}
