package dev.tend.platform;

import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Platform;
import com.sun.jna.Pointer;

/**
 * glibc's non-portable posix_spawn file actions (chdir since 2.29, closefrom since 2.34), bound
 * directly when this glibc has both, so a spawn pays no reflective call for them. A class of their
 * own: direct binding fails as a whole when a symbol is missing, which must not take {@link LibC}
 * with it; {@link PosixSpawn} then calls whichever exists through JNA's slower lookup.
 */
final class SpawnActionsNp {
  /** Whether both functions are bound; when false, none of the natives may be called. */
  static final boolean AVAILABLE = bind();

  private SpawnActionsNp() {}

  private static boolean bind() {
    try {
      Native.register(SpawnActionsNp.class, NativeLibrary.getInstance(Platform.C_LIBRARY_NAME));
      return true;
    } catch (UnsatisfiedLinkError e) {
      return false;
    }
  }

  static native int posix_spawn_file_actions_addchdir_np(Pointer actions, Pointer path);

  static native int posix_spawn_file_actions_addclosefrom_np(Pointer actions, int from);
}
