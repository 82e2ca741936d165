package dev.tend.control.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tend.api.FaultException;
import dev.tend.control.xmlrpc.MethodResponse;
import dev.tend.control.xmlrpc.XmlRpcEncoder;
import dev.tend.control.xmlrpc.XmlRpcLimits;
import dev.tend.control.xmlrpc.XmlRpcParseException;
import dev.tend.control.xmlrpc.XmlRpcParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/** XML-RPC over one kept-alive {@link RawHttp} connection, with the codec; for tests. */
final class RpcClient implements AutoCloseable {
  private final String url;
  private final String[] headers;
  private RawHttp http;

  RpcClient(String url, String... headers) throws IOException {
    this.url = url;
    this.headers = headers;
    this.http = RawHttp.to(url);
  }

  /** The value, or the fault thrown as FaultException. */
  Object call(String method, Object... params) {
    return response(method, List.of(params)).valueOrThrow();
  }

  FaultException fault(String method, Object... params) {
    MethodResponse r = response(method, List.of(params));
    if (r instanceof MethodResponse.Failure f) {
      return new FaultException(f.faultCode(), f.faultString());
    }
    throw new AssertionError(method + " returned " + r + " instead of a fault");
  }

  MethodResponse response(String method, List<Object> params) {
    try {
      http.send(RawHttp.post("/RPC2", XmlRpcEncoder.call(method, params), headers));
      RawHttp.Response r = http.read();
      assertEquals(200, r.status(), () -> method + ": " + r.statusLine() + "\n" + r.text());
      assertEquals("text/xml", r.header("content-type"));
      return XmlRpcParser.parseResponse(r.body(), XmlRpcLimits.RESPONSES);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (XmlRpcParseException e) {
      throw new AssertionError(method + ": unparseable response", e);
    }
  }

  /** Starts over on a new connection (after the server closed the old one). */
  void reconnect() throws IOException {
    http.close();
    http = RawHttp.to(url);
  }

  @Override
  public void close() throws IOException {
    http.close();
  }
}
