package dev.tend.control.server;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;

/**
 * One request and its response, as a route sees them: the head, the body on demand, and one way to
 * answer (a whole response, an error page, or a stream). Keeps the HTTP rules a route should not
 * have to think of: {@code 100 Continue} before a body is read, keep-alive as the client asked and
 * as the framing allows, {@code HEAD} without a body, and closing the connection after a response
 * sent before the request's body was read. Used by the connection's thread only.
 */
final class Exchange {
  private final Connection connection;
  private final RequestHead request;
  private final String path;
  // Set once a final response head is out; a route answers once.
  private boolean responded;
  // The connection closes after this exchange (asked by the client or required by the framing).
  private boolean close;
  // The body was read (or there is none), so the next request starts where this one ended.
  private boolean bodyDone;
  // Budget held by the body read, given back by releaseBody() or finish().
  private long reserved;

  Exchange(Connection connection, RequestHead request) {
    this.connection = connection;
    this.request = request;
    this.path = request.path();
    this.close = !request.keepAlive;
    this.bodyDone = !request.hasBody();
  }

  RequestHead request() {
    return request;
  }

  String method() {
    return request.method;
  }

  String path() {
    return path;
  }

  @Nullable String header(String lowerCaseName) {
    return request.header(lowerCaseName);
  }

  /** The query string (without {@code ?}), not decoded. */
  String query() {
    return TargetPath.query(request.target);
  }

  boolean responded() {
    return responded;
  }

  /** The listener the request came in on. */
  Listener listener() {
    return connection.listener();
  }

  /**
   * Reads the whole body (after {@code 100 Continue} when the client waits for it). The bytes hold
   * part of the server's body budget until {@link #releaseBody} or the end of the exchange.
   */
  RequestInput.Body body() throws IOException, HttpError {
    if (bodyDone) {
      return new RequestInput.Body(new byte[0], 0, 0);
    }
    if (request.expectContinue) {
      connection.output().write(ByteBuffer.wrap(CONTINUE));
    }
    bodyDone = true;
    close = true; // until the body is read whole: a failed read leaves the framing unknown
    RequestInput.Body body = connection.input().readBody(request);
    close = !request.keepAlive;
    reserved = body.reserved();
    return body;
  }

  /** Gives back the body's share of the budget (the route no longer needs its bytes). */
  void releaseBody() {
    connection.connections().budget().release(reserved);
    reserved = 0;
  }

  /** The exchange will take long (a long-poll, a stream): a closing listener ends it at once. */
  void longRunning() {
    connection.longRunning();
  }

  /** Answers with a whole response. */
  void respond(int status, String contentType, byte[] body, String... extraHeaders)
      throws IOException {
    StringBuilder h = head(status, extraHeaders);
    h.append("Content-Type: ").append(contentType).append("\r\n");
    h.append("Content-Length: ").append(body.length).append("\r\n");
    byte[] headBytes = end(h);
    if (request.method.equals("HEAD")) {
      connection.output().write(ByteBuffer.wrap(headBytes));
    } else {
      connection.output().write(ByteBuffer.wrap(headBytes), ByteBuffer.wrap(body));
    }
  }

  /** medusa's error page; the connection stays open when the framing allows. */
  void error(int status, String... extraHeaders) throws IOException {
    respond(status, "text/html", ErrorPages.body(status), extraHeaders);
  }

  /** An error page, then the connection closes (the request is not worth reading further). */
  void refuse(int status, String... extraHeaders) throws IOException {
    close = true;
    error(status, extraHeaders);
  }

  /**
   * An error page that also says why in a sentence of the server's own (never words of the
   * request), then the connection closes.
   */
  void refuseSaying(int status, String why) throws IOException {
    close = true;
    respond(status, "text/html", ErrorPages.body(status, why));
  }

  /**
   * Starts an endless {@code 200} response (chunked for HTTP/1.1; for HTTP/1.0 raw bytes ended by
   * closing), its head written at once so the client sees it open.
   */
  ChunkedStream stream(String contentType, String... extraHeaders) throws IOException {
    boolean chunked = request.http11;
    if (!chunked) {
      close = true;
    }
    StringBuilder h = head(HttpStatus.OK, extraHeaders);
    h.append("Content-Type: ").append(contentType).append("\r\n");
    if (chunked) {
      h.append("Transfer-Encoding: chunked\r\n");
    }
    connection.output().write(ByteBuffer.wrap(end(h)));
    return new ChunkedStream(connection.output(), chunked);
  }

  /**
   * The response is endless and the connection closes after it: the client's side is watched
   * meanwhile, and its closing ends the route at once (interrupted, or its next write fails) rather
   * than at its next write, which a quiet log may not make for a long time.
   */
  void streamUntilClientGoes() {
    close = true;
    connection.longRunning();
    connection.watchClient();
  }

  private StringBuilder head(int status, String... extraHeaders) {
    if (responded) {
      throw new IllegalStateException("answered twice: " + request.method + " " + path);
    }
    responded = true;
    if (!bodyDone || connection.draining()) {
      close = true; // the unread body would be read as the next request
    }
    StringBuilder h = new StringBuilder(160);
    h.append(request.http11 ? "HTTP/1.1 " : "HTTP/1.0 ")
        .append(status)
        .append(' ')
        .append(HttpStatus.reason(status))
        .append("\r\n");
    h.append("Date: ").append(HttpDate.now()).append("\r\n");
    for (String x : extraHeaders) {
      h.append(x).append("\r\n");
    }
    if (close) {
      h.append("Connection: close\r\n");
    } else if (!request.http11) {
      h.append("Connection: keep-alive\r\n");
    }
    return h;
  }

  private static byte[] end(StringBuilder h) {
    return h.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1);
  }

  /** Ends the exchange: whether the connection may carry another request. */
  boolean finish() {
    releaseBody();
    return responded && !close && bodyDone;
  }

  private static final byte[] CONTINUE =
      "HTTP/1.1 100 Continue\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1);
}
