package dev.tend.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tend.testing.Await;
import dev.tend.testing.TendCommand;
import java.io.IOException;
import java.math.BigInteger;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code tend daemon} as a separate process: the seed config, detaching, signals. */
class DaemonIT {
  @TempDir Path dir;
  private Process daemon;

  @AfterEach
  void stopDaemon() throws Exception {
    Path pidfile = dir.resolve("supervisord.pid");
    if (Files.exists(pidfile)) {
      long pid = Long.parseLong(Files.readString(pidfile).trim());
      ProcessHandle.of(pid).ifPresent(ProcessHandle::destroy);
      ProcessHandle.of(pid).ifPresent(h -> h.onExit().orTimeout(30, TimeUnit.SECONDS).join());
    }
    if (daemon != null && daemon.isAlive()) {
      daemon.destroy();
      daemon.waitFor(30, TimeUnit.SECONDS);
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  /** The real-world config, with a real web server in place of gunicorn. */
  private Path seedConfig(int port) throws IOException {
    dev.tend.testing.TestDependency.require("python3");
    Files.createDirectories(dir.resolve("logs"));
    Files.createDirectories(dir.resolve("app/current"));
    Path conf = dir.resolve("supervisord.conf");
    Files.writeString(
        conf,
        """
        [supervisord]
        childlogdir = %1$s/logs
        logfile = %1$s/logs/supervisord.log
        logfile_maxbytes = 5000000
        logfile_backups = 5
        loglevel = info
        pidfile = %1$s/supervisord.pid
        umask = 022

        [unix_http_server]
        file = %1$s/supervisord.sock
        chmod = 0700

        [supervisorctl]
        serverurl = unix://%1$s/supervisord.sock

        [rpcinterface:supervisor]
        supervisor.rpcinterface_factory=supervisor.rpcinterface:make_main_rpcinterface

        [program:django]
        autostart = true
        directory = %1$s/app/current
        command = python3 -m http.server %2$d --bind 127.0.0.1
        """
            .formatted(dir, port));
    return conf;
  }

  private static int httpStatus(int port) {
    try {
      HttpURLConnection c =
          (HttpURLConnection) URI.create("http://127.0.0.1:" + port + "/").toURL().openConnection();
      c.setConnectTimeout(500);
      c.setReadTimeout(2000);
      int code = c.getResponseCode();
      c.disconnect();
      return code;
    } catch (IOException e) {
      return -1;
    }
  }

  private String mainLog() {
    try {
      return Files.readString(dir.resolve("logs/supervisord.log"));
    } catch (IOException e) {
      return "";
    }
  }

  private List<Integer> spawnedPids(String name) {
    Matcher m = Pattern.compile("spawned: '" + name + "' with pid (\\d+)").matcher(mainLog());
    List<Integer> pids = new java.util.ArrayList<>();
    while (m.find()) {
      pids.add(Integer.parseInt(m.group(1)));
    }
    return pids;
  }

  @Test
  void seedConfigRunsTheAppRestartsItWhenKilledAndStopsCleanly() throws Exception {
    int port = freePort();
    Path conf = seedConfig(port);
    daemon = TendCommand.start(dir, "daemon", "-n", "-c", conf.toString());
    Await.until("the web app answers", Duration.ofSeconds(30), () -> httpStatus(port) == 200);
    int first = spawnedPids("django").get(0);
    ProcessHandle.of(first).orElseThrow().destroyForcibly();
    Await.until("a second spawn", Duration.ofSeconds(30), () -> spawnedPids("django").size() == 2);
    int second = spawnedPids("django").get(1);
    assertNotEquals(first, second);
    Await.until("the web app answers again", Duration.ofSeconds(30), () -> httpStatus(port) == 200);

    daemon.destroy(); // SIGTERM
    assertTrue(daemon.waitFor(30, TimeUnit.SECONDS), "the daemon exits on SIGTERM");
    assertEquals(0, daemon.exitValue());
    assertFalse(ProcessHandle.of(second).map(ProcessHandle::isAlive).orElse(false));
    assertFalse(Files.exists(dir.resolve("supervisord.pid")), "pidfile removed at exit");
    String log = mainLog();
    assertTrue(log.contains("received SIGTERM indicating exit request"), log);
    assertTrue(log.contains("stopped: django (terminated by SIGTERM)"), log);
    Path stderrLog =
        Files.list(dir.resolve("logs"))
            .filter(p -> p.getFileName().toString().startsWith("django-stderr---supervisor-"))
            .findFirst()
            .orElseThrow();
    assertTrue(Files.readString(stderrLog).contains("\"GET / HTTP/1.1\" 200"), "requests logged");
  }

  @Test
  void detachesWritesThePidfileAndRefusesASecondDaemon() throws Exception {
    Path conf = seedConfig(freePort());
    TendCommand.Result started = TendCommand.run(dir, "daemon", "-c", conf.toString());
    assertEquals(0, started.exit(), started.err());
    long pid = Long.parseLong(Files.readString(dir.resolve("supervisord.pid")).trim());
    assertTrue(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false));
    TendCommand.Result second = TendCommand.run(dir, "daemon", "-c", conf.toString());
    assertEquals(2, second.exit());
    assertTrue(second.err().contains("another tend daemon (pid " + pid + ")"), second.err());
  }

  @Test
  void hupReloadsAChangedConfigAndKeepsRunningOnABadOne() throws Exception {
    Path conf = seedConfig(freePort());
    daemon = TendCommand.start(dir, "daemon", "-n", "-c", conf.toString());
    Await.until("started", Duration.ofSeconds(30), () -> spawnedPids("django").size() == 1);
    Files.writeString(
        conf, Files.readString(conf) + "\n[program:extra]\ncommand=sleep 300\nstartsecs=0\n");
    long pid = daemon.pid();
    signal(pid, "HUP");
    Await.until("extra spawned", Duration.ofSeconds(30), () -> spawnedPids("extra").size() == 1);
    assertEquals(2, spawnedPids("django").size(), "a reload restarts everything");

    Files.writeString(conf, Files.readString(conf) + "\n[program:bad]\nautostart=maybe\n");
    signal(pid, "HUP");
    Await.until(
        "the refusal logged",
        Duration.ofSeconds(30),
        () -> mainLog().contains("not restarting: the config no longer loads"));
    assertEquals(1, spawnedPids("extra").size(), "nothing was stopped");
    assertTrue(daemon.isAlive());
  }

  @Test
  void usr2ReopensTheMainLogAfterAnOutsideRotation() throws Exception {
    Path conf = seedConfig(freePort());
    daemon = TendCommand.start(dir, "daemon", "-n", "-c", conf.toString());
    Await.until("started", Duration.ofSeconds(30), () -> mainLog().contains("spawned:"));
    Files.move(dir.resolve("logs/supervisord.log"), dir.resolve("logs/supervisord.log.old"));
    signal(daemon.pid(), "USR2");
    Await.until("a fresh log", Duration.ofSeconds(30), () -> mainLog().contains("logreopen"));
  }

  /**
   * Started by the launcher, the daemon's JVM suspends its threads with another signal than SIGUSR2
   * (HotSpot's default), so a profiler's sampling never reaches supervisord's log-reopen handler (a
   * JFR recording on a busy daemon reopened its logs up to 4 times a second).
   */
  @Test
  void theLauncherLeavesSigusr2ToTheDaemonAndAProfilerDoesNotReachIt() throws Exception {
    Path conf = seedConfig(freePort());
    Files.writeString(
        conf,
        Files.readString(conf)
            + "\n[program:busy]\ncommand = sh -c 'while true; do echo busy busy busy; sleep 0.001; done'\n");
    daemon =
        new ProcessBuilder(
                Path.of("bin", "tend").toAbsolutePath().toString(),
                "daemon",
                "-n",
                "-c",
                conf.toString())
            .redirectOutput(dir.resolve("stdout").toFile())
            .redirectErrorStream(true)
            .start(); // the launcher execs java: same pid
    Await.until("started", Duration.ofSeconds(60), () -> mainLog().contains("spawned: 'busy'"));
    BigInteger caught = caughtSignals(daemon.pid());
    assertTrue(caught.testBit(39 - 1), "signal 39 suspends threads: " + caught.toString(16));
    assertTrue(caught.testBit(12 - 1), "SIGUSR2 is the daemon's: " + caught.toString(16));

    Path jfr = dir.resolve("daemon.jfr");
    Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
    Process start =
        new ProcessBuilder(
                jcmd.toString(),
                Long.toString(daemon.pid()),
                "JFR.start",
                "duration=2s",
                "filename=" + jfr)
            .redirectErrorStream(true)
            .start();
    String said = new String(start.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(0, start.waitFor(), said);
    Await.until("the recording written", Duration.ofSeconds(60), () -> Files.exists(jfr));
    assertFalse(mainLog().contains("SIGUSR2"), "the recording reached the USR2 handler");

    signal(daemon.pid(), "USR2");
    Await.until("the log reopened", Duration.ofSeconds(30), () -> mainLog().contains("logreopen"));
  }

  /** SigCgt of /proc/PID/status: bit n-1 set when signal n has a handler. */
  private static BigInteger caughtSignals(long pid) throws IOException {
    for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
      if (line.startsWith("SigCgt:")) {
        return new BigInteger(line.substring(7).trim(), 16);
      }
    }
    throw new IllegalStateException("no SigCgt for " + pid);
  }

  @Test
  void threadsDoNotGrowWithThePrograms() throws Exception {
    int idle = threadsWith(0);
    int busy = threadsWith(500);
    System.out.printf("daemon threads: %d with 0 programs, %d with 500 programs%n", idle, busy);
    assertTrue(busy - idle <= 4, "threads grew from " + idle + " to " + busy);
  }

  private int threadsWith(int programs) throws Exception {
    Path sub = Files.createDirectories(dir.resolve("n" + programs));
    String section =
        programs == 0
            ? ""
            : "[program:sleeper]\ncommand=sleep 600\nnumprocs="
                + programs
                + "\nprocess_name=%(program_name)s_%(process_num)03d\nstartsecs=0\n"
                + "stdout_logfile=NONE\nstderr_logfile=NONE\n";
    Files.writeString(
        sub.resolve("s.conf"),
        "[supervisord]\nlogfile=%(here)s/main.log\npidfile=%(here)s/pid\nchildlogdir=%(here)s\n"
            + "minfds=4096\n"
            + section);
    Process p = TendCommand.start(sub, "daemon", "-n", "-c", sub.resolve("s.conf").toString());
    try {
      Await.until(
          programs + " running",
          Duration.ofSeconds(60),
          () -> {
            try {
              String log = Files.readString(sub.resolve("main.log"));
              return programs == 0
                  ? log.contains("supervisord started")
                  : log.split("success: ", -1).length - 1 == programs;
            } catch (IOException e) {
              return false;
            }
          });
      return Integer.parseInt(
          Files.readAllLines(Path.of("/proc", Long.toString(p.pid()), "status")).stream()
              .filter(l -> l.startsWith("Threads:"))
              .findFirst()
              .orElseThrow()
              .substring(8)
              .trim());
    } finally {
      p.destroy();
      assertTrue(p.waitFor(60, TimeUnit.SECONDS));
    }
  }

  private static void signal(long pid, String name) throws Exception {
    Process kill = new ProcessBuilder("kill", "-" + name, Long.toString(pid)).start();
    assertEquals(0, kill.waitFor());
  }

  @Test
  void commandLineErrorsAreSupervisordsAndExitTwo() throws Exception {
    TendCommand.Result bad = TendCommand.run(dir, "daemon", "-x");
    assertEquals(2, bad.exit());
    assertEquals("Error: option -x not recognized\nFor help, use tend daemon -h\n", bad.err());
    TendCommand.Result positional = TendCommand.run(dir, "daemon", "extra");
    assertEquals(
        "Error: positional arguments are not supported: ['extra']\n"
            + "For help, use tend daemon -h\n",
        positional.err());
    TendCommand.Result level = TendCommand.run(dir, "daemon", "-n", "-e", "loud");
    assertEquals(
        "Error: invalid value for -e 'loud': bad logging level name 'loud'\n"
            + "For help, use tend daemon -h\n",
        level.err());
    TendCommand.Result version = TendCommand.run(dir, "daemon", "-v");
    assertEquals("4.2.5\n", version.out());
    TendCommand.Result missing = TendCommand.run(dir, "daemon", "-c", "/nonexistent.conf");
    assertEquals(2, missing.exit());
    assertTrue(missing.err().startsWith("Error: "), missing.err());
  }
}
