package dev.tend.control.server;

import dev.tend.api.SupervisorApi;
import dev.tend.config.SupervisorConfig;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * supervisord's control server for a {@link SupervisorApi}: XML-RPC on {@code /RPC2} (the {@code
 * supervisor.*} and {@code system.*} methods of supervisord 4.2.5 and tend's {@code tend.*}), the
 * {@code /logtail} and {@code /mainlogtail} streams, and tend's streaming follow, on every {@code
 * [unix_http_server]} and {@code [inet_http_server]} of the config, with their basic auth.
 *
 * <p>The app starts one with {@link #start}, calls {@link #reopen} after the supervisor reloaded
 * its config (listeners whose section did not change stay open through it), and closes it at exit,
 * which removes the socket files. A {@link Watchdog} reopens a listener that fails or whose socket
 * file is removed or replaced, as soon as that happens, and wakes for nothing else. Thread-safe;
 * {@link #reopen} and {@link #close} may be called from any thread but the core's loop (closing
 * waits up to 2 s for answers owed, which the loop may be computing).
 */
public final class ControlServer implements AutoCloseable {
  private static final Duration DRAIN = Duration.ofSeconds(2);

  private final FollowSessions follows;
  private final MainLogStream mainLog;
  private final Connections connections;
  private final RefusalLog refusals;
  private final HttpListeners listeners;
  private final Watchdog watchdog;
  // Set once by close().
  private volatile boolean closed;

  private ControlServer(
      SupervisorApi api,
      SupervisorConfig config,
      Consumer<String> messages,
      ServerLimits limits,
      @Nullable Route pages) {
    this.follows = new FollowSessions(api);
    this.mainLog = new MainLogStream(config.supervisord().logfile());
    // the log and the listeners poke the watchdog, which is made after them; neither does before
    // start() opens the listeners
    this.refusals = new RefusalLog(limits, System::nanoTime, this::pokeWatchdog);
    PendingAnswers pending = new PendingAnswers();
    RpcEndpoint rpc = new RpcEndpoint(MethodTable.of(api, follows), limits.xml());
    Router router =
        new Router(
            new RpcRoute(rpc, pending),
            new LogtailStream(api),
            mainLog,
            new FollowStream(follows),
            pages);
    this.connections = new Connections(limits, router, refusals, pending);
    this.listeners = new HttpListeners(connections, messages, this::pokeWatchdog);
    this.watchdog = new Watchdog(listeners, refusals);
  }

  /**
   * Opens every listener of the config (none when it has no server section), with the web status
   * page ({@link WebPages}) behind the same auth as XML-RPC.
   *
   * @param messages told what supervisord writes to its standard error while opening ({@code
   *     Unlinking stale socket <file>}); log lines go to the main log
   * @throws ControlServerException when a listener cannot be opened; then none is open
   */
  public static ControlServer start(
      SupervisorApi api, SupervisorConfig config, Consumer<String> messages)
      throws ControlServerException {
    return start(api, config, messages, ServerLimits.DEFAULTS, new WebPages(api));
  }

  /** The same with the given limits and without the web page (its paths answer 404). */
  public static ControlServer start(
      SupervisorApi api, SupervisorConfig config, Consumer<String> messages, ServerLimits limits)
      throws ControlServerException {
    return start(api, config, messages, limits, null);
  }

  /**
   * The same, with a route for the web pages ({@link Router#isPage}): served on the same listeners,
   * behind the same auth.
   */
  static ControlServer start(
      SupervisorApi api,
      SupervisorConfig config,
      Consumer<String> messages,
      ServerLimits limits,
      @Nullable Route pages)
      throws ControlServerException {
    ControlServer s = new ControlServer(api, config, messages, limits, pages);
    try {
      s.listeners.reconcile(config);
    } catch (ControlServerException | RuntimeException e) {
      s.close();
      throw e;
    }
    s.watchdog.start();
    return s;
  }

  /**
   * Moves to the listeners of {@code config}: those whose section is unchanged stay open with their
   * connections; the others close (their connections end after the answer they are writing;
   * long-polls and streams at once) and the new ones open. Log follows survive, so clients continue
   * where they were.
   *
   * @throws ControlServerException when a new listener cannot be opened; the others stay as they
   *     are, and a later reopen may try again
   */
  public void reopen(SupervisorConfig config) throws ControlServerException {
    if (closed) {
      throw new IllegalStateException("the control server is closed");
    }
    mainLog.logfile(config.supervisord().logfile());
    try {
      listeners.reconcile(config);
    } finally {
      watchdog.poke(); // the socket files to watch may have changed
    }
  }

  /** Where clients reach the server: {@code unix:///path}, {@code http://host:port}. */
  public List<String> urls() {
    return closed ? List.of() : listeners.urls();
  }

  /**
   * Stops listening and removes the socket files, lets the answers owed go out (at most 2 s), then
   * ends every connection; idempotent.
   */
  @Override
  public void close() {
    synchronized (this) {
      if (closed) {
        return;
      }
      closed = true;
    }
    watchdog.close();
    listeners.close();
    connections.close(DRAIN);
    follows.close();
  }

  /** Requests being served right now (waiting calls and log streams included). */
  int inFlight() {
    return connections.inFlight();
  }

  /** Open connections (for tests). */
  int connections() {
    return connections.size();
  }

  /** Requests read since the server started (for tests). */
  long requests() {
    return connections.requests();
  }

  /** The listener serving {@code url} now, or null (for tests). */
  @Nullable Listener listener(String url) {
    return listeners.find(url);
  }

  Watchdog watchdog() {
    return watchdog;
  }

  /** Deadline sweeps so far (for tests). */
  long deadlineSweeps() {
    return connections.sweeps();
  }

  /** Open connections waiting for a request (for tests). */
  int idleConnections() {
    return connections.idle();
  }

  private void pokeWatchdog() {
    watchdog.poke();
  }
}
