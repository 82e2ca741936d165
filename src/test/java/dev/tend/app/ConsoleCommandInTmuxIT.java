package dev.tend.app;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tend.testing.Await;
import dev.tend.testing.RealSupervisorctl;
import dev.tend.testing.RealSupervisord;
import dev.tend.testing.TendCommand;
import dev.tend.testing.TestDependency;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
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
 * The {@code tend} command itself in tmux, as an on-call engineer runs it: hosting a config (it
 * starts tend daemon), attached to a tend daemon, attached to a real supervisord.
 */
class ConsoleCommandInTmuxIT {
  private final String socket = "tend-app-it-" + ProcessHandle.current().pid();
  @TempDir Path dir;

  @BeforeEach
  void needTmux() {
    TestDependency.require("tmux");
  }

  @AfterEach
  void cleanUp() throws Exception {
    tmux("kill-server");
    Path pidfile = dir.resolve("tend.pid");
    if (Files.exists(pidfile)) {
      long pid = Long.parseLong(Files.readString(pidfile).trim());
      ProcessHandle.of(pid).ifPresent(ProcessHandle::destroy);
      ProcessHandle.of(pid).ifPresent(h -> h.onExit().join());
    }
  }

  private String tmux(String... args) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>(List.of("tmux", "-L", socket));
    cmd.addAll(List.of(args));
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    p.waitFor();
    return out;
  }

  /** tmux's newest paste buffer ("" when none). */
  private String buffer() {
    try {
      return tmux("show-buffer");
    } catch (IOException | InterruptedException e) {
      throw new IllegalStateException(e);
    }
  }

  private String screen() {
    try {
      return tmux("capture-pane", "-p", "-t", "main");
    } catch (IOException | InterruptedException e) {
      throw new IllegalStateException(e);
    }
  }

  private String awaitScreen(String what, java.util.function.Predicate<String> ok) {
    return Await.value(what, Duration.ofSeconds(40), this::screen, ok);
  }

  private void keys(String... keys) throws Exception {
    for (String k : keys) {
      tmux("send-keys", "-t", "main", k);
    }
  }

  /** Runs {@code tend ARGS} in the tmux pane; the pane says {@code it-done=<exit>} after. */
  private void tend(String... args) throws Exception {
    tendAt(110, 32, args);
  }

  /** {@link #tend} in a pane of {@code cols} x {@code rows}. */
  private void tendAt(int cols, int rows, String... args) throws Exception {
    StringBuilder cmd =
        new StringBuilder("env TERM=xterm-256color LANG=C.UTF-8 PAGER=less HOME=" + dir + " ");
    for (String part : TendCommand.command(args)) {
      cmd.append('\'').append(part).append("' ");
    }
    cmd.append("; echo it-done=$?; sleep 60");
    String x = Integer.toString(cols);
    tmux("new-session", "-d", "-s", "main", "-x", x, "-y", Integer.toString(rows), cmd.toString());
    tmux("set-option", "-g", "set-clipboard", "on"); // OSC 52 from the console fills a buffer
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

  private Path config() throws IOException {
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
        [supervisorctl]
        serverurl=unix://%(here)s/tend.sock
        [rpcinterface:supervisor]
        supervisor.rpcinterface_factory = supervisor.rpcinterface:make_main_rpcinterface
        [program:ticker]
        command=sh -c 'while true; do echo tick-$$; sleep 0.3; done'
        [program:sleeper]
        command=sleep 1000
        """);
    return conf;
  }

  /** Stop, start and restart of sleeper change its PID; ticker's lines reach the pane. */
  private void driveSleeperAndTicker() throws Exception {
    keys("/", "sleeper", "Enter");
    String before = awaitScreen("only sleeper", s -> rowOf(s, "ticker").isEmpty());
    int pid = pidOf(rowOf(before, "sleeper"));
    assertTrue(pid > 0, before);
    keys("r");
    awaitScreen("the question", s -> s.contains("Restart sleeper?"));
    keys("y");
    String restarted =
        awaitScreen(
            "a new pid", s -> pidOf(rowOf(s, "sleeper")) > 0 && pidOf(rowOf(s, "sleeper")) != pid);
    assertNotEquals(pid, pidOf(rowOf(restarted, "sleeper")));
    keys("x", "y");
    awaitScreen("stopped", s -> rowOf(s, "sleeper").contains("STOPPED"));
    keys("s");
    awaitScreen("started", s -> rowOf(s, "sleeper").contains("RUNNING"));
    keys("Escape", "/", "ticker", "Enter");
    awaitScreen("ticker's lines", s -> s.contains("tick-"));
  }

  @Test
  void hostsAConfigThenStopsEverythingOnQuit() throws Exception {
    Path conf = config();
    tend("-c", conf.toString());
    awaitScreen(
        "hosted and running", s -> s.contains("HOSTED") && rowOf(s, "ticker").contains("RUNNING"));
    driveSleeperAndTicker();
    // the control socket is open while hosted: supervisorctl works from another shell
    Process ctl =
        new ProcessBuilder(
                RealSupervisorctl.SUPERVISORCTL.toString(), "-c", conf.toString(), "status")
            .start();
    String status = new String(ctl.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    ctl.waitFor();
    assertTrue(status.contains("ticker") && status.contains("RUNNING"), status);
    keys("q");
    awaitScreen("the question", s -> s.contains("stop every program"));
    keys("s");
    String end = awaitScreen("the shell", s -> s.contains("it-done="));
    assertTrue(end.contains("it-done=0"), end);
    assertTrue(end.contains("stopped the programs"), end);
    Await.until("the daemon gone", () -> !Files.exists(dir.resolve("tend.pid")));
  }

  @Test
  void attachesToARunningTendDaemonAndOnlyDetaches() throws Exception {
    Path conf = config();
    TendCommand.Result started = TendCommand.run(dir, "daemon", "-c", conf.toString());
    assertTrue(started.exit() == 0, started.err());
    tend("-c", conf.toString());
    awaitScreen(
        "attached with pushed changes",
        s ->
            s.contains("ATTACHED")
                && s.contains("(push)")
                && rowOf(s, "ticker").contains("RUNNING"));
    driveSleeperAndTicker();
    keys("q");
    String end = awaitScreen("the shell", s -> s.contains("it-done="));
    assertTrue(end.contains("it-done=0"), end);
    assertTrue(Files.exists(dir.resolve("tend.pid")), "the daemon still runs");
  }

  @Test
  void attachesToARealSupervisordByPolling() throws Exception {
    try (RealSupervisord sd =
        RealSupervisord.in(dir.resolve("sd"))
            .program("ticker", "command=/bin/sh -c 'while true; do echo tick-$$; sleep 0.3; done'")
            .program("sleeper", "command=/bin/sleep 1000")
            .start()) {
      tend("-s", sd.serverUrl());
      awaitScreen(
          "polling supervisord",
          s -> s.contains("(polling)") && rowOf(s, "sleeper").contains("RUNNING"));
      awaitScreen(
          "CPU and RSS sampled locally for a local supervisord",
          s -> s.contains("RSS") && rowOf(s, "sleeper").matches(".*\\d(\\.\\d)?[KM] .*"));
      driveSleeperAndTicker();
      keys("q");
      awaitScreen("the shell", s -> s.contains("it-done=0"));
    }
  }

  /**
   * tend's keys: db crashes to FATAL, the worker depends on it, web's health check finds nobody on
   * a free port (the same lines for a real supervisord, which ignores the keys).
   */
  private static String[][] checkedPrograms() throws IOException {
    int port;
    try (java.net.ServerSocket s =
        new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      port = s.getLocalPort(); // closed again: nobody listens there
    }
    return new String[][] {
      {"db", "command=sh -c 'exit 1'", "startsecs=1", "startretries=0"},
      {"worker", "command=sleep 1000", "depends_on=db"},
      {
        "web",
        "command=sleep 1000",
        "health_tcp=127.0.0.1:" + port,
        "health_interval=1",
        "health_retries=1",
        "health_action=none"
      }
    };
  }

  @Test
  void at80x24AUnhealthyProgramAndADependantWaitingForAFatalOne() throws Exception {
    StringBuilder conf = new StringBuilder();
    conf.append(
        """
        [supervisord]
        logfile=%(here)s/tend.log
        pidfile=%(here)s/tend.pid
        childlogdir=%(here)s
        [unix_http_server]
        file=%(here)s/tend.sock
        """);
    for (String[] p : checkedPrograms()) {
      conf.append("[program:").append(p[0]).append("]\n");
      for (int i = 1; i < p.length; i++) {
        conf.append(p[i]).append('\n');
      }
    }
    Path file = dir.resolve("checked.conf");
    Files.writeString(file, conf);
    TendCommand.Result started = TendCommand.run(dir, "daemon", "-c", file.toString());
    assertTrue(started.exit() == 0, started.err());
    tendAt(80, 24, "-c", file.toString());
    String s =
        awaitScreen(
            "web unhealthy, the worker waiting for db",
            x ->
                rowOf(x, "web").contains("unhealthy")
                    && rowOf(x, "worker").contains("waiting for db: FATAL"));
    assertTrue(s.contains("HEALTH"), s);
    assertTrue(s.lines().allMatch(l -> l.length() <= 80), s);
    keys("/", "worker", "Enter", "d");
    awaitScreen("the details", x -> x.contains("depends on") && x.contains("db"));
    // an Escape with the next key right behind it reads as Alt-key (a loaded machine delivers the
    // two together): each Escape is seen to act before the next key goes
    keys("Escape");
    awaitScreen("the details closed", x -> !x.contains("depends on"));
    keys("Escape");
    awaitScreen("the filter cleared", x -> !rowOf(x, "web").isEmpty());
    keys("/", "web", "Enter", "d");
    awaitScreen(
        "the last check", x -> x.contains("unhealthy: connection refused") && x.contains(" ago)"));
    keys("Escape");
    awaitScreen("the details closed", x -> !x.contains(" ago)"));
    keys("q");
    awaitScreen("the shell", x -> x.contains("it-done=0"));
  }

  @Test
  void aRealSupervisordIgnoresTheKeysAndTheConsoleHasNoHealthColumn() throws Exception {
    RealSupervisord sd = RealSupervisord.in(dir.resolve("sd"));
    for (String[] p : checkedPrograms()) {
      sd = sd.program(p[0], java.util.Arrays.copyOfRange(p, 1, p.length));
    }
    try (RealSupervisord running = sd.start()) {
      tendAt(80, 24, "-s", running.serverUrl());
      String s =
          awaitScreen(
              "polling supervisord, everything started at once",
              x ->
                  x.contains("(polling)")
                      && rowOf(x, "worker").contains("RUNNING")
                      && rowOf(x, "web").contains("RUNNING"));
      assertFalse(s.contains("HEALTH"), s);
      keys("q");
      awaitScreen("the shell", x -> x.contains("it-done=0"));
    }
  }

  private Path twoProgramConfig() throws IOException {
    Path conf = dir.resolve("two.conf");
    Files.writeString(
        conf,
        """
        [supervisord]
        logfile=%(here)s/tend.log
        pidfile=%(here)s/tend.pid
        childlogdir=%(here)s
        [unix_http_server]
        file=%(here)s/tend.sock
        [program:alpha]
        command=sh -c 'i=0; while true; do i=$((i+1)); echo alpha-line-$i; sleep 0.2; done'
        [program:beta]
        command=sh -c 'i=0; while true; do i=$((i+1)); echo beta-line-$i >&2; sleep 0.2; done'
        """);
    return conf;
  }

  /**
   * The rows of the log panes split at the border column: what is left of it and right of it (empty
   * when the screen has no two panes side by side).
   */
  private static List<String[]> sides(String screen) {
    List<String[]> out = new ArrayList<>();
    String[] rows = screen.split("\n");
    int border = -1;
    for (String row : rows) {
      int b = row.indexOf('│');
      if (b > 0 && row.contains("-line-")) {
        border = b;
        break;
      }
    }
    if (border < 0) {
      return out;
    }
    for (String row : rows) {
      if (row.length() > border && row.charAt(border) == '│') {
        out.add(new String[] {row.substring(0, border), row.substring(border + 1)});
      }
    }
    return out;
  }

  /** Both panes show lines, each only its own process's. */
  private static boolean eachSideItsOwn(String screen) {
    List<String[]> sides = sides(screen);
    boolean alphaLeft = false;
    boolean betaRight = false;
    for (String[] s : sides) {
      if (s[0].contains("beta-line-") || s[1].contains("alpha-line-")) {
        return false;
      }
      alphaLeft |= s[0].contains("alpha-line-");
      betaRight |= s[1].contains("beta-line-");
    }
    return alphaLeft && betaRight;
  }

  /** Opens the log pane (alpha, the first process), splits it and moves the new pane to beta. */
  private void splitAlphaAndBeta() throws Exception {
    awaitScreen("alpha's lines", s -> s.contains("alpha-line-"));
    keys("Enter", "|", "]");
    String both = awaitScreen("alpha left, beta right", ConsoleCommandInTmuxIT::eachSideItsOwn);
    assertTrue(both.contains(" 2 alpha") && both.contains(" 3 beta"), both);
  }

  @Test
  void twoPanesSideBySideAttachedToATendDaemonComeBackNextTime() throws Exception {
    Path conf = twoProgramConfig();
    TendCommand.Result started = TendCommand.run(dir, "daemon", "-c", conf.toString());
    assertTrue(started.exit() == 0, started.err());
    tend("-c", conf.toString());
    splitAlphaAndBeta();
    // copy mode yanks through the terminal (OSC 52): tmux keeps it as a buffer
    keys("v", "k", "y");
    String yanked = Await.value("the yank in tmux", this::buffer, b -> b.contains("beta-line-"));
    assertTrue(!yanked.contains("alpha-line-"), yanked);
    // the pager gets the terminal and gives it back
    keys("o");
    awaitScreen("less shows the pane", s -> s.contains("beta-line-1") && !s.contains(" 2 alpha"));
    keys("q");
    awaitScreen("the console again", ConsoleCommandInTmuxIT::eachSideItsOwn);
    keys("C-c");
    awaitScreen("detached", s -> s.contains("it-done=0"));
    tmux("kill-session", "-t", "main");
    tend("-c", conf.toString());
    String again = awaitScreen("the same panes", ConsoleCommandInTmuxIT::eachSideItsOwn);
    assertTrue(again.contains(" 3 beta"), again);
    keys("C-c");
    awaitScreen("detached", s -> s.contains("it-done=0"));
  }

  @Test
  void twoPanesSideBySideAttachedToARealSupervisord() throws Exception {
    try (RealSupervisord sd =
        RealSupervisord.in(dir.resolve("sd"))
            .program(
                "alpha",
                "command=/bin/sh -c 'i=0; while true; do i=$((i+1)); echo alpha-line-$i; sleep 0.2; done'")
            .program(
                "beta",
                "command=/bin/sh -c 'i=0; while true; do i=$((i+1)); echo beta-line-$i >&2; sleep 0.2; done'")
            .start()) {
      tend("-s", sd.serverUrl());
      splitAlphaAndBeta();
      keys("C-c");
      awaitScreen("detached", s -> s.contains("it-done=0"));
    }
  }
}
