package dev.tend.platform;

import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Platform;
import com.sun.jna.Pointer;
import java.io.IOException;
import org.jspecify.annotations.Nullable;

/**
 * A one-shot timerfd(2) on the monotonic clock: readable once its time has come, so an epoll loop
 * can wait for a deadline as for any fd. The owner closes it.
 */
final class Timerfd {
  private static final int CLOCK_MONOTONIC = 1;
  private static final int TFD_NONBLOCK = 0x800;
  private static final int TFD_CLOEXEC = 0x80000;

  static {
    Native.register(Timerfd.class, NativeLibrary.getInstance(Platform.C_LIBRARY_NAME));
  }

  private Timerfd() {}

  private static native int timerfd_create(int clock, int flags);

  private static native int timerfd_settime(
      int fd, int flags, Pointer newValue, @Nullable Pointer oldValue);

  /** A timerfd that turns readable once, {@code nanos} from now. */
  static int oneShot(long nanos) throws IOException {
    int fd = timerfd_create(CLOCK_MONOTONIC, TFD_NONBLOCK | TFD_CLOEXEC);
    if (fd < 0) {
      throw new IOException("timerfd_create: " + Errno.name(LibC.errno()));
    }
    try (Memory spec = new Memory(32)) {
      spec.clear();
      spec.setLong(16, nanos / 1_000_000_000L);
      spec.setLong(24, Math.max(1, nanos % 1_000_000_000L));
      if (timerfd_settime(fd, 0, spec, null) != 0) {
        int errno = LibC.errno();
        LibC.close(fd);
        throw new IOException("timerfd_settime: " + Errno.name(errno));
      }
    }
    return fd;
  }
}
