package dev.tend.app;

/** The daemon cannot start; the message is what supervisord would print after {@code Error: }. */
final class StartupException extends Exception {
  private static final long serialVersionUID = 1L;

  StartupException(String message) {
    super(message);
  }

  StartupException(String message, Throwable cause) {
    super(message, cause);
  }

  /** Never null: every constructor takes the message. */
  @Override
  public String getMessage() {
    return java.util.Objects.requireNonNull(super.getMessage());
  }
}
