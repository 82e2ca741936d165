package dev.tend.platform;

/**
 * A daemon started under {@code nohup} (or by anything that ignores HUP, INT or TERM) must still
 * reload on HUP and stop on TERM, as supervisord does: Python installs its handlers whatever was
 * there. The JVM does not: for its shutdown signals it keeps an inherited SIG_IGN and reports it as
 * the old handler without installing the new one, so the daemon would silently never see them. The
 * way back to SIG_DFL is native (the JVM refuses it too); a class of its own, so that JNA is loaded
 * only when a signal was in fact ignored.
 */
final class InheritedIgnore {
  private InheritedIgnore() {}

  /** Puts SIG_DFL back for an ignored shutdown signal; other signals the JVM resets itself. */
  static void undo(Signal signal) {
    if (signal == Signal.HUP || signal == Signal.INT || signal == Signal.TERM) {
      LibC.signal(signal.number(), null);
    }
  }
}
