package dev.tend.control.xmlrpc;

import java.util.List;

/**
 * A parsed {@code <methodCall>}: the method's name as sent (not yet checked against any method
 * table) and its parameters as XML-RPC values (see the package documentation for their types).
 */
public record MethodCall(String methodName, List<Object> params) {
  public MethodCall {
    params = List.copyOf(params);
  }
}
