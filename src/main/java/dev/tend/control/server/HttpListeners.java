package dev.tend.control.server;

import dev.tend.config.HttpAuth;
import dev.tend.config.InetHttpServerConfig;
import dev.tend.config.SupervisorConfig;
import dev.tend.config.UnixHttpServerConfig;
import dev.tend.core.MainLog;
import java.io.IOException;
import java.net.BindException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
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
 * requests. Jetty's platform threads are few and fixed: one selector per listener (accepting as
 * well), a small pool for I/O callbacks, and one scheduler.
 */
final class HttpListeners implements AutoCloseable {
  private static final MainLog log = MainLog.of(HttpListeners.class);

  private final Server server;
  private final ExecutorService work;
  private final List<UnixSocketFile> sockets;
  private final List<String> urls;

  private HttpListeners(
      Server server, ExecutorService work, List<UnixSocketFile> sockets, List<String> urls) {
    this.server = server;
    this.work = work;
    this.sockets = sockets;
    this.urls = urls;
  }

  /** Opens every listener of the config, or none: on failure everything opened is closed. */
  static HttpListeners open(
      SupervisorConfig config,
      RpcEndpoint rpc,
      ControlHandler.Route logtail,
      ServerLimits limits,
      Consumer<String> messages)
      throws ControlServerException {
    int listeners = config.unixHttpServers().size() + config.inetHttpServers().size();
    QueuedThreadPool pool = new QueuedThreadPool();
    pool.setName("tend-http");
    pool.setDaemon(true);
    pool.setReservedThreads(0);
    pool.setMinThreads(listeners + 1);
    pool.setMaxThreads(2 * listeners + 6);
    pool.setIdleTimeout(60_000);
    Server server = new Server(pool, new ScheduledExecutorScheduler("tend-http-timer", true), null);
    server.setStopTimeout(0);
    ExecutorService work =
        Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("tend-http-call-", 0).factory());
    RequestDeadlines deadlines =
        new RequestDeadlines(server.getScheduler(), limits.requestDeadline());
    HttpConnectionFactory http = new TolerantHostHttpFactory(httpConfiguration(limits));
    Map<Connector, BasicAuth> auth = new HashMap<>();
    List<UnixSocketFile> sockets = new ArrayList<>();
    List<Runnable> urlMakers = new ArrayList<>();
    List<String> urls = new ArrayList<>();
    try {
      for (UnixHttpServerConfig u : config.unixHttpServers()) {
        UnixSocketFile socket = new UnixSocketFile(u, messages);
        sockets.add(socket);
        UnixDomainServerConnector c = new UnixDomainServerConnector(server, 0, 1, http);
        c.setUnixDomainPath(socket.bindPath());
        c.setAcceptQueueSize(1024);
        add(server, c, u.auth(), u.section(), auth, deadlines, limits);
        urlMakers.add(() -> urls.add("unix://" + socket.target()));
      }
      for (InetHttpServerConfig i : config.inetHttpServers()) {
        ServerConnector c = new ServerConnector(server, 0, 1, http);
        c.setHost(i.host().isEmpty() ? null : i.host());
        c.setPort(i.port());
        c.setReuseAddress(true);
        c.setAcceptQueueSize(1024);
        add(server, c, i.auth(), i.section(), auth, deadlines, limits);
        urlMakers.add(() -> urls.add(httpUrl(i, c)));
      }
      server.addBean(deadlines);
      server.addBean(new NetworkConnectionLimit(limits.maxConnections(), server));
      server.setErrorHandler(new ErrorPages());
      server.setHandler(
          new ControlHandler(
              auth,
              limits,
              work,
              deadlines,
              new RpcExchange(rpc, limits),
              logtail,
              new MainLogStream(config.supervisord().logfile())));
      start(server);
      for (UnixSocketFile s : sockets) {
        s.publish();
      }
      urlMakers.forEach(Runnable::run);
      return new HttpListeners(server, work, sockets, List.copyOf(urls));
    } catch (ControlServerException | RuntimeException e) {
      new HttpListeners(server, work, sockets, List.of()).close();
      throw e;
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

  private static void add(
      Server server,
      AbstractConnector c,
      @Nullable HttpAuth credentials,
      String section,
      Map<Connector, BasicAuth> auth,
      RequestDeadlines deadlines,
      ServerLimits limits) {
    c.setIdleTimeout(limits.idleTimeout().toMillis());
    c.addBean(deadlines, false);
    server.addConnector(c);
    if (credentials != null) {
      auth.put(c, new BasicAuth(credentials));
    } else {
      log.critical("Server '" + section + "' running without any HTTP authentication checking");
    }
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

  /** Requests being served now. */
  int inFlight() {
    return server.getHandler() instanceof ControlHandler h ? h.inFlight() : 0;
  }

  /** {@code unix:///path} and {@code http://host:port}, in config order (unix first). */
  List<String> urls() {
    return urls;
  }

  /** Stops listening, ends every request in flight, removes the socket files. Any thread. */
  @Override
  public void close() {
    try {
      server.stop();
    } catch (Exception e) {
      log.warn("stopping the HTTP server: " + e);
    }
    work.shutdownNow(); // interrupts waiting calls and log streams
    for (UnixSocketFile s : sockets) {
      s.remove();
    }
  }
}
