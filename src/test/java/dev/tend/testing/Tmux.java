package dev.tend.testing;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A private tmux server ({@code tmux -L NAME}, a name of this test run's own) with one session that
 * runs a command on a real terminal: what the test sees is what a person would. {@link #close}
 * kills the server and everything in it.
 *
 * <pre>{@code
 * try (Tmux t = Tmux.start(dir, 100, 30, env, List.of("tend", "ctl", "status"))) {
 *   t.await("the prompt", Duration.ofSeconds(30), "Enter passphrase");
 *   t.keys("secret", "Enter");
 * }
 * }</pre>
 */
public final class Tmux implements AutoCloseable {
  private static final String SESSION = "main";
  private final String server;
  private final Path ended;

  private Tmux(String server, Path ended) {
    this.server = server;
    this.ended = ended;
  }

  /**
   * Runs {@code command} with {@code environment} added, in a {@code width}x{@code height} pane;
   * the pane stays after the command ends ({@link #ended()} says when).
   */
  public static Tmux start(
      Path dir, int width, int height, Map<String, String> environment, List<String> command)
      throws IOException, InterruptedException {
    String server = "tend-test-" + ProcessHandle.current().pid() + "-" + System.nanoTime();
    Path ended = dir.resolve("tmux-ended-" + System.nanoTime());
    StringBuilder line = new StringBuilder("env TERM=xterm-256color ");
    for (Map.Entry<String, String> e : environment.entrySet()) {
      line.append(quote(e.getKey() + "=" + e.getValue())).append(' ');
    }
    for (String c : command) {
      line.append(quote(c)).append(' ');
    }
    line.append("; echo $? > ").append(quote(ended.toString())).append("; sleep 600");
    Tmux t = new Tmux(server, ended);
    t.tmux(
        "new-session", "-d", "-x", "" + width, "-y", "" + height, "-s", SESSION, line.toString());
    return t;
  }

  /** The command's exit status once it ended, else null. */
  public Integer ended() {
    try {
      return Integer.valueOf(Files.readString(ended, UTF_8).strip());
    } catch (IOException | NumberFormatException e) {
      return null;
    }
  }

  /** The pane's text now. */
  public String screen() {
    try {
      return tmux("capture-pane", "-p", "-t", SESSION);
    } catch (IOException e) {
      return "";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "";
    }
  }

  /** Waits until the pane shows every one of {@code parts}; returns the screen. */
  public String await(String what, Duration timeout, String... parts) {
    return Await.value(
        what,
        timeout,
        this::screen,
        pane -> {
          for (String p : parts) {
            if (!pane.contains(p)) {
              return false;
            }
          }
          return true;
        });
  }

  /** {@code tmux send-keys}: text, or key names such as {@code Enter}, {@code C-c}. */
  public void keys(String... keys) throws IOException, InterruptedException {
    List<String> args = new ArrayList<>(List.of("send-keys", "-t", SESSION));
    args.addAll(List.of(keys));
    tmux(args.toArray(new String[0]));
  }

  @Override
  public void close() throws IOException {
    try {
      tmux("kill-server");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private String tmux(String... args) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>(List.of("tmux", "-L", server));
    cmd.addAll(List.of(args));
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), UTF_8);
    p.waitFor(10, TimeUnit.SECONDS);
    return out;
  }

  private static String quote(String s) {
    return "'" + s.replace("'", "'\\''") + "'";
  }
}
