package dev.tend.control.client.ssh;

import dev.tend.control.client.ssh.SshFailure.Kind;
import dev.tend.control.client.ssh.SshState.Phase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.InstantSource;
import java.util.concurrent.TimeoutException;
import org.jspecify.annotations.Nullable;

/**
 * tend's own ssh master for one host: a private control socket in a 0700 directory that only this
 * tend uses, so that its forwards never land in a master the user keeps (ControlPersist) and all
 * end with tend. Connecting tries without prompts first (hosts connect in parallel); when a person
 * could get past the failure (a passphrase, an unknown host key) and may be asked, it tries once
 * more with ssh on the terminal, one host at a time. A master that ended is started again on the
 * next use.
 */
public final class SshMaster {
  private static final long POLL_MILLIS = 5;
  private static final Duration STOP_WAIT = Duration.ofSeconds(3);

  private final SshTarget target;
  private final SshCommand command;
  private final SshConnections.Settings settings;
  private final PromptGate prompts;
  private final InstantSource clock;
  private final SshConnections.Listener changed;

  private volatile SshState state; // written under this; read from any thread
  private @Nullable SshProcess process; // guarded by this; the current ssh, or null
  private @Nullable Path dir; // guarded by this; the private directory of the current ssh
  private @Nullable Forwards forwards; // guarded by this; the current ssh's, once it is up
  private boolean closed; // guarded by this; no ssh is started after close()

  SshMaster(
      SshTarget target,
      SshCommand command,
      SshConnections.Settings settings,
      PromptGate prompts,
      InstantSource clock,
      SshConnections.Listener changed) {
    this.target = target;
    this.command = command;
    this.settings = settings;
    this.prompts = prompts;
    this.clock = clock;
    this.changed = changed;
    this.state = new SshState(Phase.IDLE, clock.instant(), null);
  }

  public SshTarget target() {
    return target;
  }

  public SshState state() {
    return state;
  }

  /** Connects unless connected; may ask on the terminal (see the class comment). */
  public synchronized void connect() throws SshFailure {
    if (closed) {
      throw new SshFailure(Kind.FAILED, "the ssh connections are closed", "");
    }
    SshProcess p = process;
    if (p != null && p.sshRunning()) {
      return;
    }
    if (p != null) {
      dropProcess();
    }
    try {
      attempt(true);
    } catch (SshFailure batch) {
      if (!SshWords.personCouldHelp(batch.kind(), batch.words()) || !prompts.open()) {
        throw batch;
      }
      synchronized (prompts) {
        attempt(false);
      }
    }
  }

  /** The local socket forwarded to {@code remote}, made on first use. */
  public Path forward(RemoteSocket remote) throws SshFailure {
    Forwards f;
    synchronized (this) {
      connect();
      f = forwards;
    }
    if (f == null) {
      throw new SshFailure(Kind.LOST, "no ssh connection to " + target, "");
    }
    try {
      return f.forward(remote);
    } catch (SshFailure e) {
      SshFailure down = whyDown(); // the master's end explains a failure better
      throw down != null ? down : e;
    }
  }

  /** Runs {@code shellCommand} on the host over the master; its exit status and output. */
  SshProcess.Finished run(String shellCommand) throws SshFailure {
    Path d;
    synchronized (this) {
      connect();
      d = requireDir();
    }
    return runClient(command.remote(target, controlPath(d), shellCommand));
  }

  /**
   * The config supervisorctl would use on the host ({@code path} null), or the one at {@code path}
   * there, read here.
   */
  public RemoteConfig findConfig(@Nullable String path) throws SshFailure {
    return RemoteConfigSearch.find(this, path);
  }

  /**
   * Why a connection through the forward to {@code socket} failed: the master ended, or what the
   * host says about the socket (missing, not open to the ssh user, nobody listening).
   */
  public SshFailure explain(RemoteSocket socket) {
    return SocketProbe.explain(this, socket);
  }

  /** Why the master is not usable now, or null when it runs. */
  synchronized @Nullable SshFailure whyDown() {
    SshProcess p = process;
    if (p != null && p.sshRunning()) {
      return null;
    }
    SshFailure f = state.failure();
    return f != null ? f : new SshFailure(Kind.LOST, "no ssh connection to " + target, "");
  }

  synchronized void close() {
    closed = true;
    if (process != null) {
      dropProcess();
    }
    setState(Phase.CLOSED, null);
  }

  private void attempt(boolean batch) throws SshFailure {
    Path d = privateDirectory();
    Path control = controlPath(d);
    SshProcess p;
    try {
      p = SshProcess.startTied(command.master(target, control, batch), d);
    } catch (IOException e) {
      deleteQuietly(d);
      throw fail(new SshFailure(Kind.SSH_UNAVAILABLE, "cannot run /bin/sh for ssh", e.toString()));
    }
    process = p;
    dir = d;
    setState(batch ? Phase.CONNECTING : Phase.PROMPTING, null);
    long deadline = System.nanoTime() + settings.connectTimeout().toNanos();
    try {
      while (!Files.exists(control)) {
        if (p.awaitSshEnd(POLL_MILLIS)) {
          int exit = p.stop(STOP_WAIT);
          forgetProcess();
          String words = p.stderr();
          Kind kind = SshWords.classify(exit, words);
          throw fail(new SshFailure(kind, describe(kind), SshWords.quote(words)));
        }
        if (batch && System.nanoTime() - deadline > 0) {
          p.stop(STOP_WAIT);
          forgetProcess();
          throw fail(
              new SshFailure(
                  Kind.TIMED_OUT,
                  "ssh did not connect to "
                      + target
                      + " in "
                      + settings.connectTimeout().toSeconds()
                      + " s",
                  SshWords.quote(p.stderr())));
        }
      }
    } catch (InterruptedException e) {
      p.stop(STOP_WAIT);
      forgetProcess();
      Thread.currentThread().interrupt();
      throw fail(new SshFailure(Kind.FAILED, "interrupted while ssh connected to " + target, ""));
    }
    p.onSshEnd(() -> lost(p));
    Thread.ofVirtual().name("tend-ssh-nodelay").start(() -> nodelay(control));
    forwards = new Forwards(target, command, d, this::runClient);
    setState(Phase.UP, null);
  }

  /**
   * Runs one empty session over the master. OpenSSH turns on TCP_NODELAY (both ends) only when a
   * session starts; a master with forwards alone keeps Nagle's algorithm, and an answer of a few
   * segments then waits out the peer's delayed ACK: getAllProcessInfo with 50 programs took 48 ms
   * through the forward instead of 3 (bench/run --rows ssh). Whatever the session does (a
   * restricted account may refuse it) the socket option stays. Both ends set it as the session
   * opens, before the far shell runs its rc files (seconds, on some hosts), so nobody waits for the
   * session to end: it runs on a thread of its own.
   */
  private void nodelay(Path control) {
    try {
      runClient(command.remote(target, control, "exit"));
    } catch (SshFailure e) {
      // slower answers, nothing worse: the forwards work without it
    }
  }

  private String describe(Kind kind) {
    return switch (kind) {
      case SSH_UNAVAILABLE -> "cannot run ssh (" + command + ")";
      case UNREACHABLE -> "ssh could not reach " + target;
      case AUTH_REFUSED -> "ssh could not log in to " + target;
      case HOST_KEY -> "ssh does not trust the host key of " + target;
      default -> "ssh to " + target + " failed";
    };
  }

  /** Called on the stderr reader's thread when an ssh that was up ends. */
  private void lost(SshProcess p) {
    synchronized (this) {
      if (process != p || closed) {
        return; // replaced or closed on purpose
      }
      setState(
          Phase.LOST,
          new SshFailure(
              Kind.LOST, "the ssh connection to " + target + " ended", SshWords.quote(p.stderr())));
    }
  }

  private SshProcess.Finished runClient(java.util.List<String> argv) throws SshFailure {
    try {
      return SshProcess.run(argv, settings.connectTimeout());
    } catch (IOException e) {
      throw new SshFailure(Kind.SSH_UNAVAILABLE, "cannot run ssh (" + command + ")", e.toString());
    } catch (TimeoutException e) {
      throw new SshFailure(
          Kind.TIMED_OUT, "ssh to " + target + " did not answer", String.valueOf(e.getMessage()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SshFailure(Kind.FAILED, "interrupted while talking to " + target, "");
    }
  }

  private SshFailure fail(SshFailure f) {
    setState(Phase.FAILED, f);
    return f;
  }

  private void setState(Phase phase, @Nullable SshFailure failure) {
    SshState s = new SshState(phase, clock.instant(), failure);
    state = s;
    changed.changed(target, s);
  }

  private void dropProcess() {
    SshProcess p = process;
    forgetProcess();
    if (p != null) {
      p.stop(STOP_WAIT);
    }
  }

  private void forgetProcess() {
    process = null;
    dir = null;
    Forwards f = forwards;
    forwards = null;
    if (f != null) {
      f.close();
    }
  }

  private Path requireDir() throws SshFailure {
    Path d = dir;
    if (d == null) {
      throw new SshFailure(Kind.LOST, "no ssh connection to " + target, "");
    }
    return d;
  }

  private static Path controlPath(Path dir) {
    return dir.resolve("m");
  }

  /** A new 0700 directory, short enough for socket paths (108 bytes at most). */
  private Path privateDirectory() throws SshFailure {
    try {
      return Files.createTempDirectory(
          settings.runtimeDirectory(),
          "tend-ssh-",
          PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
    } catch (IOException e) {
      throw fail(
          new SshFailure(
              Kind.FAILED,
              "cannot make a private directory in " + settings.runtimeDirectory(),
              e.toString()));
    }
  }

  private static void deleteQuietly(Path d) {
    try {
      Files.deleteIfExists(d);
    } catch (IOException e) {
      // an empty directory in the temporary folder: nothing worse
    }
  }
}
