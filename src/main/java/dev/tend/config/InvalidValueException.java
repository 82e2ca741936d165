package dev.tend.config;

/** A value that supervisord's type for it rejects; the message is supervisord's wording. */
final class InvalidValueException extends Exception {
  private static final long serialVersionUID = 1L;

  InvalidValueException(String message) {
    super(message);
  }

  /** Never null: every constructor takes the message. */
  @Override
  public String getMessage() {
    return java.util.Objects.requireNonNull(super.getMessage());
  }
}
