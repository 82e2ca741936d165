package dev.tend.platform;

/**
 * The child could not be created (posix_spawn or pipe creation failed in the parent). {@code
 * errnoName} is the symbolic errno ({@code EMFILE}, {@code EAGAIN} ...), as supervisord words its
 * spawn errors.
 */
public final class SpawnException extends Exception {
  private static final long serialVersionUID = 1L;

  private final int errno;
  private final String errnoName;

  public SpawnException(int errno, String errnoName, String message) {
    super(message);
    this.errno = errno;
    this.errnoName = errnoName;
  }

  public int errno() {
    return errno;
  }

  public String errnoName() {
    return errnoName;
  }
}
