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
    IO,
    /**
     * The way to the server failed (ssh: the host unreachable, the login refused, the connection
     * lost, the socket not open to the ssh user); the message says what, in that tool's own words,
     * and is shown as it is.
     */
    TRANSPORT
  }

  private final Kind kind;
  // The HTTP status of an answer other than 200 and its reason phrase; 0 and "" without one.
  private final int httpStatus;
  private final String httpReason;

  public ConnectionException(Kind kind, String message, Throwable cause) {
    super(message, cause);
    this.kind = kind;
    this.httpStatus = 0;
    this.httpReason = "";
  }

  public ConnectionException(Kind kind, String message) {
    super(message);
    this.kind = kind;
    this.httpStatus = 0;
    this.httpReason = "";
  }

  /**
   * The server answered with HTTP {@code httpStatus} (not 200) and its {@code httpReason} phrase
   * (perhaps empty): callers that must tell statuses apart (401 to ask for a login, 500 for a log
   * read supervisord could not encode) read it back.
   */
  public ConnectionException(Kind kind, String message, int httpStatus, String httpReason) {
    super(message);
    this.kind = kind;
    this.httpStatus = httpStatus;
    this.httpReason = httpReason;
  }

  public Kind kind() {
    return kind;
  }

  /** The HTTP status of a non-200 answer, or 0 when the failure was not such an answer. */
  public int httpStatus() {
    return httpStatus;
  }

  /** The reason phrase of that answer ({@code Unauthorized}), or "". */
  public String httpReason() {
    return httpReason;
  }
}
