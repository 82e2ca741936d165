package dev.tend.control.server;

import java.io.IOException;

/**
 * What answers requests for some paths, on the connection's virtual thread: it may block (wait for
 * the supervisor, for log output) and must answer exactly once through the {@link Exchange}.
 */
@FunctionalInterface
interface Route {
  /**
   * @throws HttpError to refuse the request with its status (before anything was answered)
   * @throws IOException when the client went away; the connection ends
   * @throws InterruptedException when the server closes during a wait; the connection ends
   */
  void serve(Exchange exchange) throws IOException, HttpError, InterruptedException;
}
