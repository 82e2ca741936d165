package dev.tend.api;

/**
 * The server could not be reached or answered outside the protocol (refused, no such socket, HTTP
 * error, malformed answer). Distinct from {@link FaultException}, which the server chose to send.
 */
public final class ConnectionException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Why, in the terms supervisorctl distinguishes. */
  public enum Kind {
    REFUSED,
    NO_SUCH_FILE,
    UNAUTHORIZED,
    PROTOCOL,
    IO
  }

  private final Kind kind;

  public ConnectionException(Kind kind, String message, Throwable cause) {
    super(message, cause);
    this.kind = kind;
  }

  public ConnectionException(Kind kind, String message) {
    super(message);
    this.kind = kind;
  }

  public Kind kind() {
    return kind;
  }
}
