package dev.tend.control.server;

import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The front door of every listener: bounds the header count, checks basic auth when the listener
 * has it (before anything else, as supervisord wraps every handler), and routes by path as medusa
 * does: {@code /RPC2*} (POST only), {@code /logtail/*} and {@code /mainlogtail} (GET only), 404 for
 * other GETs and 400 for other methods. Non-blocking: the work of each request, which may wait for
 * the supervisor or for log output, runs on a virtual thread.
 */
final class ControlHandler extends Handler.Abstract.NonBlocking {
  private static final Logger log = LoggerFactory.getLogger(ControlHandler.class);

  /** What a route does with a request, on a virtual thread; it completes the callback. */
  @FunctionalInterface
  interface Route {
    void serve(Request request, Response response, Callback callback);
  }

  /** A known path asked with a method it does not take: 400, as medusa answers. */
  private static final Route BAD_METHOD =
      (request, response, callback) ->
          ErrorPages.send(response, callback, HttpStatus.BAD_REQUEST_400);

  private final Map<Connector, BasicAuth> auth;
  private final ServerLimits limits;
  private final Executor work;
  private final RequestDeadlines deadlines;
  private final Route rpc;
  private final Route logtail;
  private final Route mainLogtail;
  // Requests being served on virtual threads right now (waiting calls and streams included).
  private final AtomicInteger inFlight = new AtomicInteger();

  ControlHandler(
      Map<Connector, BasicAuth> auth,
      ServerLimits limits,
      Executor work,
      RequestDeadlines deadlines,
      Route rpc,
      Route logtail,
      Route mainLogtail) {
    this.auth = Map.copyOf(auth);
    this.limits = limits;
    this.work = work;
    this.deadlines = deadlines;
    this.rpc = rpc;
    this.logtail = logtail;
    this.mainLogtail = mainLogtail;
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) {
    Connection connection = request.getConnectionMetaData().getConnection();
    deadlines.handling(connection);
    Request.addCompletionListener(request, failure -> deadlines.handled(connection));
    if (request.getHeaders().size() > limits.maxHeaderCount()) {
      response.getHeaders().put(HttpHeader.CONNECTION, "close");
      ErrorPages.send(response, callback, HttpStatus.REQUEST_HEADER_FIELDS_TOO_LARGE_431);
      return true;
    }
    BasicAuth required = auth.get(request.getConnectionMetaData().getConnector());
    if (required != null) {
      switch (required.check(request.getHeaders().get(HttpHeader.AUTHORIZATION))) {
        case DENIED -> {
          ErrorPages.sendUnauthorized(response, callback);
          return true;
        }
        case MALFORMED -> {
          ErrorPages.send(response, callback, HttpStatus.BAD_REQUEST_400);
          return true;
        }
        case ALLOWED -> {}
      }
    }
    String method = request.getMethod();
    Route route = route(path(request), method);
    if (route == null) {
      boolean read = method.equals("GET") || method.equals("HEAD");
      ErrorPages.send(
          response, callback, read ? HttpStatus.NOT_FOUND_404 : HttpStatus.BAD_REQUEST_400);
      return true;
    }
    if (route == BAD_METHOD) {
      route.serve(request, response, callback);
      return true;
    }
    try {
      work.execute(
          () -> {
            inFlight.incrementAndGet();
            try {
              route.serve(request, response, callback);
            } catch (RuntimeException e) {
              // a bug, not bad input (routes answer that themselves): end the exchange with 500
              log.error("serving {} failed unexpectedly", request.getHttpURI().getPath(), e);
              callback.failed(e);
            } finally {
              inFlight.decrementAndGet();
            }
          });
    } catch (RejectedExecutionException e) {
      response.getHeaders().put(HttpHeader.CONNECTION, "close");
      ErrorPages.send(response, callback, HttpStatus.SERVICE_UNAVAILABLE_503);
    }
    return true;
  }

  private @Nullable Route route(String path, String method) {
    if (path.startsWith("/RPC2")) {
      return method.equals("POST") ? rpc : BAD_METHOD;
    }
    if (path.startsWith("/mainlogtail")) {
      return method.equals("GET") ? mainLogtail : BAD_METHOD;
    }
    if (path.startsWith("/logtail")) {
      return method.equals("GET") ? logtail : BAD_METHOD;
    }
    return null;
  }

  /** How many requests are being served now; for tests and for the thread measurements. */
  int inFlight() {
    return inFlight.get();
  }

  /** The decoded path (medusa unquotes it too), or the raw one when it does not decode. */
  static String path(Request request) {
    String decoded = request.getHttpURI().getDecodedPath();
    if (decoded != null) {
      return decoded;
    }
    String raw = request.getHttpURI().getPath();
    return raw == null ? "/" : raw;
  }
}
