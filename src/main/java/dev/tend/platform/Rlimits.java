package dev.tend.platform;

import java.util.Optional;

/**
 * The daemon's resource limits, raised at startup the way supervisord does for {@code minfds} and
 * {@code minprocs}: the soft limit up to the minimum, and the hard limit too when it is lower
 * (which only root may do).
 */
public final class Rlimits {
  private Rlimits() {}

  /** A soft and hard limit; -1 is unlimited. */
  public record Limit(long soft, long hard) {}

  /** The limit could not be raised; the message is supervisord's, for the usage error. */
  public static final class LimitException extends Exception {
    private static final long serialVersionUID = 1L;

    LimitException(String message) {
      super(message);
    }

    /** Never null: every constructor takes the message. */
    @Override
    public String getMessage() {
      return java.util.Objects.requireNonNull(super.getMessage());
    }
  }

  private static final String NOFILE_MESSAGE =
      "The minimum number of file descriptors required to run this process is %d as per the"
          + " \"minfds\" command-line argument or config file setting. The current environment"
          + " will only allow you to open %d file descriptors.  Either raise the number of usable"
          + " file descriptors in your environment (see README.rst) or lower the minfds setting"
          + " in the config file to allow the process to start.";
  private static final String NPROC_MESSAGE =
      "The minimum number of available processes required to run this program is %d as per the"
          + " \"minprocs\" command-line argument or config file setting. The current environment"
          + " will only allow you to open %d processes.  Either raise the number of usable"
          + " processes in your environment (see README.rst) or lower the minprocs setting in the"
          + " config file to allow the program to start.";

  public static Limit openFiles() {
    return get(LibC.RLIMIT_NOFILE);
  }

  public static Limit processes() {
    return get(LibC.RLIMIT_NPROC);
  }

  /**
   * Raises RLIMIT_NOFILE to at least {@code min}; returns supervisord's info line ({@code Increased
   * RLIMIT_NOFILE limit to N}) when it changed anything.
   */
  public static Optional<String> raiseOpenFiles(long min) throws LimitException {
    return raise(LibC.RLIMIT_NOFILE, "RLIMIT_NOFILE", min, NOFILE_MESSAGE);
  }

  /** Raises RLIMIT_NPROC to at least {@code min}, as {@link #raiseOpenFiles}. */
  public static Optional<String> raiseProcesses(long min) throws LimitException {
    return raise(LibC.RLIMIT_NPROC, "RLIMIT_NPROC", min, NPROC_MESSAGE);
  }

  private static Optional<String> raise(int resource, String name, long min, String message)
      throws LimitException {
    Limit now = get(resource);
    if (now.soft() == LibC.RLIM_INFINITY || now.soft() >= min) {
      return Optional.empty();
    }
    long hard = now.hard();
    if (hard != LibC.RLIM_INFINITY && hard < min) {
      hard = min; // only root may raise it; supervisord then reports this (raised) number
    }
    if (LibC.setrlimit(resource, new long[] {min, hard}) != 0) {
      throw new LimitException(String.format(message, min, hard));
    }
    return Optional.of("Increased " + name + " limit to " + min);
  }

  private static Limit get(int resource) {
    long[] limit = new long[2];
    if (LibC.getrlimit(resource, limit) != 0) {
      throw new IllegalStateException("getrlimit(" + resource + "): " + Errno.name(LibC.errno()));
    }
    return new Limit(limit[0], limit[1]);
  }
}
