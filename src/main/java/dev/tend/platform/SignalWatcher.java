package dev.tend.platform;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Lets the daemon handle signals on its own loop thread, as supervisord does: a handler only
 * records the signal and wakes the loop; the loop {@link #drain()}s them, each pending signal once
 * however often it arrived (duplicates between two drains are coalesced).
 *
 * <p>Handlers go in through {@link JvmSignals}. With {@code -Xrs} the JVM refuses TERM, INT and HUP
 * too, so the launcher must not pass it. Signals that cannot be handled are listed in {@link
 * #refused()}.
 */
public final class SignalWatcher implements AutoCloseable {
  private final Runnable wakeup;
  private final Set<Signal> pending = new LinkedHashSet<>(); // arrival order; guarded by itself
  private final Map<Signal, JvmSignals.Installed> installed = new LinkedHashMap<>(); // to restore
  private final Map<Signal, String> refused = new LinkedHashMap<>();

  private SignalWatcher(Runnable wakeup) {
    this.wakeup = wakeup;
  }

  /**
   * Installs handlers for {@code signals}; {@code wakeup} is run (on a JVM signal thread, so it
   * must be quick and thread-safe) after each arrival.
   */
  public static SignalWatcher install(Collection<Signal> signals, Runnable wakeup) {
    SignalWatcher watcher = new SignalWatcher(wakeup);
    for (Signal s : signals) {
      watcher.handle(s);
    }
    return watcher;
  }

  /** The signals now handled. */
  public Set<Signal> installed() {
    return installed.keySet();
  }

  /** The signals that could not be handled, with the JVM's reason. */
  public Map<Signal, String> refused() {
    return refused;
  }

  /** The signals received since the last drain, each once, in the order they first arrived. */
  public List<Signal> drain() {
    synchronized (pending) {
      List<Signal> out = new ArrayList<>(pending);
      pending.clear();
      return out;
    }
  }

  private void received(Signal signal) {
    synchronized (pending) {
      pending.add(signal);
    }
    wakeup.run();
  }

  private void handle(Signal signal) {
    try {
      if (ignored(signal)) {
        InheritedIgnore.undo(signal);
      }
      installed.put(signal, JvmSignals.handle(signal, () -> received(signal)));
    } catch (JvmSignals.Refused e) {
      refused.put(signal, String.valueOf(e.getMessage()));
    }
  }

  /**
   * Resets {@code signal} to its default action if this process ignores it. For SIGCHLD this
   * matters: a daemon started with SIGCHLD ignored would have its children reaped by the kernel,
   * and waitpid would never see their exit status.
   */
  static boolean resetIfIgnored(Signal signal) {
    if (!ignored(signal)) {
      return false;
    }
    JvmSignals.resetToDefault(signal);
    return true;
  }

  /** Whether this process ignores {@code signal} (the SigIgn mask of /proc/self/status). */
  static boolean ignored(Signal signal) {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
        if (line.startsWith("SigIgn:")) {
          long mask = Long.parseUnsignedLong(line.substring(7).trim(), 16);
          return (mask >>> (signal.number() - 1) & 1) != 0;
        }
      }
    } catch (IOException | NumberFormatException e) {
      return false;
    }
    return false;
  }

  /** Puts back the handlers that were there before. */
  @Override
  public void close() {
    installed.values().forEach(JvmSignals.Installed::restore);
    installed.clear();
  }
}
