package dev.tend.control.server;

import dev.tend.config.HttpAuth;
import dev.tend.config.InetHttpServerConfig;
import dev.tend.config.SupervisorConfig;
import dev.tend.config.UnixHttpServerConfig;
import dev.tend.core.MainLog;
import java.io.IOException;
import java.net.BindException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.eclipse.jetty.server.AbstractConnector;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.NetworkConnectionLimit;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.unixdomain.server.UnixDomainServerConnector;
import org.eclipse.jetty.util.HostPort;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.eclipse.jetty.util.thread.ScheduledExecutorScheduler;
import org.jspecify.annotations.Nullable;

/**
 * One generation of listeners: a Jetty server with a connector per {@code [unix_http_server]} and
 * {@code [inet_http_server]} of a config, its socket files, and the virtual threads that serve its
 * requests. Jetty's platform threads are few and bounded: one selector per listener (accepting as
 * well), a small pool for I/O callbacks, and one timer. A config without server sections opens
 * nothing and costs no thread.
 */
final class HttpListeners implements AutoCloseable {
  private static final MainLog log = MainLog.of(HttpListeners.class);
  private static final Duration DRAIN = Duration.ofSeconds(2);

  // Null when the config has no server section.
  private final @Nullable Server server;
  private final ExecutorService work;
  private final PendingAnswers pending = new PendingAnswers();
  // Filled while opening, then only read.
  private final List<UnixSocketFile> sockets = new ArrayList<>();
  private final Map<Connector, BasicAuth> auth = new HashMap<>();
  private final List<Supplier<String>> urls = new ArrayList<>();

  private HttpListeners(@Nullable Server server) {
    this.server = server;
    this.work =
        Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("tend-http-call-", 0).factory());
  }

  /** Opens every listener of the config, or none: on failure everything opened is closed. */
  static HttpListeners open(
      SupervisorConfig config,
      RpcEndpoint rpc,
      ControlHandler.Route logtail,
      ServerLimits limits,
      Consumer<String> messages)
      throws ControlServerException {
    int count = config.unixHttpServers().size() + config.inetHttpServers().size();
    if (count == 0) {
      return new HttpListeners(null);
    }
    Server server = newServer(count);
    HttpListeners l = new HttpListeners(server);
    try {
      RequestDeadlines deadlines =
          new RequestDeadlines(server.getScheduler(), limits.requestDeadline());
      l.addConnectors(config, limits, messages, deadlines);
      server.addBean(deadlines);
      server.addBean(new NetworkConnectionLimit(limits.maxConnections(), server));
      server.setErrorHandler(new ErrorPages());
      server.setHandler(
          new ControlHandler(
              l.auth,
              limits,
              l.work,
              deadlines,
              new RpcExchange(rpc, limits, l.pending),
              logtail,
              new MainLogStream(config.supervisord().logfile())));
      start(server);
      for (UnixSocketFile s : l.sockets) {
        s.publish();
      }
      return l;
    } catch (ControlServerException | RuntimeException e) {
      l.close();
      throw e;
    }
  }

  private static Server newServer(int listeners) {
    skipJettyMemoryProbe();
    QueuedThreadPool pool = new QueuedThreadPool();
    pool.setName("tend-http");
    pool.setDaemon(true);
    pool.setReservedThreads(0);
    pool.setMinThreads(listeners + 1);
    pool.setMaxThreads(2 * listeners + 6);
    pool.setIdleTimeout(60_000);
    Server server = new Server(pool, new ScheduledExecutorScheduler("tend-http-timer", true), null);
    server.setStopTimeout(0);
    return server;
  }

  private void addConnectors(
      SupervisorConfig config,
      ServerLimits limits,
      Consumer<String> messages,
      RequestDeadlines deadlines)
      throws ControlServerException {
    Server s = java.util.Objects.requireNonNull(server);
    HttpConnectionFactory http = new TolerantHostHttpFactory(httpConfiguration(limits));
    for (UnixHttpServerConfig u : config.unixHttpServers()) {
      UnixSocketFile socket = new UnixSocketFile(u, messages);
      sockets.add(socket);
      UnixDomainServerConnector c = new UnixDomainServerConnector(s, 0, 1, http);
      c.setUnixDomainPath(socket.bindPath());
      c.setAcceptQueueSize(1024);
      add(c, u.auth(), u.section(), deadlines, limits);
      urls.add(() -> "unix://" + socket.target());
    }
    for (InetHttpServerConfig i : config.inetHttpServers()) {
      ServerConnector c = new ServerConnector(s, 0, 1, http);
      c.setHost(i.host().isEmpty() ? null : i.host());
      c.setPort(i.port());
      c.setReuseAddress(true);
      c.setAcceptQueueSize(1024);
      add(c, i.auth(), i.section(), deadlines, limits);
      urls.add(() -> httpUrl(i, c));
    }
  }

  private void add(
      AbstractConnector c,
      @Nullable HttpAuth credentials,
      String section,
      RequestDeadlines deadlines,
      ServerLimits limits) {
    c.setIdleTimeout(limits.idleTimeout().toMillis());
    c.addBean(deadlines, false);
    java.util.Objects.requireNonNull(server).addConnector(c);
    if (credentials != null) {
      auth.put(c, new BasicAuth(credentials));
    } else {
      log.critical("Server '" + section + "' running without any HTTP authentication checking");
    }
  }

  /**
   * Jetty sizes some padding by references per cache line, and unless told it asks the platform
   * MBean server whether oops are compressed: that starts JMX and its diagnostic commands, 400
   * classes, a third of a second of CPU and 4 MiB for a hint. Compressed (4-byte) references in
   * 64-byte lines make 16; a wrong guess only costs a little padding.
   */
  private static void skipJettyMemoryProbe() {
    String key = "org.eclipse.jetty.util.referencesPerCacheLine";
    if (System.getProperty(key) == null) {
      System.setProperty(key, "16");
    }
  }

  private static HttpConfiguration httpConfiguration(ServerLimits limits) {
    HttpConfiguration hc = new HttpConfiguration();
    hc.setSendServerVersion(false);
    hc.setSendXPoweredBy(false);
    hc.setRequestHeaderSize(limits.maxHeaderBytes());
    hc.setResponseHeaderSize(8 * 1024);
    hc.setIdleTimeout(limits.idleTimeout().toMillis());
    // an HTTP/1.0 request without Host over a unix socket has no authority to fall back on
    hc.setServerAuthority(new HostPort("localhost"));
    return hc;
  }

  private static String httpUrl(InetHttpServerConfig config, ServerConnector c) {
    String host = config.host().isEmpty() ? "localhost" : config.host();
    if (host.indexOf(':') >= 0) {
      host = "[" + host + "]";
    }
    return "http://" + host + ":" + c.getLocalPort();
  }

  private static void start(Server server) throws ControlServerException {
    try {
      server.start();
    } catch (Exception e) {
      for (Throwable t = e; t != null; t = t.getCause()) {
        if (t instanceof BindException && String.valueOf(t.getMessage()).contains("in use")) {
          throw new ControlServerException(
              ControlServerException.Kind.ADDRESS_IN_USE,
              ControlServerException.ADDRESS_IN_USE_MESSAGE,
              e);
        }
      }
      String reason = e instanceof IOException io ? UnixSocketFile.describe(io) : e.toString();
      throw new ControlServerException(
          ControlServerException.Kind.CANNOT_OPEN, "Cannot open an HTTP server: " + reason, e);
    }
  }

  /** {@code unix:///path} and {@code http://host:port}, in config order (unix first). */
  List<String> urls() {
    return urls.stream().map(Supplier::get).toList();
  }

  /** Requests being served now. */
  int inFlight() {
    return server != null && server.getHandler() instanceof ControlHandler h ? h.inFlight() : 0;
  }

  /**
   * Lets the answers already owed go out (at most {@link #DRAIN}), then stops listening, ends every
   * request still in flight (long-polls, log streams), removes the socket files. Any thread but one
   * that the calls being answered need (the core's loop).
   */
  @Override
  public void close() {
    if (server != null) {
      try {
        if (!pending.awaitNone(DRAIN)) {
          log.warn("closing the HTTP server with answers still being written");
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      try {
        server.stop();
      } catch (Exception e) {
        log.warn("stopping the HTTP server: " + e);
      }
    }
    work.shutdownNow(); // interrupts waiting calls and log streams
    for (UnixSocketFile s : sockets) {
      s.remove();
    }
  }
}
