package dev.tend.platform;

import com.sun.jna.Memory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A pidfd on a process that need not be a child of this one: a process a previous daemon started
 * and left running. Through the pidfd a signal reaches that process and no other, however long ago
 * it died; the pidfd turns readable when it exits; and from Linux 6.15 on it tells how it ended
 * once whoever is its parent has reaped it ({@code PIDFD_GET_INFO} with {@code PIDFD_INFO_EXIT}),
 * which is the only way to learn the exit status of a process that is not one's child.
 *
 * <p>Thread-safe. Owns the pidfd until {@link #close} or {@link #release}.
 */
public final class PidHandle implements AutoCloseable {
  // _IOWR(0xFF, 11, struct pidfd_info): the first version of the struct is 64 bytes.
  private static final long PIDFD_GET_INFO = 0xC040FF0BL;
  private static final int PIDFD_INFO_SIZE = 64;
  private static final long PIDFD_INFO_EXIT = 1L << 3;
  private static final int EXIT_CODE_OFFSET = 60;

  private final int pid;
  private final long startTime;
  private int fd; // the pidfd; -1 once closed or released; guarded by this

  private PidHandle(int pid, long startTime, int fd) {
    this.pid = pid;
    this.startTime = startTime;
    this.fd = fd;
  }

  /**
   * A handle on {@code pid} if it is still the process that started at {@code startTime} (alive, or
   * a zombie not yet reaped); empty when it is gone or its pid now names another process. The pidfd
   * is opened first and the start time checked after, so the handle cannot name a newer process
   * that took the pid in between.
   */
  public static Optional<PidHandle> open(int pid, long startTime) {
    if (pid <= 0) {
      return Optional.empty();
    }
    int fd = Pidfd.open(pid);
    if (fd < 0) {
      return Optional.empty();
    }
    if (!ProcessStart.isSame(pid, startTime)) {
      LibC.close(fd);
      return Optional.empty();
    }
    return Optional.of(new PidHandle(pid, startTime, fd));
  }

  /**
   * Takes ownership of a pidfd handed over by another process (a keeper, systemd's fd store). Its
   * process may have ended (and been reaped) meanwhile: {@link #pid()} is then what the caller
   * says, {@link #exited()} is true and {@link #exitStatus()} may still tell how it ended.
   */
  public static PidHandle ofFd(int fd, int pid, long startTime) {
    return new PidHandle(pid, startTime, fd);
  }

  /** The pid the kernel reports for a pidfd of this process: -1 once reaped, 0 if unknown. */
  public static int pidOf(int fd) {
    try {
      for (String line :
          Files.readAllLines(Path.of("/proc/self/fdinfo/" + fd), StandardCharsets.US_ASCII)) {
        if (line.startsWith("Pid:")) {
          return Integer.parseInt(line.substring(4).trim());
        }
      }
    } catch (IOException | NumberFormatException e) {
      // no such fd, or no pidfd
    }
    return 0;
  }

  public int pid() {
    return pid;
  }

  public long startTime() {
    return startTime;
  }

  /** Whether the process has exited (it may not be reaped yet). */
  public synchronized boolean exited() {
    return fd < 0 || Pollable.ready(fd, 0);
  }

  /** Waits up to {@code millis} for the process to exit; true once it has. */
  public boolean awaitExit(long millis) {
    int f;
    synchronized (this) {
      f = fd;
    }
    return f < 0 || Pollable.ready(f, millis);
  }

  /**
   * Sends a signal through the pidfd, or to the process group when {@code toGroup} (while the
   * process has not exited: its pid, which is its group's id, cannot have been reused then).
   * Returns 0 or the errno ({@code ESRCH} once it is gone).
   */
  public synchronized int signal(Signal signal, boolean toGroup) {
    if (fd < 0) {
      return Errno.ESRCH;
    }
    if (toGroup) {
      if (Pollable.ready(fd, 0)) {
        return Errno.ESRCH;
      }
      return LibC.killpg(pid, signal.number()) == 0 ? 0 : LibC.errno();
    }
    return Pidfd.sendSignal(fd, signal.number());
  }

  /**
   * How the process ended, once it has been reaped by its parent, on a kernel that keeps it for
   * pidfds (6.15+); empty while it runs, while it is a zombie, and on older kernels.
   */
  public synchronized Optional<ExitStatus> exitStatus() {
    return fd < 0 ? Optional.empty() : exitStatusOf(fd);
  }

  /**
   * How the process ended, waiting up to {@code millis} for its parent to reap it; empty at once on
   * kernels that keep nothing for pidfds.
   */
  public Optional<ExitStatus> awaitExitStatus(long millis) {
    if (!AdoptedChild.EXIT_INFO) {
      return Optional.empty();
    }
    int f;
    synchronized (this) {
      f = fd;
    }
    if (f >= 0) {
      Pollable.hangUp(f, millis);
    }
    return exitStatus();
  }

  static Optional<ExitStatus> exitStatusOf(int pidfd) {
    try (Memory info = new Memory(PIDFD_INFO_SIZE)) {
      info.clear();
      info.setLong(0, PIDFD_INFO_EXIT);
      if (LibCVarargs.C.ioctl(pidfd, PIDFD_GET_INFO, info) != 0) {
        return Optional.empty(); // ENOTTY/EINVAL before 6.13; ESRCH when nothing was kept
      }
      if ((info.getLong(0) & PIDFD_INFO_EXIT) == 0) {
        return Optional.empty(); // not reaped yet
      }
      return Optional.of(ExitStatus.fromWaitStatus(info.getInt(EXIT_CODE_OFFSET)));
    }
  }

  /** The pidfd, still owned by this handle, for an epoll registration; -1 once closed. */
  synchronized int fdForLoop() {
    return fd;
  }

  /** Hands the pidfd to the caller, who closes it; this handle no longer owns it. */
  synchronized int release() {
    int f = fd;
    fd = -1;
    return f;
  }

  /** A duplicate of the pidfd (close-on-exec), or -1; for handing it to a keeper. */
  synchronized int duplicate() {
    return fd < 0 ? -1 : LibCVarargs.C.fcntl(fd, LibC.F_DUPFD_CLOEXEC, 3);
  }

  @Override
  public synchronized void close() {
    if (fd >= 0) {
      LibC.close(fd);
      fd = -1;
    }
  }

  @Override
  public String toString() {
    return "pid " + pid;
  }

  /** One fd's readability, by poll(2). */
  static final class Pollable {
    private Pollable() {}

    static boolean ready(int fd, long millis) {
      return poll(fd, LibC.POLLIN, millis);
    }

    /**
     * Waits until {@code first} or one of {@code others} is readable (for ever): true when it is
     * {@code first}.
     */
    static boolean anyReady(int first, java.util.List<Integer> others) {
      int n = others.size() + 1;
      try (Memory pollfds = new Memory(8L * n)) {
        while (true) {
          for (int i = 0; i < n; i++) {
            pollfds.setInt(8L * i, i == 0 ? first : others.get(i - 1));
            pollfds.setShort(8L * i + 4, LibC.POLLIN);
            pollfds.setShort(8L * i + 6, (short) 0);
          }
          int ready = LibC.poll(pollfds, n, -1);
          if (ready > 0) {
            return pollfds.getShort(6) != 0;
          }
          if (ready < 0 && LibC.errno() != Errno.EINTR) {
            return true; // let the caller's accept() report what is wrong
          }
        }
      }
    }

    /** Waits for POLLHUP (a pidfd's process reaped, on Linux 6.9+); true when it came. */
    static boolean hangUp(int fd, long millis) {
      return poll(fd, (short) 0, millis);
    }

    private static boolean poll(int fd, short events, long millis) {
      try (Memory pollfd = new Memory(8)) {
        long deadline = System.nanoTime() + millis * 1_000_000;
        while (true) {
          pollfd.setInt(0, fd);
          pollfd.setShort(4, events);
          pollfd.setShort(6, (short) 0);
          long left = Math.max(0, (deadline - System.nanoTime()) / 1_000_000);
          int n = LibC.poll(pollfd, 1, (int) Math.min(left, Integer.MAX_VALUE));
          if (n > 0) {
            return true;
          }
          if (n == 0 || LibC.errno() != Errno.EINTR) {
            return false;
          }
        }
      }
    }
  }
}
