package dev.tend.platform;

import java.io.IOException;
import org.jspecify.annotations.Nullable;

/** A child started by {@link NativeProcessLauncher}: its pidfd, pipes and exit listener. */
final class NativeChild implements ChildProcess {
  private final int pid;
  private final long startTime; // read once at the spawn, while the child could not be reaped
  private final Object pidfdLock = new Object();
  private int pidfd; // open until the child is reaped, then -1; guarded by pidfdLock
  private long pidfdToken; // loop registration of the pidfd; set once by register()
  private final OutputPipe stdout;
  private final @Nullable OutputPipe stderr;
  private final @Nullable StdinPipe stdin;
  private final ExitListener exitListener;

  NativeChild(
      int pid,
      long startTime,
      int pidfd,
      OutputPipe stdout,
      @Nullable OutputPipe stderr,
      @Nullable StdinPipe stdin,
      ExitListener exitListener) {
    this.pid = pid;
    this.startTime = startTime;
    this.pidfd = pidfd;
    this.stdout = stdout;
    this.stderr = stderr;
    this.stdin = stdin;
    this.exitListener = exitListener;
  }

  @Override
  public int pid() {
    return pid;
  }

  /**
   * Its start time as read when it was spawned (each read of /proc/PID/stat costs an open, a read
   * and a close: a fifth of the loop thread's CPU per spawn when it was read twice).
   */
  @Override
  public long startTime() {
    return startTime;
  }

  @Override
  public int signal(Signal signal, boolean toGroup) {
    synchronized (pidfdLock) {
      // While the pidfd is open the child is not reaped, so neither its pid nor its process group
      // id can have been reused: killpg is as safe here as the pidfd itself.
      if (pidfd < 0) {
        return Errno.ESRCH;
      }
      if (toGroup) {
        return LibC.killpg(pid, signal.number()) == 0 ? 0 : LibC.errno();
      }
      return Pidfd.sendSignal(pidfd, signal.number());
    }
  }

  @Override
  public void writeStdin(byte[] data) throws IOException {
    if (stdin == null) {
      throw new IOException("pid " + pid + " has no stdin pipe (its stdin is a given fd)");
    }
    stdin.write(data);
  }

  void register(EpollLoop loop, ReadBuffer buffer, EpollLoop.Handler onPidfd) throws IOException {
    stdout.register(loop, buffer);
    if (stderr != null) {
      stderr.register(loop, buffer);
    }
    if (stdin != null) {
      stdin.register();
    }
    synchronized (pidfdLock) {
      pidfdToken = loop.register(pidfd, LibC.EPOLLIN, onPidfd);
    }
  }

  /**
   * The child was reaped: drain what its pipes hold, close everything, then tell the listener. On
   * the I/O thread. Like supervisord, output written after this point (by grandchildren still
   * holding the pipes) is not read.
   */
  void finish(EpollLoop loop, ReadBuffer buffer, ExitStatus status) {
    EpollLoop.guarded(() -> stdout.drain(loop, buffer, 256));
    if (stderr != null) {
      EpollLoop.guarded(() -> stderr.drain(loop, buffer, 256));
    }
    EpollLoop.guarded(() -> stdout.end(loop));
    if (stderr != null) {
      EpollLoop.guarded(() -> stderr.end(loop));
    }
    closeFds(loop);
    EpollLoop.guarded(() -> exitListener.onExit(pid, status));
  }

  /** Closes the pipes and pidfd without callbacks (launcher shutdown) or after finish. */
  void closeFds(EpollLoop loop) {
    stdout.abandon(loop);
    if (stderr != null) {
      stderr.abandon(loop);
    }
    if (stdin != null) {
      stdin.close();
    }
    synchronized (pidfdLock) {
      if (pidfd >= 0) {
        loop.unregister(pidfd, pidfdToken);
        LibC.close(pidfd);
        pidfd = -1;
      }
    }
  }
}
