package dev.tend.tui.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tend.api.ProcessState;
import dev.tend.control.client.ClientSettings;
import dev.tend.control.client.RemoteSupervisor;
import dev.tend.control.client.ServerUrl;
import dev.tend.testing.Await;
import dev.tend.testing.RealSupervisord;
import dev.tend.testing.TestDependency;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The console in a real terminal: tmux runs {@link DevConsole} (the demo scene, or attached to a
 * real supervisord through the remote client), the test reads the screen with {@code capture-pane}
 * and types with {@code send-keys}: a process stops and starts with a new PID, log lines arrive,
 * quitting leaves the shell's screen (and, attached, the programs running).
 */
class ConsoleInTmuxIT {
  private final String session = "tend-it-" + ProcessHandle.current().pid();

  @BeforeEach
  void needTmux() {
    TestDependency.require("tmux");
  }

  @AfterEach
  void killServer() throws Exception {
    tmux("kill-server"); // our own server (its own socket): nobody else's sessions
  }

  /** tmux on a socket of this test's own, so no other tmux user is ever touched. */
  private String tmux(String... args) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>(List.of("tmux", "-L", session));
    cmd.addAll(List.of(args));
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    p.waitFor();
    return out;
  }

  private String screen() {
    try {
      return tmux("capture-pane", "-p", "-t", session);
    } catch (IOException | InterruptedException e) {
      throw new IllegalStateException(e);
    }
  }

  private String awaitScreen(String what, java.util.function.Predicate<String> ok) {
    return Await.value(what, Duration.ofSeconds(30), this::screen, ok);
  }

  private void keys(String... keys) throws Exception {
    for (String k : keys) {
      tmux("send-keys", "-t", session, k);
    }
  }

  private static String rowOf(String screen, String name) {
    for (String line : screen.split("\n")) {
      if (line.stripLeading().startsWith(name + " ")) {
        return line;
      }
    }
    return "";
  }

  private static int pidOf(String row) {
    Matcher m = Pattern.compile("RUNNING\\s+(\\d+)").matcher(row);
    return m.find() ? Integer.parseInt(m.group(1)) : -1;
  }

  /** Runs the dev console in our tmux; after it ends the pane says {@code tmux-it-done}. */
  private void console(String... args) throws Exception {
    String java = ProcessHandle.current().info().command().orElse("java");
    String cp = System.getProperty("java.class.path");
    String command =
        "env TERM=xterm-256color LANG=C.UTF-8 '"
            + java
            + "' -cp '"
            + cp
            + "' "
            + DevConsole.class.getName()
            + " "
            + String.join(" ", args)
            + "; echo tmux-it-done; sleep 30";
    tmux("new-session", "-d", "-s", session, "-x", "120", "-y", "36", command);
  }

  @Test
  void attachedToARealSupervisordRestartsStopsStartsShowsLogsAndDetaches(@TempDir Path dir)
      throws Exception {
    try (RealSupervisord sd =
        RealSupervisord.in(dir)
            .program("ticker", "command=/bin/sh -c 'while true; do echo tick-$$; sleep 0.3; done'")
            .program("sleeper", "command=/bin/sleep 1000")
            .start()) {
      console("--attach", sd.serverUrl());
      awaitScreen(
          "the table, polled",
          s ->
              s.contains("supervisord 4.2.5 (polling)") && rowOf(s, "sleeper").contains("RUNNING"));

      keys("/", "sleeper", "Enter");
      String before = awaitScreen("only sleeper", s -> rowOf(s, "ticker").isEmpty());
      int pid = pidOf(rowOf(before, "sleeper"));
      assertTrue(pid > 0, before);
      keys("r");
      awaitScreen("the question", s -> s.contains("Restart sleeper?"));
      keys("y");
      String restarted =
          awaitScreen(
              "a new pid",
              s -> pidOf(rowOf(s, "sleeper")) > 0 && pidOf(rowOf(s, "sleeper")) != pid);
      assertTrue(restarted.contains("sleeper: restarted"), restarted);

      keys("x", "y");
      awaitScreen("stopped", s -> rowOf(s, "sleeper").contains("STOPPED"));
      keys("s");
      awaitScreen("started", s -> rowOf(s, "sleeper").contains("RUNNING"));

      keys("Escape", "/", "ticker", "Enter");
      awaitScreen(
          "ticker's live lines in the pane", s -> s.contains("tick-") && s.contains("ticker"));

      keys("q");
      String end = awaitScreen("the shell again", s -> s.contains("tmux-it-done"));
      assertTrue(end.contains("console ended: DETACH"), end);
      try (RemoteSupervisor remote =
          RemoteSupervisor.connect(ServerUrl.parse(sd.serverUrl()), ClientSettings.defaults())) {
        assertEquals(ProcessState.RUNNING, remote.getProcessInfo("ticker").state());
        assertEquals(ProcessState.RUNNING, remote.getProcessInfo("sleeper").state());
      }
    }
  }

  @Test
  void stopStartNewPidLiveLogsAndACleanExit() throws Exception {
    console();
    awaitScreen("the table", s -> s.contains("web:web_00") && s.contains("RUNNING"));

    keys("/", "web_01", "Enter");
    String before =
        awaitScreen(
            "web_01 selected",
            s -> !rowOf(s, "web:web_01").isEmpty() && rowOf(s, "web:web_00").isEmpty());
    int pid = pidOf(rowOf(before, "web:web_01"));
    assertTrue(pid > 0, before);

    keys("x");
    awaitScreen("the question", s -> s.contains("Stop web:web_01?"));
    keys("y");
    awaitScreen(
        "stopped",
        s -> rowOf(s, "web:web_01").contains("STOPPED") && s.contains("web:web_01: stopped"));

    keys("s");
    String after = awaitScreen("running again", s -> rowOf(s, "web:web_01").contains("RUNNING"));
    int newPid = pidOf(rowOf(after, "web:web_01"));
    assertTrue(newPid > 0, after);
    assertNotEquals(pid, newPid);

    // the demo writes a line to web_01 every few ticks: new log lines arrive in the pane
    awaitScreen("a live log line", s -> s.contains("GET /api/orders"));

    keys("q");
    String end = awaitScreen("the shell again", s -> s.contains("tmux-it-done"));
    assertTrue(end.contains("console ended: DETACH"), end);
    assertEquals(-1, end.indexOf("web:web_00"), "the alternate screen is gone:\n" + end);
  }
}
