package dev.tend.control.server;

import dev.tend.control.xmlrpc.MethodCall;
import dev.tend.control.xmlrpc.XmlRpcParseException;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /RPC2}: refuses browsers' cross-site requests (403) and bodies that are not {@code
 * text/xml} (415), reads the body within its limits, runs the call, answers {@code text/xml}. A
 * document that is not an XML-RPC call is 400, as supervisord answers. A call that waits (start
 * with wait, a long-poll) waits on the connection's virtual thread; answers owed are counted so a
 * closing server lets them out first (the answer to {@code supervisor.shutdown} among them).
 */
final class RpcRoute implements Route {
  private static final Logger log = LoggerFactory.getLogger(RpcRoute.class);

  private final RpcEndpoint endpoint;
  private final PendingAnswers pending;

  RpcRoute(RpcEndpoint endpoint, PendingAnswers pending) {
    this.endpoint = endpoint;
    this.pending = pending;
  }

  @Override
  public void serve(Exchange ex) throws IOException, HttpError {
    String crossSite = BrowserGuard.crossSite(ex);
    if (crossSite != null) {
      log.debug("XML-RPC request refused: cross-site ({})", crossSite);
      ex.refuseSaying(HttpStatus.FORBIDDEN, BrowserGuard.CROSS_SITE_REFUSED);
      return;
    }
    if (!BrowserGuard.xmlBody(ex)) {
      ex.refuseSaying(HttpStatus.UNSUPPORTED_MEDIA_TYPE, BrowserGuard.NOT_XML_REFUSED);
      return;
    }
    RequestInput.Body body = ex.body();
    MethodCall call;
    try {
      call = endpoint.parse(body.bytes(), body.length());
    } catch (XmlRpcParseException e) {
      log.debug("XML-RPC request refused: {}", e.getMessage());
      ex.error(HttpStatus.BAD_REQUEST);
      return;
    } finally {
      ex.releaseBody();
    }
    if (endpoint.isLongPoll(call)) {
      ex.longRunning();
      ex.respond(HttpStatus.OK, "text/xml", endpoint.respond(call));
      return;
    }
    pending.begin();
    try {
      ex.respond(HttpStatus.OK, "text/xml", endpoint.respond(call));
    } finally {
      pending.end();
    }
  }
}
