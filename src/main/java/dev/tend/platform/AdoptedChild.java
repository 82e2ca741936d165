package dev.tend.platform;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A process a previous daemon started, watched by this one: not its child, so its exit is seen
 * through its pidfd (readable once it exits) and never with waitpid. How it ended can only be read
 * once its parent (systemd, init, a subreaper) has reaped it, and only on Linux 6.15+: so after the
 * exit the pidfd is watched for the reap (EPOLLHUP) for up to {@link #REAP_WAIT_NANOS}, then the
 * exit is reported with what is known ({@link ExitStatus#UNKNOWN} at worst). Its pipes, when they
 * were handed back, are drained and ended at the exit, before the exit is reported.
 *
 * <p>The launcher's I/O thread runs every callback; {@link #signal} and {@link #writeStdin} are
 * safe from any thread.
 */
final class AdoptedChild implements ChildProcess {
  /** How long an exit waits for its reap before it is reported without a status. */
  static final long REAP_WAIT_NANOS = 2_000_000_000L;

  static final boolean EXIT_INFO = kernelKeepsExitInfo(System.getProperty("os.version"));

  private final PidHandle process;
  private final @Nullable OutputPipe stdout;
  private final @Nullable OutputPipe stderr;
  private final @Nullable StdinPipe stdin;
  // Sinks with no pipe to read (none was handed back): told of the end at the exit all the same.
  private final List<OutputSink> pipeless;
  private final ExitListener exitListener;
  // The launcher's unreported adoptees: this child is in it from register() to its report.
  private final Set<AdoptedChild> unreported;
  private long pidfdToken; // the loop registration of the pidfd; set once by register()
  private volatile int pidfd = -1; // watched by the loop until reported, then -1
  private boolean exited; // the exit was seen; I/O thread
  private boolean reported; // the listener was told; I/O thread
  private int timer = -1; // the reap deadline's timerfd while one runs; I/O thread
  private long timerToken; // its loop registration; I/O thread

  AdoptedChild(
      PidHandle process,
      @Nullable OutputPipe stdout,
      @Nullable OutputPipe stderr,
      @Nullable StdinPipe stdin,
      List<OutputSink> pipeless,
      ExitListener exitListener,
      Set<AdoptedChild> unreported) {
    this.process = process;
    this.stdout = stdout;
    this.stderr = stderr;
    this.stdin = stdin;
    this.pipeless = List.copyOf(pipeless);
    this.exitListener = exitListener;
    this.unreported = unreported;
  }

  /** Linux 6.15 keeps the exit status of a reaped process for its pidfds. */
  static boolean kernelKeepsExitInfo(@Nullable String osVersion) {
    if (osVersion == null) {
      return false;
    }
    String[] parts = osVersion.split("[.-]", 3);
    try {
      int major = Integer.parseInt(parts[0]);
      int minor = parts.length > 1 ? Integer.parseInt(parts[1]) : 0;
      return major > 6 || (major == 6 && minor >= 15);
    } catch (NumberFormatException e) {
      return false;
    }
  }

  @Override
  public int pid() {
    return process.pid();
  }

  @Override
  public long startTime() {
    return process.startTime();
  }

  @Override
  public int signal(Signal signal, boolean toGroup) {
    return process.signal(signal, toGroup);
  }

  @Override
  public void writeStdin(byte[] data) throws IOException {
    if (stdin == null) {
      throw new IOException("pid " + pid() + " has no stdin pipe (none was handed over)");
    }
    stdin.write(data);
  }

  void register(EpollLoop loop, ReadBuffer buffer) throws IOException {
    if (stdout != null) {
      stdout.register(loop, buffer);
    }
    if (stderr != null) {
      stderr.register(loop, buffer);
    }
    if (stdin != null) {
      stdin.register();
    }
    pidfd = process.fdForLoop();
    unreported.add(this);
    pidfdToken = loop.register(pidfd, LibC.EPOLLIN, events -> onPidfd(loop, buffer, events));
  }

  private void onPidfd(EpollLoop loop, ReadBuffer buffer, int events) {
    if (reported) {
      return;
    }
    if (!exited) {
      exited = true;
      endPipes(loop, buffer);
    }
    Optional<ExitStatus> status = EXIT_INFO ? PidHandle.exitStatusOf(pidfd) : Optional.empty();
    if (status.isPresent() || !EXIT_INFO || (events & LibC.EPOLLHUP) != 0) {
      report(loop, status.orElse(ExitStatus.UNKNOWN));
      return;
    }
    if (timer >= 0) {
      return; // already waiting for the reap
    }
    try {
      loop.modify(pidfd, 0, pidfdToken); // exited, not reaped: wake only for the reap (EPOLLHUP)
      timer = Timerfd.oneShot(REAP_WAIT_NANOS);
      timerToken = loop.register(timer, LibC.EPOLLIN, e -> report(loop, ExitStatus.UNKNOWN));
    } catch (IOException e) {
      report(loop, ExitStatus.UNKNOWN);
    }
  }

  private void endPipes(EpollLoop loop, ReadBuffer buffer) {
    for (OutputPipe p : new OutputPipe[] {stdout, stderr}) {
      if (p != null) {
        EpollLoop.guarded(() -> p.drain(loop, buffer, 256));
        EpollLoop.guarded(() -> p.end(loop));
      }
    }
    for (OutputSink sink : pipeless) {
      EpollLoop.guarded(sink::onEof);
    }
    if (stdin != null) {
      stdin.close();
    }
  }

  private void report(EpollLoop loop, ExitStatus status) {
    if (reported) {
      return;
    }
    reported = true;
    closeFds(loop);
    EpollLoop.guarded(() -> exitListener.onExit(process.pid(), status));
  }

  /** Closes the pipes and the pidfd without callbacks (launcher shutdown), or after the report. */
  void closeFds(EpollLoop loop) {
    if (stdout != null) {
      stdout.abandon(loop);
    }
    if (stderr != null) {
      stderr.abandon(loop);
    }
    if (stdin != null) {
      stdin.close();
    }
    unreported.remove(this);
    if (timer >= 0) {
      loop.unregister(timer, timerToken);
      LibC.close(timer);
      timer = -1;
    }
    int fd = pidfd;
    if (fd >= 0) {
      loop.unregister(fd, pidfdToken);
      pidfd = -1;
    }
    process.close();
  }
}
