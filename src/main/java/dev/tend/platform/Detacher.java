package dev.tend.platform;

import com.sun.jna.Memory;
import java.io.ByteArrayOutputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * {@code tend daemon} without {@code -n}: starts a copy of this JVM as a new session with stdio on
 * /dev/null, then waits for it to say it is ready.
 *
 * <p>The handshake: the child inherits the write end of a pipe as fd 3 and finds that number in
 * {@value #READY_FD_ENV}. Once it is serving (pidfile written) it calls {@link Readiness#ready()};
 * if it cannot start it calls {@link Readiness#failed(String)} with the error, or simply dies. The
 * parent's {@link Detached#awaitReady} reads the pipe until EOF and tells which happened, so the
 * parent can exit 0 only for a daemon that really runs, and print the child's error otherwise.
 */
public final class Detacher {
  /** The environment variable naming the readiness fd in the detached child. */
  public static final String READY_FD_ENV = "TEND_READY_FD";

  static final int READY_FD = 3;
  static final String READY = "READY\n";
  static final String FAILED = "FAILED ";

  private Detacher() {}

  /** The command line of this JVM: java, its JVM options, class path, then main class and args. */
  public static List<String> currentJvmCommand(String mainClass, List<String> args) {
    List<String> command = new ArrayList<>();
    command.add(
        ProcessHandle.current()
            .info()
            .command()
            .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
    command.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments());
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(mainClass);
    command.addAll(args);
    return command;
  }

  /**
   * Starts {@code command} (argv[0] an absolute path) detached: its own session, stdio on
   * /dev/null, working directory {@code directory} (or this one), with {@code environment} plus
   * {@value #READY_FD_ENV}.
   */
  public static Detached start(
      List<String> command, Map<String, String> environment, @Nullable Path directory)
      throws SpawnException {
    Pipe ready = Pipe.open(0);
    List<String> env = new ArrayList<>();
    UserEnvironment.changing(environment, READY_FD_ENV, String.valueOf(READY_FD))
        .forEach((k, v) -> env.add(k + "=" + v));
    try {
      int pid =
          new PosixSpawn(command.get(0), command, env)
              .newSession()
              .open(0, "/dev/null", LibC.O_RDONLY)
              .open(1, "/dev/null", LibC.O_WRONLY)
              .open(2, "/dev/null", LibC.O_WRONLY)
              .move(ready.writeFd(), READY_FD)
              .directory(directory == null ? null : directory.toString())
              .start();
      return new Detached(pid, ready.readFd());
    } catch (SpawnException | RuntimeException e) {
      Pipe.closeQuietly(ready.readFd());
      throw e;
    } finally {
      Pipe.closeQuietly(ready.writeFd());
    }
  }

  /** The parent's view of the detached child. */
  public static final class Detached {
    private final int pid;
    private final int readFd; // the pipe's read end; closed by awaitReady

    Detached(int pid, int readFd) {
      this.pid = pid;
      this.readFd = readFd;
    }

    public int pid() {
      return pid;
    }

    /**
     * Waits until the child reports (or dies, or the timeout passes); returns null when it is
     * ready, else why it is not.
     */
    public @Nullable String awaitReady(Duration timeout) {
      long deadline = System.nanoTime() + timeout.toNanos();
      ByteArrayOutputStream got = new ByteArrayOutputStream();
      try (Memory pollfd = new Memory(8);
          Memory buf = new Memory(4096)) {
        while (true) {
          long left = (deadline - System.nanoTime()) / 1_000_000;
          if (left <= 0) {
            return "the daemon (pid " + pid + ") did not report ready within " + timeout;
          }
          pollfd.setInt(0, readFd);
          pollfd.setShort(4, LibC.POLLIN);
          pollfd.setShort(6, (short) 0);
          if (LibC.poll(pollfd, 1, (int) Math.min(left, Integer.MAX_VALUE)) <= 0) {
            continue;
          }
          long n = LibC.read(readFd, buf, 4096);
          if (n > 0) {
            got.write(buf.getByteArray(0, (int) n), 0, (int) n);
          } else if (n == 0 || LibC.errno() != Errno.EAGAIN) {
            return verdict(got.toString(StandardCharsets.UTF_8));
          }
        }
      } finally {
        LibC.close(readFd);
      }
    }

    private @Nullable String verdict(String said) {
      if (said.startsWith(READY)) {
        return null;
      }
      if (said.startsWith(FAILED)) {
        return said.substring(FAILED.length()).strip();
      }
      int[] status = new int[1];
      int rc = LibC.waitpid(pid, status, 0);
      String how = rc == pid ? ExitStatus.fromWaitStatus(status[0]).describe() : "unknown status";
      return "the daemon (pid " + pid + ") ended before it was ready (" + how + ")";
    }
  }

  /** The detached child's side of the handshake. */
  public static final class Readiness {
    private int fd; // the inherited write end; -1 once reported; guarded by this

    private Readiness(int fd) {
      this.fd = fd;
    }

    /** The handshake this process was started with, or null when it was not detached by tend. */
    public static @Nullable Readiness fromEnvironment(Map<String, String> environment) {
      String value = environment.get(READY_FD_ENV);
      if (value == null) {
        return null;
      }
      try {
        return new Readiness(Integer.parseInt(value.trim()));
      } catch (NumberFormatException e) {
        return null;
      }
    }

    /** Tells the parent the daemon runs; the parent exits 0. */
    public void ready() {
      report(READY);
    }

    /**
     * Tells the parent why the daemon could not start (lines as the daemon would print them); the
     * parent prints it and fails.
     */
    public void failed(String message) {
      report(FAILED + message + "\n");
    }

    private synchronized void report(String text) {
      if (fd < 0) {
        return;
      }
      byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
      try (Memory m = new Memory(bytes.length)) {
        m.write(0, bytes, 0, bytes.length);
        LibC.write(fd, m, bytes.length);
      }
      LibC.close(fd);
      fd = -1;
    }
  }
}
