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
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * ssh's questions reach the person at the terminal (tmux), as when they type ssh: a host key never
 * seen, then the passphrase of the key; then tend ctl goes on over that connection.
 */
class SshPromptIT {
  private static final Duration WAIT = Duration.ofSeconds(40);
  @TempDir Path dir;

  @Test
  void hostKeyQuestionAndPassphraseAreAskedOnTheTerminal() throws Exception {
    Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/tmux")), "tmux is not installed");
    try (PrivateSshd sshd = PrivateSshd.start(dir.resolve("sshd"));
        RealSupervisord sd =
            RealSupervisord.in(dir.resolve("sd")).program("cat", "command=/bin/cat").start()) {
      sshd.protectClientKey("open sesame");
      Path knownHosts = dir.resolve("known_hosts_empty");
      Path runtime = Files.createDirectories(dir.resolve("run"));
      Map<String, String> env =
          Map.of(
              "TEND_SSH",
              sshd.tendSsh() + " -o StrictHostKeyChecking=ask -o UserKnownHostsFile=" + knownHosts,
              "XDG_RUNTIME_DIR",
              runtime.toString());
      try (Tmux t =
          Tmux.start(
              dir,
              120,
              30,
              env,
              TendCommand.command("ctl", "-s", "ssh://web1" + sd.socket(), "status"))) {
        t.await("ssh asks about the host key", WAIT, "Are you sure you want to continue");
        t.keys("yes", "Enter");
        t.await("then for the passphrase", WAIT, "Enter passphrase for key");
        t.keys("open sesame", "Enter");
        String screen = t.await("the status, over that connection", WAIT, "cat", "RUNNING");
        Integer exit = Await.value("ctl ends", WAIT, t::ended, e -> e != null);
        assertEquals(0, exit, screen);
        assertTrue(Files.readString(knownHosts).contains("ssh-ed25519"), "the key was kept");
        Await.until("no ssh left", () -> sshd.clients().isEmpty());
      }
    }
  }

  @Test
  void theConsoleAsksFirstThenDrawsAServerOverSsh() throws Exception {
    Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/tmux")), "tmux is not installed");
    try (PrivateSshd sshd = PrivateSshd.start(dir.resolve("sshd"));
        RealSupervisord sd =
            RealSupervisord.in(dir.resolve("sd"))
                .program("sleeper", "command=/bin/sleep 1000")
                .start()) {
      sshd.protectClientKey("open sesame");
      Path runtime = Files.createDirectories(dir.resolve("run"));
      Map<String, String> env =
          Map.of(
              "TEND_SSH", sshd.tendSsh(),
              "XDG_RUNTIME_DIR", runtime.toString(),
              "XDG_CONFIG_HOME", dir.resolve("config").toString());
      try (Tmux t =
          Tmux.start(dir, 110, 32, env, TendCommand.command("-s", "ssh://web1" + sd.socket()))) {
        t.await("the passphrase, before the screen is taken", WAIT, "Enter passphrase for key");
        t.keys("open sesame", "Enter");
        t.await("the console over ssh", WAIT, "sleeper", "RUNNING", "(polling)");
        t.keys("q");
        Integer exit = Await.value("the console ends", WAIT, t::ended, e -> e != null);
        assertEquals(0, exit, t.screen());
        Await.until("no ssh left", () -> sshd.clients().isEmpty());
        Await.until("no private directory left", () -> runtime.toFile().list().length == 0);
      }
    }
  }
}
