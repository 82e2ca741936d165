package dev.tend.control.server;

/**
 * A listener of the config could not be opened. The message is supervisord's where it has one
 * ({@code Another program is already listening ...}); the app reports it as supervisord reports a
 * usage error (prints {@code Error: <message>} and exits 2).
 */
public final class ControlServerException extends Exception {
  private static final long serialVersionUID = 1L;

  /** Why, in the cases a caller may want to tell apart. */
  public enum Kind {
    /** Something answers on the socket or port already. */
    ADDRESS_IN_USE,
    /** The socket's configured owner cannot be set. */
    CHOWN_NOT_PERMITTED,
    /** Anything else: a missing directory, no permission, a path too long, a bad host. */
    CANNOT_OPEN
  }

  static final String ADDRESS_IN_USE_MESSAGE =
      "Another program is already listening on a port that one of our HTTP servers is configured"
          + " to use.  Shut this program down first before starting supervisord.";

  private final Kind kind;

  ControlServerException(Kind kind, String message, Throwable cause) {
    super(message, cause);
    this.kind = kind;
  }

  ControlServerException(Kind kind, String message) {
    super(message);
    this.kind = kind;
  }

  public Kind kind() {
    return kind;
  }
}
