package dev.tend.control.server;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpException;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Error responses in medusa's words and layout (supervisord's HTTP server), for the errors tend
 * sends and for those Jetty raises itself (malformed requests, oversized headers): a small HTML
 * page with no server version, no stack trace and nothing of the request echoed back.
 */
final class ErrorPages implements Request.Handler {

  /** Writes the error page as the whole response. */
  static void send(Response response, Callback callback, int status) {
    byte[] body = body(status);
    response.setStatus(status);
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/html");
    response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
    response.write(true, ByteBuffer.wrap(body), callback);
  }

  /** 401 as supervisord sends it: a challenge for realm "default", and the connection closed. */
  static void sendUnauthorized(Response response, Callback callback) {
    response.getHeaders().put(HttpHeader.WWW_AUTHENTICATE, "Basic realm=\"default\"");
    response.getHeaders().put(HttpHeader.CONNECTION, "close");
    send(response, callback, HttpStatus.UNAUTHORIZED_401);
  }

  static byte[] body(int status) {
    String page =
        "<head>\r\n"
            + "<title>Error response</title>\r\n"
            + "</head>\r\n"
            + "<body>\r\n"
            + "<h1>Error response</h1>\r\n"
            + "<p>Error code "
            + status
            + ".\r\n"
            + "<p>Message: "
            + reason(status)
            + ".\r\n"
            + "</body>\r\n";
    return page.getBytes(StandardCharsets.US_ASCII);
  }

  private static String reason(int status) {
    String r = HttpStatus.getMessage(status);
    return r == null ? "Error" : r;
  }

  /** Jetty's own errors (set as the server's error handler). */
  @Override
  public boolean handle(Request request, Response response, Callback callback) {
    int status = response.getStatus();
    if (request.getAttribute(ErrorHandler.ERROR_EXCEPTION) instanceof HttpException e) {
      status = e.getCode();
    }
    if (status < 400 || status > 599) {
      status = HttpStatus.INTERNAL_SERVER_ERROR_500;
    }
    if (HttpStatus.hasNoBody(status) || "HEAD".equals(request.getMethod())) {
      response.setStatus(status);
      callback.succeeded();
      return true;
    }
    send(response, callback, status);
    return true;
  }
}
