package dev.tend.platform;

import java.util.function.Consumer;

/**
 * Connection checks of tend's readiness and health probes: a TCP connect, or an HTTP/1.1 GET whose
 * status line is read. Each check ends exactly once, with its {@link Outcome}, by its deadline at
 * the latest. Thread-safe; the callback runs on the checks' own thread and must return quickly.
 */
public interface NetworkChecks extends AutoCloseable {

  /** The result of one check; {@code message} says what happened ({@code connection refused}). */
  record Outcome(boolean ok, String message) {}

  /**
   * Success when a TCP connection to {@code host:port} is accepted within {@code timeoutMillis}.
   */
  void connect(String host, int port, long timeoutMillis, Consumer<Outcome> done);

  /**
   * Success when {@code GET path} on {@code host:port} answers a 2xx or 3xx status within {@code
   * timeoutMillis}; only the status line is read.
   */
  void httpGet(String host, int port, String path, long timeoutMillis, Consumer<Outcome> done);

  @Override
  void close();

  /** No network: every check fails at once (a core built without one, in tests). */
  NetworkChecks NONE =
      new NetworkChecks() {
        @Override
        public void connect(String host, int port, long timeoutMillis, Consumer<Outcome> done) {
          done.accept(new Outcome(false, "no network checks in this supervisor"));
        }

        @Override
        public void httpGet(
            String host, int port, String path, long timeoutMillis, Consumer<Outcome> done) {
          done.accept(new Outcome(false, "no network checks in this supervisor"));
        }

        @Override
        public void close() {}
      };
}
