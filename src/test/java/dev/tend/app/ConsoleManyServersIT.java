package dev.tend.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tend.testing.Await;
import dev.tend.testing.PrivateSshd;
import dev.tend.testing.RealSupervisord;
import dev.tend.testing.TendCommand;
import dev.tend.testing.Tmux;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The console on two servers over a private sshd, in tmux at 80x24: {@code tend web} on a group of
 * the servers file, web1 a real supervisord and web2 a tend daemon, each behind its own ssh host
 * alias and a 0700 socket. Rows of both, an action on a remote row, a remote log pane, web2 dying
 * and coming back while web1 goes on; no ssh left after the console ends or is killed.
 */
class ConsoleManyServersIT {
  private static final Duration WAIT = Duration.ofSeconds(60);
  private static final String TICKER =
      "command=/bin/sh -c 'while true; do echo tick-$$; sleep 0.3; done'";

  @TempDir Path dir;
  private PrivateSshd sshd;
  private RealSupervisord web1;
  private RealSupervisord web2;
  private Map<String, String> env;
  private Path runtime;

  @BeforeEach
  void start() throws Exception {
    Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/tmux")), "tmux is not installed");
    sshd = PrivateSshd.start(dir.resolve("sshd"));
    web1 = RealSupervisord.in(dir.resolve("web1")).program("ticker", TICKER).start();
    web2 = RealSupervisord.in(dir.resolve("web2")).program("ticker", TICKER).tendDaemon().start();
    Path config = Files.createDirectories(dir.resolve("config/tend"));
    Files.writeString(
        config.resolve("servers.conf"),
        "[server:web1]\nurl = ssh://web1"
            + web1.socket()
            + "\n\n[server:web2]\nurl = ssh://web2"
            + web2.socket()
            + "\n\n[group:web]\nservers = web1, web2\n");
    runtime = Files.createDirectories(dir.resolve("run"));
    env =
        Map.of(
            "TEND_SSH", sshd.tendSsh(),
            "XDG_RUNTIME_DIR", runtime.toString(),
            "XDG_CONFIG_HOME", dir.resolve("config").toString());
  }

  @AfterEach
  void stop() {
    if (web2 != null) {
      web2.close();
    }
    if (web1 != null) {
      web1.close();
    }
    if (sshd != null) {
      sshd.close();
    }
  }

  @Test
  void rowsOfBothAnActionAndALogPaneOnARemoteRowAndAServerThatDiesAndComesBack() throws Exception {
    try (Tmux t = Tmux.start(dir, 80, 24, env, TendCommand.command("web"))) {
      t.await("both servers' rows", WAIT, "2/2 servers up", "web1", "web2", "SERVER", "ticker");
      t.await("counts across both", WAIT, "2 processes  2 running");
      t.keys("j", "r");
      t.await("the question names the server", WAIT, "Restart ticker on web2?");
      t.keys("y");
      t.await("web2 restarted it", WAIT, "web2: ticker: restarted");
      t.keys("Enter");
      t.await("web2's log, named by its server", WAIT, "ticker@web2", "tick-");
      web2.close();
      t.await("web2 is lost, web1 is not", WAIT, "1/2 servers up", "web2 lost");
      web2.start();
      t.await("web2 comes back by itself", WAIT, "2/2 servers up", "reconnected to web2");
      t.keys("q"); // in the log pane q closes it; then the table has the keys
      t.await("the table has the keys again", WAIT, "Enter log");
      t.keys("q");
      Integer exit = Await.value("the console ends", WAIT, t::ended, e -> e != null);
      assertEquals(0, exit, t.screen());
      Await.until("no ssh left", () -> sshd.clients().isEmpty());
      Await.until("no private directory left", () -> runtime.toFile().list().length == 0);
    }
  }

  @Test
  void noSshIsLeftWhenTheConsoleIsKilled() throws Exception {
    try (Tmux t = Tmux.start(dir, 80, 24, env, TendCommand.command("--all"))) {
      t.await("both servers' rows", WAIT, "2/2 servers up", "web1", "web2");
      assertTrue(!sshd.clients().isEmpty(), "ssh is up");
      ProcessHandle console =
          Await.value("the console's process", WAIT, this::console, Optional::isPresent)
              .orElseThrow();
      console.destroyForcibly();
      Await.until("no ssh left", () -> sshd.clients().isEmpty());
      Await.until("no private directory left", () -> runtime.toFile().list().length == 0);
    }
  }

  /** The JVM of the console under test: the one whose environment names this test's runtime. */
  private Optional<ProcessHandle> console() {
    return ProcessHandle.allProcesses()
        .filter(p -> p.info().commandLine().orElse("").contains("dev.tend.app.Main"))
        .filter(p -> p.info().commandLine().orElse("").contains("--all"))
        .filter(this::ours)
        .findFirst();
  }

  private boolean ours(ProcessHandle p) {
    try {
      byte[] environ = Files.readAllBytes(Path.of("/proc/" + p.pid() + "/environ"));
      return new String(environ, java.nio.charset.StandardCharsets.UTF_8)
          .contains("XDG_RUNTIME_DIR=" + runtime);
    } catch (java.io.IOException e) {
      return false;
    }
  }
}
