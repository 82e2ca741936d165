package dev.tend.app;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import org.jspecify.annotations.Nullable;

/**
 * Catches Ctrl-C (SIGINT) for a while instead of letting the JVM exit, through the JDK's {@code
 * sun.misc.Signal} (module jdk.unsupported), reached by reflection since javac warns about any
 * direct use. Used by one-shot {@code tend ctl tail -f} and {@code fg}, which end on Ctrl-C with
 * supervisorctl's output and status instead of dying.
 */
final class SigintTrap implements AutoCloseable {
  private final Object signal;
  private final @Nullable Object previous;
  private final Method handle;

  private SigintTrap(Object signal, @Nullable Object previous, Method handle) {
    this.signal = signal;
    this.previous = previous;
    this.handle = handle;
  }

  /**
   * Calls {@code action} on each SIGINT until {@link #close}; null when the JDK offers no way (then
   * Ctrl-C ends the JVM as usual).
   */
  static @Nullable SigintTrap install(Runnable action) {
    try {
      Class<?> signalClass = Class.forName("sun.misc.Signal");
      Class<?> handlerClass = Class.forName("sun.misc.SignalHandler");
      Object signal = signalClass.getConstructor(String.class).newInstance("INT");
      Object handler =
          Proxy.newProxyInstance(
              SigintTrap.class.getClassLoader(), new Class<?>[] {handlerClass}, new Calls(action));
      Method handle = signalClass.getMethod("handle", signalClass, handlerClass);
      Object previous = handle.invoke(null, signal, handler);
      return new SigintTrap(signal, previous, handle);
    } catch (ReflectiveOperationException | RuntimeException e) {
      return null;
    }
  }

  @Override
  public void close() {
    try {
      handle.invoke(null, signal, previous);
    } catch (ReflectiveOperationException | RuntimeException e) {
      // the JVM is going away or never let us in; nothing to restore
    }
  }

  /** The handler's one method runs the action; Object's methods answer as for any object. */
  private static final class Calls implements InvocationHandler {
    private final Runnable action;

    Calls(Runnable action) {
      this.action = action;
    }

    @Override
    public @Nullable Object invoke(Object proxy, Method method, @Nullable Object[] args) {
      return switch (method.getName()) {
        case "handle" -> {
          action.run();
          yield null;
        }
        case "hashCode" -> System.identityHashCode(proxy);
        case "equals" -> args != null && proxy == args[0];
        case "toString" -> "SigintTrap handler";
        default -> null;
      };
    }
  }
}
