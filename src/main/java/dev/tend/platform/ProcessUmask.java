package dev.tend.platform;

/** The daemon's own umask (supervisord's {@code umask=} setting, applied when it daemonizes). */
public final class ProcessUmask {
  private ProcessUmask() {}

  /** Sets the process umask; returns the previous one. */
  public static int set(int mask) {
    if ((mask & ~0777) != 0) {
      throw new IllegalArgumentException(
          "umask must be within 0777, got 0" + Integer.toOctalString(mask));
    }
    return LibC.umask(mask);
  }
}
