package dev.tend.control.client;

import dev.tend.api.ConnectionException;
import dev.tend.api.ConnectionException.Kind;
import dev.tend.api.LogFollow;
import dev.tend.api.LogListener;
import dev.tend.control.client.ssh.SshConnections;
import dev.tend.control.xmlrpc.MethodResponse;
import dev.tend.control.xmlrpc.XmlRpcEncoder;
import dev.tend.control.xmlrpc.XmlRpcLimits;
import dev.tend.control.xmlrpc.XmlRpcParseException;
import dev.tend.control.xmlrpc.XmlRpcParser;
import java.io.EOFException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * XML-RPC over HTTP/1.1 to one server ({@code POST /RPC2}), on a unix socket or TCP, with basic
 * auth and a small keep-alive pool; safe to use from several threads at once. Also opens the
 * endless chunked {@code GET /logtail/...} streams supervisord serves for {@code tail -f}.
 *
 * <p>Errors: a fault the server sent is a {@link dev.tend.api.FaultException}; anything else is a
 * {@link ConnectionException} whose kind says what supervisorctl would have said (refused, no such
 * socket file, 401, not HTTP or not XML-RPC, I/O).
 */
public final class XmlRpcClient implements AutoCloseable {
  private final ServerUrl url;
  private final ClientSettings settings;
  private final ConnectionPool pool;
  private final XmlRpcLimits limits;
  // request headers up to Content-Length's value; made once the route knows the server
  private volatile byte @Nullable [] headTemplate;

  /** A client of a {@code unix://} or {@code http://} server. */
  public XmlRpcClient(ServerUrl url, ClientSettings settings) {
    this(url, settings, Route.direct(url));
  }

  /** A client of any server; {@code ssh://} ones through {@code ssh}. */
  public XmlRpcClient(ServerUrl url, ClientSettings settings, SshConnections ssh) {
    this(url, settings, url.isSsh() ? new SshRoute(url, ssh) : Route.direct(url));
  }

  private XmlRpcClient(ServerUrl url, ClientSettings settings, Route route) {
    this.url = url;
    this.settings = settings;
    this.pool =
        new ConnectionPool(
            url,
            route,
            ClientSettings.millis(settings.connectTimeout()),
            settings.maxIdleConnections());
    this.limits =
        new XmlRpcLimits(
            settings.maxResponseBytes(),
            XmlRpcLimits.RESPONSES.maxDepth(),
            XmlRpcLimits.RESPONSES.maxElements(),
            (int) Math.min(settings.maxResponseBytes(), XmlRpcLimits.RESPONSES.maxStringLength()));
  }

  /** The request headers up to Content-Length's value, once a connection is open. */
  private byte[] headTemplate() {
    byte[] h = headTemplate;
    if (h == null) {
      h =
          ("POST /RPC2 HTTP/1.1\r\n"
                  + commonHeaders()
                  + "Content-Type: text/xml\r\nContent-Length: ")
              .getBytes(StandardCharsets.ISO_8859_1);
      headTemplate = h; // racing threads make the same bytes
    }
    return h;
  }

  public ServerUrl url() {
    return url;
  }

  public ClientSettings settings() {
    return settings;
  }

  /** Calls {@code methodName}, waiting for the answer up to the read timeout. */
  public Object call(String methodName, Object... params) {
    return call(settings.readTimeout(), methodName, List.of(params));
  }

  /**
   * Calls {@code methodName}, waiting up to {@code timeout} between answer bytes ({@link
   * Duration#ZERO}: for ever).
   */
  public Object call(Duration timeout, String methodName, List<?> params) {
    byte[] answer = post(XmlRpcEncoder.call(methodName, params), timeout, methodName);
    MethodResponse response;
    try {
      response = XmlRpcParser.parseResponse(answer, limits);
    } catch (XmlRpcParseException e) {
      throw new ConnectionException(
          Kind.PROTOCOL,
          "malformed XML-RPC answer from " + url + " to " + methodName + ": " + e.getMessage(),
          e);
    }
    return response.valueOrThrow();
  }

  /**
   * Sends {@code calls} in one {@code system.multicall}; the server runs them in order. Each result
   * is the bare value (as supervisord returns it) or that call's fault.
   */
  public List<CallResult> multicall(List<Call> calls) {
    return multicall(settings.readTimeout(), calls);
  }

  public List<CallResult> multicall(Duration timeout, List<Call> calls) {
    List<Object> wire = new ArrayList<>(calls.size());
    for (Call c : calls) {
      Map<String, Object> struct = new LinkedHashMap<>(4);
      struct.put("methodName", c.methodName());
      struct.put("params", c.params());
      wire.add(struct);
    }
    Object answer = call(timeout, "system.multicall", List.of(wire));
    if (!(answer instanceof List<?> results) || results.size() != calls.size()) {
      throw new ConnectionException(
          Kind.PROTOCOL,
          "system.multicall of " + calls.size() + " calls answered " + WireValues.describe(answer));
    }
    List<CallResult> out = new ArrayList<>(results.size());
    for (Object r : results) {
      if (r instanceof Map<?, ?> m
          && m.size() == 2
          && m.get("faultCode") instanceof Integer code
          && m.get("faultString") instanceof String text) {
        out.add(CallResult.ofFault(code, text));
      } else {
        out.add(CallResult.ofValue(r));
      }
    }
    return out;
  }

  /**
   * Opens an endless {@code GET} stream such as {@code /logtail/web/stderr} and hands its bytes to
   * {@code listener} on a thread of its own until {@link LogFollow#close} or the stream ends;
   * {@link LogListener#onClosed} is called exactly once either way.
   *
   * @param path already percent-encoded where needed
   * @throws ConnectionException when the server cannot be reached or does not answer 200 (404: no
   *     such process or no log file yet)
   */
  public LogFollow stream(String path, LogListener listener) {
    OpenStream s = openStream(path, settings.readTimeout());
    return HttpStream.start(s.connection(), s.response(), listener, path);
  }

  /** An endless response being read: its connection and the response whose body is the stream. */
  record OpenStream(HttpConnection connection, HttpResponse response) implements AutoCloseable {
    @Override
    public void close() {
      connection.close();
    }
  }

  /**
   * Sends {@code GET path} on a new connection and reads the response head; the caller reads the
   * body, waiting up to {@code readTimeout} for each piece ({@link Duration#ZERO}: for ever).
   *
   * @throws ConnectionException when the server cannot be reached or does not answer 200
   */
  OpenStream openStream(String path, Duration readTimeout) {
    HttpConnection c = pool.open();
    try {
      byte[] head =
          ("GET " + path + " HTTP/1.1\r\n" + commonHeaders() + "\r\n")
              .getBytes(StandardCharsets.ISO_8859_1);
      c.write(
          new ByteBuffer[] {ByteBuffer.wrap(head)}, ClientSettings.millis(settings.readTimeout()));
      HttpResponse response = HttpResponse.read(c, ClientSettings.millis(readTimeout));
      if (response.status() != 200) {
        throw statusError(response, "GET " + path);
      }
      return new OpenStream(c, response);
    } catch (IOException e) {
      c.close();
      throw pool.route().explain(ioError(e, "GET " + path), e);
    } catch (RuntimeException e) {
      c.close();
      throw e;
    }
  }

  /** Connections opened so far (tests check keep-alive with it). */
  int connectionsOpened() {
    return pool.opened();
  }

  @Override
  public void close() {
    pool.close();
  }

  /** Sends one request, retrying once on a fresh connection if a pooled one turned out dead. */
  private byte[] post(byte[] body, Duration timeout, String what) {
    int timeoutMillis = ClientSettings.millis(timeout);
    int sendMillis = ClientSettings.millis(settings.readTimeout());
    ByteBuffer length =
        ByteBuffer.wrap((body.length + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
    for (int attempt = 0; ; attempt++) {
      HttpConnection pooled = attempt == 0 ? pool.takeIdle() : null;
      HttpConnection c = pooled != null ? pooled : pool.open();
      ByteBuffer[] request = {ByteBuffer.wrap(headTemplate()), length, ByteBuffer.wrap(body)};
      HttpResponse response = null;
      try {
        for (ByteBuffer b : request) {
          b.rewind();
        }
        c.write(request, sendMillis);
        response = HttpResponse.read(c, timeoutMillis);
        if (response.status() != 200) {
          throw statusError(response, what);
        }
        byte[] answer = response.readBody(settings.maxResponseBytes());
        if (response.reusable()) {
          pool.release(c);
        } else {
          c.close();
        }
        return answer;
      } catch (IOException e) {
        c.close();
        // a kept-alive connection the server had closed fails before any answer: try a new one;
        // not after a timeout or an interrupt, nor when the server answered garbage
        boolean stale =
            pooled != null
                && response == null
                && !(e instanceof InterruptedIOException)
                && !(e instanceof HttpProtocolException);
        if (!stale) {
          throw response == null ? pool.route().explain(ioError(e, what), e) : ioError(e, what);
        }
      } catch (RuntimeException e) {
        c.close();
        throw e;
      }
    }
  }

  private ConnectionException statusError(HttpResponse response, String what) {
    int status = response.status();
    String text = "HTTP " + status + (response.reason().isEmpty() ? "" : " " + response.reason());
    if (status == 401) {
      return new ConnectionException(
          Kind.UNAUTHORIZED,
          url + " requires authentication (" + text + " to " + what + ")",
          status,
          response.reason());
    }
    return new ConnectionException(
        Kind.PROTOCOL, url + " answered " + text + " to " + what, status, response.reason());
  }

  private ConnectionException ioError(IOException e, String what) {
    if (e instanceof HttpProtocolException) {
      return new ConnectionException(
          Kind.PROTOCOL, url + " answered " + what + " outside HTTP: " + e.getMessage(), e);
    }
    if (e instanceof SocketTimeoutException) {
      return new ConnectionException(Kind.IO, e.getMessage() + " to " + what, e);
    }
    if (e instanceof EOFException) {
      return new ConnectionException(
          Kind.IO, url + " closed the connection during " + what + ": " + e.getMessage(), e);
    }
    return new ConnectionException(
        Kind.IO, url + ": " + HttpConnection.describe(e) + " during " + what, e);
  }

  private String commonHeaders() {
    StringBuilder h = new StringBuilder(160);
    Route route = pool.route();
    h.append("Host: ").append(route.hostHeader()).append("\r\n");
    h.append("User-Agent: tend\r\n");
    h.append("Accept: text/xml\r\n");
    String user = settings.hasCredentials() ? settings.username() : route.username();
    String pass = settings.hasCredentials() ? settings.password() : route.password();
    if (user != null && pass != null) {
      String pair = user + ":" + pass;
      h.append("Authorization: Basic ")
          .append(Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8)))
          .append("\r\n");
    }
    return h.toString();
  }
}
