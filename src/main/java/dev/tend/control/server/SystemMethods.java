package dev.tend.control.server;

import static dev.tend.control.server.RpcMethod.define;
import static dev.tend.control.server.RpcType.ARRAY;
import static dev.tend.control.server.RpcType.STRING;

import dev.tend.api.Fault;
import dev.tend.api.FaultException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code system.*} introspection methods, answered from the same {@link MethodTable} that
 * dispatches, and {@code system.multicall} with supervisord's conventions (each result a bare
 * value, not wrapped in a one-element array; faults as structs; calls run in order).
 */
final class SystemMethods {
  private SystemMethods() {}

  static final String MULTICALL = "system.multicall";

  static List<RpcMethod> methods(MethodTable table) {
    List<RpcMethod> m = new ArrayList<>();
    m.add(
        define("system.listMethods", "Return an array listing the available method names")
            .returns(ARRAY, "An array of method names available (strings).")
            .does(a -> new ArrayList<Object>(table.names())));
    m.add(
        define("system.methodHelp", "Return a string showing the method's documentation")
            .param(STRING, "name", "The name of the method.")
            .returns(STRING, "The documentation for the method name.")
            .does(a -> table.describe(a.string(0)).help()));
    m.add(
        define(
                "system.methodSignature",
                "Return an array describing the method signature in the form [rtype, ptype,"
                    + " ptype...] where rtype is the return data type of the method, and ptypes"
                    + " are the parameter data types that the method accepts in method argument"
                    + " order.")
            .param(STRING, "name", "The name of the method.")
            .returns(ARRAY, "The result.")
            .does(a -> new ArrayList<Object>(table.describe(a.string(0)).signature())));
    m.add(
        define(
                MULTICALL,
                "Process an array of calls, and return an array of results. Calls should be"
                    + " structs of the form {'methodName': string, 'params': array}. Each result"
                    + " will either be the call's return value, or a struct of the form"
                    + " {'faultCode': int, 'faultString': string}. This is useful when you need"
                    + " to make lots of small calls without lots of round trips.")
            .param(ARRAY, "calls", "An array of call requests")
            .returns(ARRAY, "An array of results")
            .does(a -> multicall(table, a.list(0))));
    return m;
  }

  private static List<Object> multicall(MethodTable table, List<?> calls) {
    List<Object> results = new ArrayList<>(calls.size());
    for (Object call : calls) {
      try {
        results.add(one(table, call));
      } catch (FaultException e) {
        Map<String, Object> fault = new LinkedHashMap<>(4);
        fault.put("faultCode", e.code());
        fault.put("faultString", e.faultString());
        results.add(fault);
      }
    }
    return results;
  }

  private static Object one(MethodTable table, Object call) {
    if (!(call instanceof Map<?, ?> struct)) {
      throw new FaultException(
          Fault.INCORRECT_PARAMETERS, "a call must be a struct, got " + RpcType.describe(call));
    }
    Object name = struct.get("methodName");
    if (name == null) {
      throw new FaultException(Fault.INCORRECT_PARAMETERS, "No methodName");
    }
    if (!(name instanceof String methodName)) {
      throw new FaultException(
          Fault.INCORRECT_PARAMETERS, "methodName must be a string, got " + RpcType.describe(name));
    }
    if (methodName.equals(MULTICALL)) {
      throw new FaultException(Fault.INCORRECT_PARAMETERS, "Recursive system.multicall forbidden");
    }
    Object params = struct.get("params");
    if (params == null) {
      params = List.of();
    }
    if (!(params instanceof List<?> list)) {
      throw new FaultException(
          Fault.INCORRECT_PARAMETERS, "params must be an array, got " + RpcType.describe(params));
    }
    return table.invoke(methodName, new ArrayList<Object>(list));
  }
}
