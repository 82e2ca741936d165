package dev.tend.control.client;

import java.io.IOException;

/** The server answered, but not in HTTP/1.x as this client reads it. */
final class HttpProtocolException extends IOException {
  private static final long serialVersionUID = 1L;

  HttpProtocolException(String message) {
    super(message);
  }
}
