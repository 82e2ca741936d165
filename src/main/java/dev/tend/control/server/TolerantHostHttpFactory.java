package dev.tend.control.server;

import org.eclipse.jetty.http.HostPortHttpField;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.internal.HttpConnection;

/**
 * Jetty's HTTP/1.x, accepting the empty {@code Host:} header that supervisorctl's {@code tail -f}
 * client sends over a unix socket (its URL has no host). Jetty refuses a blank Host with 400;
 * medusa, like most servers before RFC 7230, took it. A blank Host is read as {@code localhost},
 * which is what the stock XML-RPC client sends there; every other header passes untouched.
 *
 * <p>This reaches into {@code org.eclipse.jetty.server.internal}: the supervisorctl interop test
 * ({@code tail -f} over a unix socket) fails if a Jetty upgrade breaks it.
 */
final class TolerantHostHttpFactory extends HttpConnectionFactory {
  private static final HttpField LOCALHOST = new HostPortHttpField("localhost");

  TolerantHostHttpFactory(HttpConfiguration config) {
    super(config);
  }

  @Override
  public Connection newConnection(Connector connector, EndPoint endPoint) {
    HttpConnection connection =
        new HttpConnection(getHttpConfiguration(), connector, endPoint) {
          @Override
          protected RequestHandler newRequestHandler() {
            return new RequestHandler() {
              @Override
              public void parsedHeader(HttpField field) {
                super.parsedHeader(isBlankHost(field) ? LOCALHOST : field);
              }
            };
          }
        };
    connection.setTransferEncodingChunkMaxLength(getTransferEncodingChunkMaxLength());
    return configure(connection, connector, endPoint);
  }

  static boolean isBlankHost(HttpField field) {
    return field.getHeader() == HttpHeader.HOST
        && (field.getValue() == null || field.getValue().isBlank());
  }
}
