package dev.tend.app;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tend.testing.Await;
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
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The interactive shell on a real terminal (tmux): prompt and {@code status} first, Tab completion
 * of a verb and of a live process name, {@code help stop}, history kept across two runs in {@code
 * [supervisorctl] history_file}, Ctrl-D.
 */
class CtlShellIT {
  private static final Duration WAIT = Duration.ofSeconds(30);

  @TempDir Path dir;
  private final String server = "tend-ctl-shell-" + ProcessHandle.current().pid();

  @AfterEach
  void killTmux() throws Exception {
    tmux("kill-server");
  }

  @Test
  void promptStatusCompletionHelpAndHistory() throws Exception {
    TestDependency.require("tmux");
    try (RealSupervisord sd =
        RealSupervisord.in(dir)
            .program("cat", "command=/bin/cat", "startsecs=0")
            .program("webserver", "command=sleep 1000", "startsecs=0")
            .start()) {
      Path ctlConf = dir.resolve("ctl.conf");
      Files.writeString(
          ctlConf,
          "[supervisorctl]\nserverurl="
              + sd.serverUrl()
              + "\nhistory_file="
              + dir.resolve("history")
              + "\n");
      String conf = ctlConf.toString();
      shell(conf);
      awaitPane("status first, then the prompt", "webserver", "supervisor>");

      keys("hel", "Tab", "sto", "Tab", "Enter");
      awaitPane("help stop", "supervisor> help stop", "Stop all processes in a group");

      keys("status web", "Tab", "Enter");
      awaitPane("a completed process name", "supervisor> status webserver", "RUNNING");

      keys("quit", "Enter");
      Await.until("the shell to end", WAIT, () -> !paneAlive());
      String history = Files.readString(dir.resolve("history"), StandardCharsets.UTF_8);
      assertTrue(history.contains("help stop\n"), history);
      assertTrue(history.contains("status webserver\n"), history);

      shell(conf);
      awaitPane("the shell again", "supervisor>");
      keys("Up", "Up");
      awaitPane("history from the last run", "supervisor> status webserver");
      keys("Enter");
      awaitPrompt(); // the recalled command ran, the prompt is back
      keys("C-d");
      Await.until("Ctrl-D to end the shell", WAIT, () -> !paneAlive());
    }
  }

  private void shell(String conf) throws Exception {
    List<String> cmd = TendCommand.command("ctl", "-c", conf);
    StringBuilder line = new StringBuilder("TERM=xterm-256color ");
    for (String c : cmd) {
      line.append('\'').append(c.replace("'", "'\\''")).append("' ");
    }
    line.append("; echo ENDED > ").append(dir.resolve("ended")).append("; sleep 600");
    Files.deleteIfExists(dir.resolve("ended"));
    tmux("kill-session", "-t", "ctl"); // the last run's, if any
    tmux("new-session", "-d", "-x", "160", "-y", "50", "-s", "ctl", line.toString());
  }

  private boolean paneAlive() {
    return !Files.exists(dir.resolve("ended"));
  }

  private void keys(String... keys) throws Exception {
    List<String> args = new ArrayList<>(List.of("send-keys", "-t", "ctl"));
    args.addAll(List.of(keys));
    tmux(args.toArray(new String[0]));
  }

  /** Waits until the last line on the screen is a bare prompt after some output. */
  private void awaitPrompt() {
    Await.value(
        "the prompt after the command's output",
        WAIT,
        () -> {
          try {
            return tmux("capture-pane", "-p", "-t", "ctl").strip();
          } catch (Exception e) {
            return "";
          }
        },
        pane -> pane.matches("(?s).*RUNNING[^\n]*\nsupervisor>"));
  }

  private void awaitPane(String what, String... parts) {
    Await.value(
        what,
        WAIT,
        () -> {
          try {
            return tmux("capture-pane", "-p", "-t", "ctl");
          } catch (Exception e) {
            return "";
          }
        },
        pane -> {
          for (String p : parts) {
            if (!pane.contains(p)) {
              return false;
            }
          }
          return true;
        });
  }

  private String tmux(String... args) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>(List.of("tmux", "-L", server));
    cmd.addAll(List.of(args));
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    p.waitFor(10, TimeUnit.SECONDS);
    return out;
  }
}
