package dev.tend.platform;

import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
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
 * <p>Uses {@code sun.misc.Signal} (module jdk.unsupported) through reflection, since javac warns
 * about it unsuppressibly and the build treats warnings as errors. On JDK 25 without {@code -Xrs}
 * TERM, INT, HUP, USR1, USR2, CHLD and WINCH can be handled; QUIT cannot (the JVM keeps it for
 * thread dumps). With {@code -Xrs} the JVM refuses TERM, INT and HUP too, so the launcher must not
 * pass it. Signals that cannot be handled are listed in {@link #refused()}.
 */
public final class SignalWatcher implements AutoCloseable {
  private final Runnable wakeup;
  private final Set<Signal> pending = new LinkedHashSet<>(); // arrival order; guarded by itself
  private final Map<Signal, Object> previous = new LinkedHashMap<>(); // handlers to restore
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
    return previous.keySet();
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
      Object jdkSignal = Jdk.SIGNAL.getConstructor(String.class).newInstance(signal.name());
      Object handler =
          Proxy.newProxyInstance(
              Jdk.HANDLER.getClassLoader(),
              new Class<?>[] {Jdk.HANDLER},
              (proxy, method, args) -> {
                if (method.getName().equals("handle")) {
                  received(signal);
                  return null;
                }
                return switch (method.getName()) {
                  case "hashCode" -> System.identityHashCode(proxy);
                  case "equals" -> proxy == args[0];
                  default -> "SignalWatcher handler for " + signal.fullName();
                };
              });
      previous.put(signal, Jdk.HANDLE.invoke(null, jdkSignal, handler));
    } catch (InvocationTargetException e) {
      refused.put(signal, String.valueOf(e.getCause().getMessage()));
    } catch (ReflectiveOperationException e) {
      refused.put(signal, "sun.misc.Signal is not available: " + e);
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
    try {
      Object jdkSignal = Jdk.SIGNAL.getConstructor(String.class).newInstance(signal.name());
      Jdk.HANDLE.invoke(null, jdkSignal, Jdk.HANDLER.getField("SIG_DFL").get(null));
      return true;
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot reset " + signal.fullName() + " to SIG_DFL", e);
    }
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
    for (Map.Entry<Signal, Object> e : previous.entrySet()) {
      try {
        Object jdkSignal = Jdk.SIGNAL.getConstructor(String.class).newInstance(e.getKey().name());
        Jdk.HANDLE.invoke(null, jdkSignal, e.getValue());
      } catch (ReflectiveOperationException ignored) {
        // it was installed through the same API; restoring cannot fail differently
      }
    }
    previous.clear();
  }

  /** The reflective handles on sun.misc (resolved once, on first install). */
  private static final class Jdk {
    static final Class<?> SIGNAL = load("sun.misc.Signal");
    static final Class<?> HANDLER = load("sun.misc.SignalHandler");
    static final Method HANDLE = method();

    private static Class<?> load(String name) {
      try {
        return Class.forName(name);
      } catch (ClassNotFoundException e) {
        throw new IllegalStateException(name + " is missing (module jdk.unsupported)", e);
      }
    }

    private static Method method() {
      try {
        return SIGNAL.getMethod("handle", SIGNAL, HANDLER);
      } catch (NoSuchMethodException e) {
        throw new IllegalStateException("sun.misc.Signal.handle is missing", e);
      }
    }
  }
}
