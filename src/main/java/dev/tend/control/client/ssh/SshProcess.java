package dev.tend.control.client.ssh;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * An ssh that tend runs: a long-lived master, tied to this process, or a short client of it.
 *
 * <p>The only class in main code that starts processes with {@link ProcessBuilder} (LayeringTest
 * allows it here and nowhere else): the rule against it protects the daemon's {@code waitpid(-1)},
 * and the daemon never reaches this package; ssh runs from {@code tend ctl} and the console, whose
 * JVMs reap nothing but their own children, by pid, as the JDK does. ssh stays in tend's process
 * group, so that it can ask for a passphrase or a host key on the terminal, as when a user types
 * ssh at the shell.
 *
 * <p>A master runs under {@link #WATCHDOG}, a few lines of {@code sh} that hold a pipe whose other
 * end only tend holds. However tend ends, kill -9 included, the pipe closes, and the watchdog stops
 * ssh, waits for it and removes tend's private directory for that host (ssh leaves its forwarded
 * sockets behind). It ignores the terminal's INT, QUIT and HUP, as does ssh started from it: tend
 * decides when ssh ends, so a Ctrl-C that tend catches does not cut the connection under it.
 */
final class SshProcess {
  /** $1 is the private directory; the rest is the ssh command. */
  static final String WATCHDOG =
      """
      trap '' INT QUIT HUP
      d=$1; shift
      "$@" </dev/null &
      p=$!
      exec 2>&-
      read -r _
      kill -TERM "$p" 2>/dev/null
      wait "$p"
      s=$?
      rm -rf -- "$d"
      exit "$s"
      """;

  private static final int KEPT_STDERR = 16 * 1024;
  private static final int MAX_OUTPUT = 1 << 20;

  private final Process process;
  private final ByteArrayOutputStream stderr = new ByteArrayOutputStream(); // guarded by itself
  private final CompletableFuture<Void> stderrClosed = new CompletableFuture<>();

  private SshProcess(Process process) {
    this.process = process;
  }

  /** Starts {@code ssh} under the watchdog, which removes {@code privateDir} once ssh is gone. */
  static SshProcess startTied(List<String> ssh, Path privateDir) throws IOException {
    List<String> argv = new ArrayList<>(ssh.size() + 5);
    argv.add("/bin/sh");
    argv.add("-c");
    argv.add(WATCHDOG);
    argv.add("tend-ssh");
    argv.add(privateDir.toString());
    argv.addAll(ssh);
    Process p =
        new ProcessBuilder(argv)
            .redirectInput(ProcessBuilder.Redirect.PIPE)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .redirectError(ProcessBuilder.Redirect.PIPE)
            .start();
    SshProcess s = new SshProcess(p);
    Thread.ofVirtual().name("tend-ssh-stderr").start(s::readStderr);
    return s;
  }

  private void readStderr() {
    byte[] buffer = new byte[4096];
    try (InputStream in = process.getErrorStream()) {
      for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
        synchronized (stderr) {
          stderr.write(buffer, 0, n);
          if (stderr.size() > 2 * KEPT_STDERR) {
            byte[] all = stderr.toByteArray();
            stderr.reset();
            stderr.write(all, all.length - KEPT_STDERR, KEPT_STDERR);
          }
        }
      }
    } catch (IOException e) {
      // the pipe broke: ssh is gone just the same
    }
    stderrClosed.complete(null);
  }

  /**
   * Waits up to {@code millis} for ssh to end (its stderr closes); true when it has. Only ssh holds
   * that pipe: the watchdog closed its own copy.
   */
  boolean awaitSshEnd(long millis) throws InterruptedException {
    try {
      stderrClosed.get(millis, TimeUnit.MILLISECONDS);
      return true;
    } catch (TimeoutException e) {
      return false;
    } catch (ExecutionException e) {
      return true;
    }
  }

  /** Whether ssh still runs. */
  boolean sshRunning() {
    return !stderrClosed.isDone();
  }

  /** Runs {@code action} once ssh has ended, on the thread that saw it end. */
  void onSshEnd(Runnable action) {
    stderrClosed.thenRun(action);
  }

  /** What ssh said on stderr so far (its last 16 KiB or more). */
  String stderr() {
    synchronized (stderr) {
      return stderr.toString(StandardCharsets.UTF_8);
    }
  }

  /**
   * Closes the watchdog's pipe, so it stops ssh; waits up to {@code wait} for both to end. Returns
   * ssh's exit status, or -1 if they had not ended in time.
   */
  int stop(Duration wait) {
    try {
      process.getOutputStream().close();
    } catch (IOException e) {
      // already closed: the watchdog has its end of file
    }
    try {
      if (process.waitFor(wait.toMillis(), TimeUnit.MILLISECONDS)) {
        return process.exitValue();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return -1;
  }

  /** A short ssh run: its exit status and what it wrote. */
  record Finished(int exit, String stdout, String stderr) {}

  /**
   * Runs a short ssh (a client of a master) with stdin on /dev/null; kills it after {@code
   * timeout}.
   *
   * @throws IOException when it cannot start
   * @throws TimeoutException when it ran too long (it is killed)
   */
  static Finished run(List<String> argv, Duration timeout)
      throws IOException, TimeoutException, InterruptedException {
    Process p =
        new ProcessBuilder(argv)
            .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
            .start();
    p.getOutputStream().close();
    CompletableFuture<String> out = drainLater(p.getInputStream());
    CompletableFuture<String> err = drainLater(p.getErrorStream());
    if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      p.destroyForcibly();
      throw new TimeoutException("ssh took over " + timeout.toMillis() + " ms: " + argv);
    }
    // the pipes reach their end with the process, unless a child of it still holds them
    return new Finished(p.exitValue(), finished(out), finished(err));
  }

  private static CompletableFuture<String> drainLater(InputStream in) {
    CompletableFuture<String> text = new CompletableFuture<>();
    Thread.ofVirtual().name("tend-ssh-output").start(() -> text.complete(drain(in)));
    return text;
  }

  private static String finished(CompletableFuture<String> text) throws InterruptedException {
    try {
      return text.get(1, TimeUnit.SECONDS);
    } catch (ExecutionException | TimeoutException e) {
      return "";
    }
  }

  private static String drain(InputStream in) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buffer = new byte[8192];
    try (in) {
      for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
        if (out.size() < MAX_OUTPUT) {
          out.write(buffer, 0, Math.min(n, MAX_OUTPUT - out.size()));
        }
      }
    } catch (IOException e) {
      // what was read so far is what there is
    }
    return out.toString(StandardCharsets.UTF_8);
  }
}
