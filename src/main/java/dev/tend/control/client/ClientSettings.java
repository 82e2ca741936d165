package dev.tend.control.client;

import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * How the client talks to a server: credentials and timeouts. {@link Duration#ZERO} as a timeout
 * means no limit.
 *
 * @param username with {@code password}, sent as HTTP basic auth (only when both are set, as
 *     supervisorctl does)
 * @param connectTimeout for establishing a connection
 * @param readTimeout how long a call may go without an answer byte; also bounds sending
 * @param waitTimeout the same for calls that wait for processes ({@code wait=true}): supervisord
 *     answers those only when the processes got there, after {@code startsecs} or {@code
 *     stopwaitsecs}; supervisorctl waits for ever, and so does the default
 * @param maxIdleConnections keep-alive connections kept open between calls
 * @param maxResponseBytes the largest answer accepted (a whole log read at once can be big)
 * @param followInterval how soon after a call that brought little a pushed log follow calls again,
 *     so that a trickling log's lines gather on the server meanwhile: {@link Duration#ZERO} (the
 *     default) hands each write over as it arrives, as {@code tail -f} wants; the console, which
 *     draws a frame at most every 40 ms, takes 40 ms and so costs at most 25 calls a second per
 *     pane
 */
public record ClientSettings(
    @Nullable String username,
    @Nullable String password,
    Duration connectTimeout,
    Duration readTimeout,
    Duration waitTimeout,
    int maxIdleConnections,
    long maxResponseBytes,
    Duration followInterval) {

  public ClientSettings {
    requireNotNegative(connectTimeout, "connectTimeout");
    requireNotNegative(readTimeout, "readTimeout");
    requireNotNegative(waitTimeout, "waitTimeout");
    requireNotNegative(followInterval, "followInterval");
    if (maxIdleConnections < 0) {
      throw new IllegalArgumentException(
          "maxIdleConnections must be >= 0, got " + maxIdleConnections);
    }
    if (maxResponseBytes < 1) {
      throw new IllegalArgumentException("maxResponseBytes must be >= 1, got " + maxResponseBytes);
    }
  }

  /** No credentials; 10 s to connect, 60 s per answer, no limit when waiting for processes. */
  public static ClientSettings defaults() {
    return new ClientSettings(
        null,
        null,
        Duration.ofSeconds(10),
        Duration.ofSeconds(60),
        Duration.ZERO,
        4,
        512L << 20,
        Duration.ZERO);
  }

  public ClientSettings withCredentials(@Nullable String user, @Nullable String pass) {
    return new ClientSettings(
        user,
        pass,
        connectTimeout,
        readTimeout,
        waitTimeout,
        maxIdleConnections,
        maxResponseBytes,
        followInterval);
  }

  public ClientSettings withTimeouts(Duration connect, Duration read, Duration wait) {
    return new ClientSettings(
        username,
        password,
        connect,
        read,
        wait,
        maxIdleConnections,
        maxResponseBytes,
        followInterval);
  }

  public ClientSettings withFollowInterval(Duration interval) {
    return new ClientSettings(
        username,
        password,
        connectTimeout,
        readTimeout,
        waitTimeout,
        maxIdleConnections,
        maxResponseBytes,
        interval);
  }

  /** Basic auth is sent only when both parts are set. */
  boolean hasCredentials() {
    return username != null && password != null;
  }

  /** A timeout in milliseconds, 0 only for {@link Duration#ZERO} (no limit). */
  static int millis(Duration d) {
    if (d.isZero()) {
      return 0;
    }
    return (int) Math.max(1, Math.min(Integer.MAX_VALUE, d.toMillis()));
  }

  private static void requireNotNegative(Duration d, String name) {
    if (d.isNegative()) {
      throw new IllegalArgumentException(name + " must not be negative, got " + d);
    }
  }

  @Override
  public String toString() {
    // never show the password
    return "ClientSettings[username="
        + username
        + ", password="
        + (password == null ? "null" : "***")
        + ", connectTimeout="
        + connectTimeout
        + ", readTimeout="
        + readTimeout
        + ", waitTimeout="
        + waitTimeout
        + ", maxIdleConnections="
        + maxIdleConnections
        + ", maxResponseBytes="
        + maxResponseBytes
        + ", followInterval="
        + followInterval
        + "]";
  }
}
