package dev.tend.platform;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Starts children with posix_spawn and serves all of them from one I/O thread ({@code tend-io}): an
 * epoll loop over every child's stdout/stderr pipe, stdin pipe and pidfd. When a pidfd turns
 * readable the child's pipes are drained first, then it is reaped and its {@link ExitListener}
 * told. As a child subreaper it also sweeps {@code waitpid(-1, WNOHANG)} after each exit and every
 * five seconds, reaping re-parented grandchildren so no zombie survives.
 *
 * <p>A request with a umask, a user, or a directory that does not exist runs through {@link
 * Trampoline} (setpriv and bash); anything else is a direct posix_spawn of the program. A direct
 * spawn whose exec fails in the child is retried through the trampoline, which gives supervisord's
 * child failure (messages on stderr, exit 127) instead of a spawn error.
 *
 * <p>Threads: {@link #spawn} is safe from any thread, including from inside a callback. Every
 * {@link OutputSink} and {@link ExitListener} call, and the {@link UnknownChildListener}, run on
 * the one I/O thread: they must hand work off quickly and never block, or every child's output
 * waits. A callback that throws is logged and does not stop the loop. A child that exits at once
 * may have its output and exit reported before {@code spawn} has returned its handle.
 *
 * <p>Only one launcher per JVM should sweep: {@code waitpid(-1)} takes any child of the process.
 */
public final class NativeProcessLauncher implements ProcessLauncher, AutoCloseable {
  // An orphan's zombie waits at most this long. Each sweep wakes an idle daemon and costs the
  // kernel a walk over every child, so not every second (supervisord's pace) but every five.
  private static final int SWEEP_MILLIS = 5000;
  private static final int MAX_SWEEP = 100_000;
  private static final long GATHER_NANOS = 2_000_000;
  private static final int GROWN_PIPES = 8; // 8 MiB of pipes at most for programs writing in bulk
  private static final Set<Integer> PARENT_SIDE_ERRORS =
      Set.of(Errno.EAGAIN, Errno.ENOMEM, Errno.EMFILE, Errno.ENFILE);

  private final int euid;
  private final boolean sweeping;
  private final UnknownChildListener unknownChildren;
  private final ReadBuffer buffer = new ReadBuffer(); // I/O thread only
  private final PipeGrowth growth = new PipeGrowth(GROWN_PIPES);
  private final EpollLoop loop;
  // Held around posix_spawn + registration and around each waitpid(-1) sweep, so a sweep can never
  // reap a child before it is in `children` (it would be reported unknown and its exit lost).
  private final Object reapLock = new Object();
  // Spawned and not yet reaped, by pid; guarded by reapLock.
  private final Map<Integer, NativeChild> children = new HashMap<>();
  private boolean exitedSinceSweep; // I/O thread only
  private long lastSweepNanos = System.nanoTime(); // I/O thread only
  private volatile boolean closed; // set by close(); spawn refuses afterwards
  // Adopted processes (a previous daemon's) not reported yet, closed with the launcher.
  private final Set<AdoptedChild> adoptees = java.util.concurrent.ConcurrentHashMap.newKeySet();
  // Holds copies of each child's pipes outside the daemon; set before the first spawn.
  private volatile PipeKeeper keeper = PipeKeeper.NONE;

  private NativeProcessLauncher(boolean sweeping, UnknownChildListener unknownChildren)
      throws IOException {
    SignalWatcher.resetIfIgnored(Signal.CHLD);
    this.euid = LibC.geteuid();
    this.sweeping = sweeping;
    this.unknownChildren = unknownChildren;
    // without sweeping there is nothing to do on a timeout: sleep until an fd is ready
    this.loop = new EpollLoop("tend-io", sweeping ? SWEEP_MILLIS : -1, this::afterWake);
    loop.start();
  }

  /** A launcher that reaps only its own children (by pid), leaving other children of the JVM be. */
  public static NativeProcessLauncher open() throws IOException {
    return new NativeProcessLauncher(false, (pid, status) -> {});
  }

  /**
   * A launcher for the daemon: makes this process a child subreaper ({@link Subreaper#enable()})
   * and reaps every child of the JVM, reporting those it did not start to {@code unknownChildren}.
   */
  public static NativeProcessLauncher openAsSubreaper(UnknownChildListener unknownChildren)
      throws IOException {
    Subreaper.enable();
    return new NativeProcessLauncher(true, unknownChildren);
  }

  /** Children spawned and not reaped yet. */
  public int liveChildren() {
    synchronized (reapLock) {
      return children.size();
    }
  }

  @Override
  public ChildProcess spawn(SpawnRequest request) throws SpawnException {
    if (closed) {
      throw new IllegalStateException("the launcher is closed; cannot spawn " + request.argv());
    }
    @Nullable UserAccount dropTo = privilegeTarget(request.user(), euid);
    Path dir = request.directory();
    boolean viaTrampoline =
        Trampoline.needed(request, dropTo, dir == null || Files.isDirectory(dir));
    if (dropTo != null && !Files.isExecutable(Path.of(Trampoline.SETPRIV))) {
      throw new SpawnException(
          Errno.ENOENT, "ENOENT", "cannot run as " + dropTo.name() + ": no " + Trampoline.SETPRIV);
    }
    ChildPipes pipes = ChildPipes.open(request.stdinFd() < 0, request.stderr() != null);
    boolean handedOver = false;
    try {
      synchronized (reapLock) {
        int pid;
        try {
          pid = command(request, dropTo, viaTrampoline, pipes).start();
        } catch (SpawnException e) {
          if (viaTrampoline || PARENT_SIDE_ERRORS.contains(e.errno())) {
            throw e;
          }
          pid = command(request, dropTo, true, pipes).start();
        }
        NativeChild child = adopt(pid, pipes, request);
        handedOver = true;
        return child;
      }
    } finally {
      pipes.closeChildEnds();
      if (!handedOver) {
        pipes.closeParentEnds();
      }
    }
  }

  /**
   * Whom the child must become: null when no user is set or it is already this process's uid
   * (supervisord then does nothing); refused, as supervisord words it, when not root.
   */
  static @Nullable UserAccount privilegeTarget(@Nullable UserAccount user, int euid)
      throws SpawnException {
    if (user == null || user.uid() == euid) {
      return null;
    }
    if (euid != 0) {
      throw new SpawnException(Errno.EPERM, "EPERM", "Can't drop privilege as nonroot user");
    }
    return user;
  }

  private static PosixSpawn command(
      SpawnRequest request, @Nullable UserAccount dropTo, boolean viaTrampoline, ChildPipes pipes) {
    List<String> env = new ArrayList<>(request.environment().size());
    request.environment().forEach((k, v) -> env.add(k + "=" + v));
    PosixSpawn spawn =
        viaTrampoline
            ? new PosixSpawn(Trampoline.executable(dropTo), Trampoline.argv(request, dropTo), env)
            : new PosixSpawn(request.executable().toString(), request.argv(), env)
                .directory(request.directory() == null ? null : request.directory().toString());
    return pipes.wire(spawn, request.stdinFd());
  }

  /** Takes ownership of the parent's pipe ends; watches the child. Called under reapLock. */
  private NativeChild adopt(int pid, ChildPipes pipes, SpawnRequest request) throws SpawnException {
    int pidfd = Pidfd.open(pid);
    if (pidfd < 0) {
      LibC.kill(pid, Signal.KILL.number());
      LibC.waitpid(pid, new int[1], 0);
      throw new SpawnException(-pidfd, Errno.name(-pidfd), "pidfd_open: " + Errno.name(-pidfd));
    }
    OutputPipe stdout = new OutputPipe(pipes.stdout.readFd(), request.stdout(), growth);
    OutputSink errSink = request.stderr();
    Pipe errPipe = pipes.stderr; // made exactly when the request has a stderr sink
    OutputPipe stderr =
        errSink == null || errPipe == null
            ? null
            : new OutputPipe(errPipe.readFd(), errSink, growth);
    StdinPipe stdin =
        pipes.stdin == null ? null : new StdinPipe(pid, pipes.stdin.writeFd(), loop, buffer);
    // Read while the child cannot have been reaped (under reapLock, before its pidfd is watched):
    // alive or a zombie, /proc still has it.
    long start = ProcessStart.of(pid);
    ExitListener onExit = kept(pid, start, pidfd, pipes, request.onExit());
    NativeChild child = new NativeChild(pid, start, pidfd, stdout, stderr, stdin, onExit);
    children.put(pid, child);
    try {
      child.register(loop, buffer, events -> onPidfdReadable(child));
    } catch (IOException e) {
      children.remove(pid);
      child.signal(Signal.KILL, false);
      LibC.waitpid(pid, new int[1], 0);
      child.closeFds(loop);
      throw new SpawnException(Errno.ENOMEM, "ENOMEM", "cannot watch pid " + pid + ": " + e);
    }
    return child;
  }

  private void onPidfdReadable(NativeChild child) {
    int[] status = new int[1];
    int rc = LibC.waitpid(child.pid(), status, LibC.WNOHANG);
    if (rc == 0) {
      return;
    }
    // ECHILD: something else in the JVM reaped it; the status is lost, report code -1.
    ExitStatus exit = rc > 0 ? ExitStatus.fromWaitStatus(status[0]) : new ExitStatus(-1, 0, false);
    synchronized (reapLock) {
      children.remove(child.pid(), child);
    }
    exitedSinceSweep = true;
    child.finish(loop, buffer, exit);
  }

  private void afterWake() {
    if (sweeping) {
      long now = System.nanoTime();
      if (exitedSinceSweep || now - lastSweepNanos >= SWEEP_MILLIS * 1_000_000L) {
        exitedSinceSweep = false;
        lastSweepNanos = now;
        sweep();
      }
    }
    if (buffer.takeTrickle()) {
      // Programs trickling output (lines, not bulk) would wake this thread once or twice per
      // line, and on a virtual machine the sleep and wake-up cost more than the reads and writes.
      // A short pause after such a batch lets the next lines gather, to be read in one wake-up.
      // Bytes already read went out before the pause; a followed stream is urgent and read during
      // it as it comes; a pipe does not fill up in it (a read of 4 KiB or more ends the pausing,
      // and a pipe that was ever full has grown to 1 MiB: 500 MB/s for 2 ms).
      loop.pause(GATHER_NANOS);
    }
  }

  /** waitpid(-1, WNOHANG) until nothing is left to reap. On the I/O thread. */
  private void sweep() {
    record Reaped(int pid, ExitStatus status, @Nullable NativeChild known) {}
    List<Reaped> reaped = new ArrayList<>();
    int[] status = new int[1];
    synchronized (reapLock) {
      for (int i = 0; i < MAX_SWEEP; i++) {
        int pid = LibC.waitpid(-1, status, LibC.WNOHANG);
        if (pid <= 0) {
          break;
        }
        reaped.add(new Reaped(pid, ExitStatus.fromWaitStatus(status[0]), children.remove(pid)));
      }
    }
    for (Reaped r : reaped) {
      NativeChild known = r.known();
      if (known != null) {
        known.finish(loop, buffer, r.status());
      } else {
        EpollLoop.guarded(() -> unknownChildren.onUnknownChildReaped(r.pid(), r.status()));
      }
    }
  }

  /**
   * Stops the I/O thread and closes every pipe and pidfd. Children keep running (stop them first);
   * no callback is made after this returns.
   */
  @Override
  public void close() {
    closed = true;
    loop.close();
    synchronized (reapLock) {
      for (NativeChild child : children.values()) {
        child.closeFds(loop);
      }
      children.clear();
    }
    adoptees.forEach(a -> a.closeFds(loop));
    adoptees.clear();
  }

  /**
   * From now on, copies of each new child's pipes and pidfd go to {@code keeper} while it runs, so
   * they outlive this process. Set before spawning.
   */
  public void keepPipesWith(PipeKeeper keeper) {
    this.keeper = keeper;
  }

  /** The exit listener of a spawn, after the keeper was given its copies (if there is a keeper). */
  private ExitListener kept(
      int pid, long start, int pidfd, ChildPipes pipes, ExitListener listener) {
    PipeKeeper k = keeper;
    if (k == PipeKeeper.NONE) {
      return listener;
    }
    Pipe err = pipes.stderr;
    Pipe in = pipes.stdin;
    k.hold(
        pid,
        start,
        pidfd,
        new HeldPipes(
            pipes.stdout.readFd(),
            err == null ? -1 : err.readFd(),
            in == null ? -1 : in.writeFd()));
    return (p, status) -> {
      k.release(p, start);
      listener.onExit(p, status);
    };
  }

  /**
   * Watches a previous daemon's child as if spawned here: its exit (through its pidfd; see {@link
   * AdoptedChild} for what is known of how it ended), its output (from the pipes handed back),
   * signals and stdin. Takes the request's handle and pipe ends, even when it fails.
   */
  @Override
  public ChildProcess adopt(AdoptRequest request) throws SpawnException {
    if (closed) {
      request.process().close();
      request.pipes().close();
      throw new IllegalStateException("the launcher is closed; cannot adopt " + request.process());
    }
    HeldPipes held = request.pipes();
    OutputSink errSink = request.stderr();
    OutputPipe stdout =
        held.stdout() < 0 ? null : new OutputPipe(held.stdout(), request.stdout(), growth);
    OutputPipe stderr =
        held.stderr() < 0 || errSink == null
            ? null
            : new OutputPipe(held.stderr(), errSink, growth);
    if (held.stderr() >= 0 && errSink == null) {
      Pipe.closeQuietly(held.stderr());
    }
    int pid = request.process().pid();
    StdinPipe stdin = held.stdin() < 0 ? null : new StdinPipe(pid, held.stdin(), loop, buffer);
    List<OutputSink> pipeless = new ArrayList<>();
    if (stdout == null) {
      pipeless.add(request.stdout());
    }
    if (stderr == null && errSink != null) {
      pipeless.add(errSink);
    }
    PipeKeeper k = keeper;
    long start = request.process().startTime();
    ExitListener onExit =
        (p, status) -> {
          k.release(p, start);
          request.onExit().onExit(p, status);
        };
    AdoptedChild child =
        new AdoptedChild(request.process(), stdout, stderr, stdin, pipeless, onExit, adoptees);
    k.hold(pid, start, request.process().fdForLoop(), held);
    try {
      child.register(loop, buffer);
    } catch (IOException e) {
      child.closeFds(loop);
      k.release(pid, start);
      throw new SpawnException(Errno.ENOMEM, "ENOMEM", "cannot watch pid " + pid + ": " + e);
    }
    return child;
  }
}
