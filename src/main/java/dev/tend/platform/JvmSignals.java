package dev.tend.platform;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import org.jspecify.annotations.Nullable;

/**
 * The one door to the JVM's signal handlers: the JDK's {@code sun.misc.Signal} (module
 * jdk.unsupported), reached through reflection since javac warns about it unsuppressibly and the
 * build treats warnings as errors. Handlers run on a JVM signal thread: they must be quick and
 * thread-safe. On JDK 25 without {@code -Xrs} TERM, INT, HUP, USR1, USR2, CHLD and WINCH can be
 * handled; QUIT cannot (the JVM keeps it for thread dumps).
 */
public final class JvmSignals {
  private JvmSignals() {}

  /** A handler in place. */
  public static final class Installed {
    private final Object jdkSignal;
    private final Object previous;

    private Installed(Object jdkSignal, Object previous) {
      this.jdkSignal = jdkSignal;
      this.previous = previous;
    }

    /** Puts back the handler that was there before. */
    public void restore() {
      try {
        Jdk.HANDLE.invoke(null, jdkSignal, previous);
      } catch (ReflectiveOperationException | RuntimeException e) {
        // installed through the same door; restoring cannot fail differently (or the JVM is
        // going away)
      }
    }
  }

  /** The JVM would not let a handler in; the message is its reason. */
  public static final class Refused extends Exception {
    private static final long serialVersionUID = 1L;

    Refused(String reason, Throwable cause) {
      super(reason, cause);
    }
  }

  /** Runs {@code handler} on each arrival of {@code signal} until {@link Installed#restore}. */
  public static Installed handle(Signal signal, Runnable handler) throws Refused {
    try {
      Object jdkSignal = jdkSignal(signal);
      Object proxy =
          Proxy.newProxyInstance(
              Jdk.HANDLER.getClassLoader(),
              new Class<?>[] {Jdk.HANDLER},
              (p, method, args) -> call(p, method.getName(), args, handler, signal));
      return new Installed(jdkSignal, Jdk.HANDLE.invoke(null, jdkSignal, proxy));
    } catch (InvocationTargetException e) {
      Throwable why = e.getCause() == null ? e : e.getCause();
      throw new Refused(String.valueOf(why.getMessage()), why);
    } catch (ReflectiveOperationException | IllegalStateException | LinkageError e) {
      throw new Refused("sun.misc.Signal is not available: " + e, e);
    }
  }

  /** The handler's one method runs the action; Object's methods answer as for any object. */
  private static @Nullable Object call(
      Object proxy, String method, @Nullable Object[] args, Runnable handler, Signal signal) {
    return switch (method) {
      case "handle" -> {
        handler.run();
        yield null;
      }
      case "hashCode" -> System.identityHashCode(proxy);
      case "equals" -> args != null && proxy == args[0];
      case "toString" -> "tend handler for " + signal.fullName();
      default -> null;
    };
  }

  /** Puts the default action back (SIG_DFL), whatever handled or ignored the signal before. */
  static void resetToDefault(Signal signal) {
    try {
      Jdk.HANDLE.invoke(null, jdkSignal(signal), Jdk.HANDLER.getField("SIG_DFL").get(null));
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot reset " + signal.fullName() + " to SIG_DFL", e);
    }
  }

  private static Object jdkSignal(Signal signal) throws ReflectiveOperationException {
    return Jdk.SIGNAL.getConstructor(String.class).newInstance(signal.name());
  }

  /** The reflective handles on sun.misc (resolved once, on first use). */
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
