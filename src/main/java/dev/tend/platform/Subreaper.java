package dev.tend.platform;

import java.io.IOException;

/**
 * prctl(PR_SET_CHILD_SUBREAPER): orphaned descendants are re-parented to this process instead of
 * init, so the daemon can reap (and account for) the grandchildren its programs leave behind.
 */
public final class Subreaper {
  private Subreaper() {}

  /** Makes this process a child subreaper. */
  public static void enable() throws IOException {
    set(1);
  }

  /** Stops being one (descendants orphaned later go to init again). */
  public static void disable() throws IOException {
    set(0);
  }

  public static boolean isEnabled() throws IOException {
    try (com.sun.jna.Memory flag = new com.sun.jna.Memory(4)) {
      flag.setInt(0, 0);
      if (LibCVarargs.C.prctl(LibC.PR_GET_CHILD_SUBREAPER, flag) != 0) {
        throw new IOException("prctl(PR_GET_CHILD_SUBREAPER): " + Errno.name(LibC.errno()));
      }
      return flag.getInt(0) != 0;
    }
  }

  private static void set(long on) throws IOException {
    if (LibCVarargs.C.prctl(LibC.PR_SET_CHILD_SUBREAPER, on, 0L, 0L, 0L) != 0) {
      throw new IOException(
          "prctl(PR_SET_CHILD_SUBREAPER, " + on + "): " + Errno.name(LibC.errno()));
    }
  }
}
