package dev.tend.control.client;

import java.util.List;

/**
 * One call of a {@code system.multicall} batch.
 *
 * @param params XML-RPC values (see dev.tend.control.xmlrpc for the Java types)
 */
public record Call(String methodName, List<Object> params) {
  public Call {
    params = List.copyOf(params);
  }

  public static Call of(String methodName, Object... params) {
    return new Call(methodName, List.of(params));
  }
}
