package dev.tend.control.client;

import dev.tend.api.ConnectionException;
import java.io.IOException;

/**
 * The cause of a {@link ConnectionException} for an answer other than 200, keeping the status for
 * code that must tell them apart (supervisord answers 500 when a log read is not valid UTF-8).
 */
final class HttpStatusException extends IOException {
  private static final long serialVersionUID = 1L;

  private final int status;

  HttpStatusException(int status, String message) {
    super(message);
    this.status = status;
  }

  int status() {
    return status;
  }

  /** The HTTP status behind {@code e}, or 0 when it is not a non-200 answer. */
  static int statusOf(ConnectionException e) {
    return e.getCause() instanceof HttpStatusException h ? h.status : 0;
  }
}
