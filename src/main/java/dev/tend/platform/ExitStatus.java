package dev.tend.platform;

import java.util.Optional;

/**
 * How a child ended, decoded from wait status.
 *
 * @param code the exit code when it exited, -1 when a signal killed it (supervisord's convention)
 * @param signal the killing signal's number, 0 when it exited
 */
public record ExitStatus(int code, int signal, boolean coreDumped) {

  /**
   * The end of a process whose status nobody can tell: one that was not this process's child (a
   * previous daemon's, adopted) on a kernel that does not keep it, or one reaped by someone else.
   */
  public static final ExitStatus UNKNOWN = new ExitStatus(-1, 0, false);

  public static ExitStatus exited(int code) {
    return new ExitStatus(code, 0, false);
  }

  public static ExitStatus killed(int signal, boolean coreDumped) {
    return new ExitStatus(-1, signal, coreDumped);
  }

  public boolean wasSignalled() {
    return signal != 0;
  }

  public boolean isUnknown() {
    return code == -1 && signal == 0;
  }

  /** {@code exit status 3} or {@code terminated by SIGTERM}, as supervisord logs it. */
  public String describe() {
    if (isUnknown()) {
      return "exit status unknown";
    }
    if (!wasSignalled()) {
      return "exit status " + code;
    }
    Optional<Signal> s = Signal.byNumber(signal);
    return "terminated by " + s.map(Signal::fullName).orElse("signal " + signal);
  }

  /** Decodes a raw wait(2) status. */
  public static ExitStatus fromWaitStatus(int status) {
    int termsig = status & 0x7f;
    if (termsig == 0) {
      return exited((status >> 8) & 0xff);
    }
    return killed(termsig, (status & 0x80) != 0);
  }
}
