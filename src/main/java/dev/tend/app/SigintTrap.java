package dev.tend.app;

import dev.tend.platform.JvmSignals;
import dev.tend.platform.Signal;
import org.jspecify.annotations.Nullable;

/**
 * Catches Ctrl-C (SIGINT) for a while instead of letting the JVM exit. Used by one-shot {@code tend
 * ctl tail -f} and {@code fg}, which end on Ctrl-C with supervisorctl's output and status instead
 * of dying.
 */
final class SigintTrap implements AutoCloseable {
  private final JvmSignals.Installed installed;

  private SigintTrap(JvmSignals.Installed installed) {
    this.installed = installed;
  }

  /**
   * Calls {@code action} on each SIGINT until {@link #close}; null when the JVM refuses (then
   * Ctrl-C ends the JVM as usual).
   */
  static @Nullable SigintTrap install(Runnable action) {
    try {
      return new SigintTrap(JvmSignals.handle(Signal.INT, action));
    } catch (JvmSignals.Refused e) {
      return null;
    }
  }

  @Override
  public void close() {
    installed.restore();
  }
}
