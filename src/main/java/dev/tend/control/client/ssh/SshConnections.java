package dev.tend.control.client.ssh;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jspecify.annotations.Nullable;

/**
 * tend's ssh connections: one {@link SshMaster} per host, shared by every server on it, opened on
 * first use and closed (with every ssh it started) by {@link #close}. Whoever wires the client
 * (tend ctl, the console) makes one and closes it when done; if tend dies instead, each master's
 * watchdog ends it.
 *
 * <p>A console calls {@link #connectAll} before it takes the screen, so that passphrases and host
 * key questions reach the person at the terminal, then {@link #allowPrompts allowPrompts(false)}:
 * later connections (a host that comes back) never ask. {@link #listen} reports every change of a
 * host's {@link SshState}.
 */
public final class SshConnections implements AutoCloseable {

  /**
   * @param connectTimeout how long ssh may take to log in when it may not ask anyone
   * @param runtimeDirectory where the private 0700 directories (control and forwarded sockets) go
   */
  public record Settings(Duration connectTimeout, Path runtimeDirectory) {
    // a socket path holds at most 107 bytes: the directory's name adds ~30 to this
    private static final int MAX_DIRECTORY = 70;

    /**
     * 10 s; {@code $XDG_RUNTIME_DIR} (a per-user tmpfs) when set and short enough, else {@code
     * java.io.tmpdir}, else {@code /tmp}.
     */
    public static Settings defaults(Map<String, String> environment) {
      List<String> candidates = new ArrayList<>();
      String xdg = environment.get("XDG_RUNTIME_DIR");
      if (xdg != null) {
        candidates.add(xdg);
      }
      candidates.add(System.getProperty("java.io.tmpdir", "/tmp"));
      Path dir = Path.of("/tmp");
      for (String c : candidates) {
        Path p = Path.of(c);
        if (c.length() <= MAX_DIRECTORY && p.isAbsolute() && Files.isDirectory(p)) {
          dir = p;
          break;
        }
      }
      return new Settings(Duration.ofSeconds(10), dir);
    }

    public Settings withConnectTimeout(Duration timeout) {
      return new Settings(timeout, runtimeDirectory);
    }
  }

  /** Hears of every change of a host's state, on the thread that made it; must not block. */
  @FunctionalInterface
  public interface Listener {
    void changed(SshTarget target, SshState state);
  }

  private final SshCommand command;
  private final Settings settings;
  private final PromptGate prompts;
  private final InstantSource clock;
  private final Map<SshTarget, SshMaster> masters = new LinkedHashMap<>(); // guarded by this
  private final List<Listener> listeners = new CopyOnWriteArrayList<>();
  private boolean closed; // guarded by this

  public SshConnections(
      SshCommand command, Settings settings, boolean promptsAllowed, InstantSource clock) {
    this.command = command;
    this.settings = settings;
    this.prompts = new PromptGate(promptsAllowed);
    this.clock = clock;
  }

  /** From {@code $TEND_SSH} and the defaults; prompts allowed. */
  public static SshConnections fromEnvironment(Map<String, String> environment) {
    return new SshConnections(
        SshCommand.parse(environment.get(SshCommand.VARIABLE)),
        Settings.defaults(environment),
        true,
        InstantSource.system());
  }

  /** The master for {@code target}, made (not connected) on first use. */
  public synchronized SshMaster master(SshTarget target) {
    if (closed) {
      throw new IllegalStateException("the ssh connections are closed");
    }
    return masters.computeIfAbsent(
        target, t -> new SshMaster(t, command, settings, prompts, clock, this::changed));
  }

  /**
   * Connects to every target now, in parallel; questions for the terminal come one host at a time.
   * Returns the failures by target (empty when all are up).
   */
  public Map<SshTarget, SshFailure> connectAll(Collection<SshTarget> targets) {
    List<SshMaster> wanted = new ArrayList<>();
    for (SshTarget t : new LinkedHashSet<>(targets)) {
      wanted.add(master(t));
    }
    Map<SshTarget, SshFailure> failures = new LinkedHashMap<>();
    try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
      List<Future<@Nullable SshFailure>> results = new ArrayList<>();
      for (SshMaster m : wanted) {
        results.add(pool.submit(() -> connectOrFailure(m)));
      }
      for (int i = 0; i < wanted.size(); i++) {
        SshFailure f = Futures.value(results.get(i));
        if (f != null) {
          failures.put(wanted.get(i).target(), f);
        }
      }
    }
    return failures;
  }

  private static @Nullable SshFailure connectOrFailure(SshMaster m) {
    try {
      m.connect();
      return null;
    } catch (SshFailure f) {
      return f;
    }
  }

  /** Whether ssh may ask the person at the terminal from now on. */
  public void allowPrompts(boolean allow) {
    prompts.allow(allow);
  }

  /** The state of {@code target}'s connection ({@link SshState.Phase#IDLE} when never used). */
  public SshState state(SshTarget target) {
    return master(target).state();
  }

  public void listen(Listener listener) {
    listeners.add(listener);
  }

  private void changed(SshTarget target, SshState state) {
    for (Listener l : listeners) {
      l.changed(target, state);
    }
  }

  /** Stops every ssh this made and waits for them (a few seconds at most each). */
  @Override
  public void close() {
    List<SshMaster> all;
    synchronized (this) {
      closed = true;
      all = new ArrayList<>(masters.values());
    }
    for (SshMaster m : all) {
      m.close();
    }
  }
}
