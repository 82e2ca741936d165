package dev.tend.platform;

/**
 * pidfd_open(2) and pidfd_send_signal(2) (Linux 5.3+; glibc before 2.36 has no wrappers, so by
 * syscall number, the same on x86_64 and aarch64). A pidfd names one process for good: a signal
 * through it can never reach a later process that reused the pid.
 */
final class Pidfd {
  private Pidfd() {}

  /** A pidfd for {@code pid} (close-on-exec), or minus the errno. */
  static int open(int pid) {
    long fd = LibC.syscall(LibC.SYS_PIDFD_OPEN, pid, 0, 0, 0);
    return fd < 0 ? -LibC.errno() : (int) fd;
  }

  /** 0, or the errno ({@code ESRCH} once the process has been reaped). */
  static int sendSignal(int pidfd, int signal) {
    long rc = LibC.syscall(LibC.SYS_PIDFD_SEND_SIGNAL, pidfd, signal, 0, 0); // siginfo NULL
    return rc < 0 ? LibC.errno() : 0;
  }
}
