package dev.tend.control.server;

import dev.tend.api.Fault;
import dev.tend.api.FaultException;
import dev.tend.control.xmlrpc.MethodCall;
import dev.tend.control.xmlrpc.XmlRpcEncoder;
import dev.tend.control.xmlrpc.XmlRpcLimits;
import dev.tend.control.xmlrpc.XmlRpcParseException;
import dev.tend.control.xmlrpc.XmlRpcParser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One XML-RPC exchange without HTTP: a request document in, a response document out. Any
 * well-formed call gets a {@code <methodResponse>} (a value or a fault); only a document that is
 * not an XML-RPC call at all is refused, with {@link XmlRpcParseException}, which HTTP answers with
 * 400 as supervisord does.
 */
final class RpcEndpoint {
  private static final Logger log = LoggerFactory.getLogger(RpcEndpoint.class);

  private final MethodTable table;
  private final XmlRpcLimits limits;

  RpcEndpoint(MethodTable table, XmlRpcLimits limits) {
    this.table = table;
    this.limits = limits;
  }

  byte[] handle(byte[] request, int length) throws XmlRpcParseException {
    return respond(parse(request, length));
  }

  MethodCall parse(byte[] request, int length) throws XmlRpcParseException {
    return XmlRpcParser.parseCall(request, 0, length, limits);
  }

  /** Whether the call waits for news as long as its caller asks (a closing server ends it). */
  boolean isLongPoll(MethodCall call) {
    return table.isLongPoll(call.methodName());
  }

  byte[] respond(MethodCall call) {
    String name = call.methodName();
    log.trace("XML-RPC method called: {}()", name);
    try {
      Object value = table.invoke(name, call.params());
      return XmlRpcEncoder.response(value);
    } catch (FaultException e) {
      log.trace("XML-RPC method {}() returned fault: [{}] {}", name, e.code(), e.faultString());
      return XmlRpcEncoder.fault(e.code(), e.faultString());
    } catch (IllegalArgumentException e) {
      // a value the encoder cannot carry: a bug here, not the caller's; answer rather than 500
      log.error("XML-RPC method {}() returned a value XML-RPC cannot carry", name, e);
      return XmlRpcEncoder.fault(Fault.FAILED.code(), "FAILED: cannot encode the result: " + e);
    }
  }
}
