package dev.tend.platform;

import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Platform;
import com.sun.jna.Pointer;
import org.jspecify.annotations.Nullable;

/**
 * glibc's unix socket calls, bound with JNA direct mapping, for passing file descriptors between
 * processes (SCM_RIGHTS) and talking to systemd. Linux x86_64 and aarch64 (LP64: same layouts).
 * Loaded on first use only.
 */
final class LibSocket {
  static final int AF_UNIX = 1;
  static final int SOCK_DGRAM = 2;
  static final int SOCK_SEQPACKET = 5;
  static final int SOCK_CLOEXEC = 0x80000;
  static final int SOL_SOCKET = 1;
  static final int SCM_RIGHTS = 1;
  static final int SO_PEERCRED = 17;
  static final int MSG_DONTWAIT = 0x40;
  static final int MSG_NOSIGNAL = 0x4000;
  static final int MSG_CMSG_CLOEXEC = 0x40000000;
  static final int MSG_CTRUNC = 0x8;

  /** struct sockaddr_un: a 2-byte family, then up to 108 bytes of path. */
  static final int SOCKADDR_UN_SIZE = 110;

  static final int SUN_PATH_MAX = 107;

  /** struct msghdr (56 bytes) and its fields' offsets. */
  static final int MSGHDR_SIZE = 56;

  static final int MSG_NAME = 0;
  static final int MSG_NAMELEN = 8;
  static final int MSG_IOV = 16;
  static final int MSG_IOVLEN = 24;
  static final int MSG_CONTROL = 32;
  static final int MSG_CONTROLLEN = 40;
  static final int MSG_FLAGS = 48;

  /** struct cmsghdr: length (8 bytes), level, type, then the data at 16. */
  static final int CMSG_DATA = 16;

  static {
    Native.register(LibSocket.class, NativeLibrary.getInstance(Platform.C_LIBRARY_NAME));
  }

  private LibSocket() {}

  /** CMSG_SPACE for {@code n} fds. */
  static int cmsgSpace(int n) {
    return CMSG_DATA + ((n * 4 + 7) & ~7);
  }

  static native int socket(int domain, int type, int protocol);

  static native int bind(int fd, Pointer addr, int len);

  static native int listen(int fd, int backlog);

  static native int accept4(int fd, @Nullable Pointer addr, @Nullable Pointer len, int flags);

  static native int connect(int fd, Pointer addr, int len);

  static native long sendmsg(int fd, Pointer msg, int flags);

  static native long recvmsg(int fd, Pointer msg, int flags);

  static native int getsockopt(int fd, int level, int name, Pointer value, int[] len);
}
