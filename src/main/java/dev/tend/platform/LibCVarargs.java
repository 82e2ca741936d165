package dev.tend.platform;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Platform;

/**
 * The variadic glibc functions. JNA's direct mapping cannot declare C varargs, so these go through
 * an interface mapping (slower, fine off the hot path).
 */
interface LibCVarargs extends Library {
  LibCVarargs C = Native.load(Platform.C_LIBRARY_NAME, LibCVarargs.class);

  int fcntl(int fd, int cmd, Object... args);

  int ioctl(int fd, long request, Object... args);

  int prctl(int option, Object... args);

  int open(String path, int flags, Object... mode);
}
