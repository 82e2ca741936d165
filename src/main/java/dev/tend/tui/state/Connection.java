package dev.tend.tui.state;

import dev.tend.api.SupervisorApi;
import dev.tend.api.SupervisorState;
import org.jspecify.annotations.Nullable;

/**
 * What the console knows of the server, for the header.
 *
 * @param status whether the server answers
 * @param capabilities what it is (null until it first answered)
 * @param identification its {@code getIdentification}
 * @param daemonState the supervisor's own state from the last batch
 * @param lostReason why it stopped answering (empty while connected)
 * @param retryAt epoch millis of the next attempt while lost
 * @param lostSince epoch millis when it stopped answering (0 while connected)
 */
public record Connection(
    Status status,
    SupervisorApi.@Nullable Capabilities capabilities,
    String identification,
    @Nullable SupervisorState daemonState,
    String lostReason,
    long retryAt,
    long lostSince) {

  public enum Status {
    CONNECTING,
    CONNECTED,
    LOST
  }

  public static Connection connecting() {
    return new Connection(Status.CONNECTING, null, "", null, "", 0, 0);
  }

  public Connection connected(SupervisorApi.Capabilities caps, String ident) {
    return new Connection(Status.CONNECTED, caps, ident, daemonState, "", 0, 0);
  }

  /** Lost, retrying at {@code retry}; since the first failure, not the last retry. */
  public Connection lost(String reason, long retry, long now) {
    long since = status == Status.LOST && lostSince > 0 ? lostSince : now;
    return new Connection(
        Status.LOST, capabilities, identification, daemonState, reason, retry, since);
  }

  public Connection lost(String reason, long retry) {
    return lost(reason, retry, retry);
  }

  public Connection withDaemonState(SupervisorState s) {
    return new Connection(status, capabilities, identification, s, lostReason, retryAt, lostSince);
  }

  /** Why it does not answer, in full (the servers view's error), or that nothing is wrong. */
  public String problem() {
    return switch (status) {
      case LOST -> lostReason;
      case CONNECTING -> "connecting: no answer yet";
      case CONNECTED -> "connected: no error";
    };
  }
}
