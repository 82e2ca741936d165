package dev.tend.control.server;

import dev.tend.api.SupervisorApi;
import dev.tend.config.SupervisorConfig;
import java.util.List;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * supervisord's control server for a {@link SupervisorApi}: XML-RPC on {@code /RPC2} (the {@code
 * supervisor.*} and {@code system.*} methods of supervisord 4.2.5 and tend's {@code tend.*}), and
 * the {@code /logtail} and {@code /mainlogtail} streams, on every {@code [unix_http_server]} and
 * {@code [inet_http_server]} of the config, with their basic auth.
 *
 * <p>The app starts one with {@link #start}, calls {@link #reopen} after the supervisor reloaded
 * its config (supervisord recreates its servers then too), and closes it at exit, which removes the
 * socket files. Thread-safe; {@link #reopen} and {@link #close} may be called from any thread, the
 * supervisor's loop included: they do not wait for calls in flight, which end with the connection.
 */
public final class ControlServer implements AutoCloseable {
  private final ServerLimits limits;
  private final Consumer<String> messages;
  private final FollowSessions follows;
  private final RpcEndpoint rpc;
  private final LogtailStream logtail;
  // Guarded by this: the listeners of the current config; null once closed.
  private @Nullable HttpListeners listeners;

  private ControlServer(
      SupervisorApi api, SupervisorConfig config, Consumer<String> messages, ServerLimits limits)
      throws ControlServerException {
    this.limits = limits;
    this.messages = messages;
    this.follows = new FollowSessions(api);
    this.rpc = new RpcEndpoint(MethodTable.of(api, follows), limits.xml());
    this.logtail = new LogtailStream(api);
    this.listeners = HttpListeners.open(config, rpc, logtail, limits, messages);
  }

  /**
   * Opens every listener of the config (none when it has no server section).
   *
   * @param messages told what supervisord writes to its standard error while opening ({@code
   *     Unlinking stale socket <file>}); log lines go to the main log
   * @throws ControlServerException when a listener cannot be opened; then none is open
   */
  public static ControlServer start(
      SupervisorApi api, SupervisorConfig config, Consumer<String> messages)
      throws ControlServerException {
    return start(api, config, messages, ServerLimits.DEFAULTS);
  }

  public static ControlServer start(
      SupervisorApi api, SupervisorConfig config, Consumer<String> messages, ServerLimits limits)
      throws ControlServerException {
    return new ControlServer(api, config, messages, limits);
  }

  /**
   * Closes the listeners and opens those of {@code config}. Log follows of {@code
   * tend.followProcessLog} survive, so clients continue where they were. On failure no listener is
   * open, and a later reopen may try again.
   */
  public synchronized void reopen(SupervisorConfig config) throws ControlServerException {
    if (listeners == null) {
      throw new IllegalStateException("the control server is closed");
    }
    listeners.close();
    listeners = HttpListeners.open(config, rpc, logtail, limits, messages);
  }

  /** Where clients reach the server: {@code unix:///path}, {@code http://host:port}. */
  public synchronized List<String> urls() {
    return listeners == null ? List.of() : listeners.urls();
  }

  /** Stops listening and removes the socket files; idempotent. */
  @Override
  public synchronized void close() {
    if (listeners != null) {
      listeners.close();
      listeners = null;
      follows.close();
    }
  }

  /** Requests being served right now (waiting calls and log streams included). */
  synchronized int inFlight() {
    return listeners == null ? 0 : listeners.inFlight();
  }
}
