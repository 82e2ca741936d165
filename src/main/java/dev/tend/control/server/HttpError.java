package dev.tend.control.server;

/**
 * A request the server turns away with a status line (and then closes the connection): malformed,
 * too large, too slow. {@code refusal} names the limit for the main log; the detail is for debug
 * logging only and never echoed to the client.
 */
final class HttpError extends Exception {
  private static final long serialVersionUID = 1L;

  private final int status;
  private final Refusal refusal;
  private final String detail;

  HttpError(Refusal refusal, String detail) {
    this(refusal.status(), refusal, detail);
  }

  HttpError(int status, Refusal refusal, String detail) {
    super(detail, null, false, false); // no stack trace: these are expected, and cheap to raise
    this.detail = detail;
    this.status = status;
    this.refusal = refusal;
  }

  /** A malformed request: 400. */
  static HttpError malformed(String detail) {
    return new HttpError(Refusal.MALFORMED, detail);
  }

  /** What was wrong, for debug logging (never sent to the client). */
  String detail() {
    return detail;
  }

  int status() {
    return status;
  }

  Refusal refusal() {
    return refusal;
  }
}
