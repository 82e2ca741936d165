package dev.tend.platform;

import com.sun.jna.Function;
import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Platform;
import com.sun.jna.Pointer;
import org.jspecify.annotations.Nullable;

/**
 * glibc, bound with JNA direct mapping (static natives: no reflection per call, which matters for
 * read, write and epoll_wait on the I/O thread). Loaded on first use only, so commands that never
 * spawn ({@code tend ctl}) never load JNA. Linux x86_64 and aarch64; numbers below are theirs.
 *
 * <p>Failures return -1 (or an errno for the posix_spawn family); read the errno with {@link
 * #errno()} right after the call, on the same thread.
 */
final class LibC {
  static final int O_NONBLOCK = 0x800;
  static final int O_CLOEXEC = 0x80000;
  static final int O_RDONLY = 0;
  static final int O_RDWR = 2;
  static final int O_WRONLY = 1;
  static final int O_NOCTTY = 0x100;
  static final int O_CREAT = 0x40;
  static final int O_TRUNC = 0x200;
  static final int F_DUPFD_CLOEXEC = 1030;
  static final int F_SETFD = 2;
  static final int F_GETFL = 3;
  static final int F_SETFL = 4;
  static final int F_SETPIPE_SZ = 1031;
  static final int F_GETPIPE_SZ = 1032;

  static final int EPOLLIN = 0x1;
  static final int EPOLLOUT = 0x4;
  static final int EPOLLERR = 0x8;
  static final int EPOLLHUP = 0x10;
  static final int EPOLL_CTL_ADD = 1;
  static final int EPOLL_CTL_DEL = 2;
  static final int EPOLL_CTL_MOD = 3;

  /** x86_64 packs struct epoll_event (12 bytes); other 64-bit ABIs align it to 16. */
  static final int EPOLL_EVENT_SIZE = Platform.isIntel() ? 12 : 16;

  static final int EPOLL_DATA_OFFSET = Platform.isIntel() ? 4 : 8;

  static final int EFD_NONBLOCK = 0x800;
  static final int EFD_CLOEXEC = 0x80000;

  static final short POSIX_SPAWN_SETPGROUP = 0x02;
  static final short POSIX_SPAWN_SETSIGDEF = 0x04;
  static final short POSIX_SPAWN_SETSIGMASK = 0x08;
  static final short POSIX_SPAWN_SETSID = 0x80;

  /** Generous upper bounds of the opaque glibc types (336, 80 and 128 bytes on x86_64). */
  static final int SPAWNATTR_SIZE = 512;

  static final int FILE_ACTIONS_SIZE = 256;
  static final int SIGSET_SIZE = 128;

  static final int WNOHANG = 1;
  static final int PR_SET_CHILD_SUBREAPER = 36;
  static final int PR_GET_CHILD_SUBREAPER = 37;
  static final long SYS_PIDFD_SEND_SIGNAL = 424;
  static final long SYS_PIDFD_OPEN = 434;
  static final long SYS_FCNTL = Platform.isIntel() ? 72 : 25;
  static final int RLIMIT_NPROC = 6;
  static final int RLIMIT_NOFILE = 7;
  static final long RLIM_INFINITY = -1L;
  static final int TCSANOW = 0;
  static final int TCSAFLUSH = 2;
  static final long TIOCGWINSZ = 0x5413;
  static final long TIOCSWINSZ = 0x5414;
  static final short POLLIN = 0x1;
  static final int SIG_BLOCK = 0;
  static final int SIG_SETMASK = 2;
  static final int SIGTTOU = 22;
  static final int TERMIOS_SIZE = 60;
  static final int SC_PAGESIZE = 30;
  static final int SC_GETPW_R_SIZE_MAX = 70;

  static {
    Native.register(LibC.class, NativeLibrary.getInstance(Platform.C_LIBRARY_NAME));
  }

  private LibC() {}

  static int errno() {
    return Native.getLastError();
  }

  /** {@code ENOENT (No such file or directory)}: the symbolic name supervisord prints, and why. */
  static String describe(int errno) {
    return Errno.name(errno) + " (" + strerror(errno) + ")";
  }

  static native int pipe2(int[] fds, int flags);

  /**
   * syscall(2) with four arguments (the kernel ignores those a call does not take). Declared
   * variadic in C, but glibc writes it in assembly that only moves registers, so a fixed signature
   * is safe to bind directly: the spawn path's fcntl and pidfd calls cost no reflection.
   */
  static native long syscall(long number, long a1, long a2, long a3, long a4);

  /** fcntl(2) with an integer argument (or none), through {@link #syscall}; -1 with errno set. */
  static int fcntl(int fd, int cmd, long arg) {
    return (int) syscall(SYS_FCNTL, fd, cmd, arg, 0);
  }

  static native int close(int fd);

  static native long read(int fd, Pointer buf, long count);

  static native long write(int fd, Pointer buf, long count);

  static native int epoll_create1(int flags);

  static native int epoll_ctl(int epfd, int op, int fd, @Nullable Pointer event);

  static native int epoll_wait(int epfd, Pointer events, int maxevents, int timeout);

  static native int eventfd(int initval, int flags);

  static native int posix_spawn(
      int[] pid, Pointer path, Pointer fileActions, Pointer attr, Pointer argv, Pointer envp);

  static native int posix_spawnattr_init(Pointer attr);

  static native int posix_spawnattr_destroy(Pointer attr);

  static native int posix_spawnattr_setflags(Pointer attr, short flags);

  static native int posix_spawnattr_setpgroup(Pointer attr, int pgroup);

  static native int posix_spawnattr_setsigmask(Pointer attr, Pointer sigmask);

  static native int posix_spawnattr_setsigdefault(Pointer attr, Pointer sigdefault);

  static native int posix_spawn_file_actions_init(Pointer actions);

  static native int posix_spawn_file_actions_destroy(Pointer actions);

  static native int posix_spawn_file_actions_adddup2(Pointer actions, int fd, int newfd);

  static native int posix_spawn_file_actions_addclose(Pointer actions, int fd);

  static native int posix_spawn_file_actions_addopen(
      Pointer actions, int fd, Pointer path, int oflag, int mode);

  static native int sigemptyset(Pointer set);

  static native int sigfillset(Pointer set);

  static native int sigdelset(Pointer set, int signum);

  static native int sigaddset(Pointer set, int signum);

  static native int sigprocmask(int how, Pointer set, @Nullable Pointer oldset);

  /** Sets a disposition: {@code null} is SIG_DFL, {@code new Pointer(1)} SIG_IGN. */
  static native @Nullable Pointer signal(int signum, @Nullable Pointer handler);

  static native int waitpid(int pid, int[] status, int options);

  static native int kill(int pid, int sig);

  static native int killpg(int pgrp, int sig);

  static native int umask(int mask);

  static native int getrlimit(int resource, long[] rlim);

  static native int setrlimit(int resource, long[] rlim);

  static native int tcgetattr(int fd, Pointer termios);

  static native int tcsetattr(int fd, int optionalActions, Pointer termios);

  static native void cfmakeraw(Pointer termios);

  static native int isatty(int fd);

  static native int tcgetpgrp(int fd);

  static native int tcsetpgrp(int fd, int pgrp);

  static native int poll(Pointer fds, long nfds, int timeout);

  static native int posix_openpt(int flags);

  static native int grantpt(int fd);

  static native int unlockpt(int fd);

  static native int ptsname_r(int fd, Pointer buf, long buflen);

  static native int getpwnam_r(Pointer name, Pointer pwd, Pointer buf, long buflen, Pointer result);

  static native int getpwuid_r(int uid, Pointer pwd, Pointer buf, long buflen, Pointer result);

  static native int getgrnam_r(Pointer name, Pointer grp, Pointer buf, long buflen, Pointer result);

  static native int getgrgid_r(int gid, Pointer grp, Pointer buf, long buflen, Pointer result);

  static native int getgrouplist(Pointer user, int group, int[] groups, int[] ngroups);

  static native int geteuid();

  static native int setuid(int uid);

  static native int setgid(int gid);

  static native int setgroups(long size, int[] list);

  static native int getpid();

  static native long sysconf(int name);

  static native String strerror(int errnum);

  /** A glibc function that may be missing (newer than the running glibc), or null. */
  static @Nullable Function optional(String symbol) {
    try {
      return NativeLibrary.getInstance(Platform.C_LIBRARY_NAME).getFunction(symbol);
    } catch (UnsatisfiedLinkError e) {
      return null;
    }
  }
}
