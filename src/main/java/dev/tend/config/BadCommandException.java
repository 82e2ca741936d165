package dev.tend.config;

/**
 * A {@code command=} that cannot become an argv; the message is supervisord's spawn error ({@code
 * can't parse command 'x': No closing quotation}, {@code command is empty}).
 */
public final class BadCommandException extends Exception {
  private static final long serialVersionUID = 1L;

  BadCommandException(String message) {
    super(message);
  }

  /** Never null: every constructor takes the message. */
  @Override
  public String getMessage() {
    return java.util.Objects.requireNonNull(super.getMessage());
  }
}
