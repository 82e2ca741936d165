package dev.tend.control.server;

import dev.tend.api.Fault;
import dev.tend.api.FaultException;
import dev.tend.api.SupervisorApi;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every XML-RPC method the server offers, by exact wire name. A call resolves only to an entry of
 * this table: there is no attribute traversal of any kind (supervisord's CVE-2017-11610), so a name
 * is either listed by {@code system.listMethods} or it is UNKNOWN_METHOD. Immutable once built; any
 * thread.
 */
final class MethodTable {
  private static final Logger log = LoggerFactory.getLogger(MethodTable.class);

  // Filled by of() before the table is shared, never changed after; sorted by wire name.
  private final Map<String, RpcMethod> methods = new TreeMap<>();

  private MethodTable() {}

  /** supervisord's {@code supervisor.*} and {@code system.*}, and tend's {@code tend.*}. */
  static MethodTable of(SupervisorApi api, FollowSessions follows) {
    MethodTable t = new MethodTable();
    SupervisorMethods.methods(api).forEach(t::add);
    ProcessMethods.methods(api).forEach(t::add);
    LogMethods.methods(api).forEach(t::add);
    TendMethods.methods(api, follows).forEach(t::add);
    SystemMethods.methods(t).forEach(t::add);
    return t;
  }

  private void add(RpcMethod m) {
    if (methods.putIfAbsent(m.name(), m) != null) {
      throw new IllegalStateException("method " + m.name() + " is defined twice");
    }
  }

  /** Sorted, aliases included, as {@code system.listMethods} returns them. */
  List<String> names() {
    return Collections.unmodifiableList(new ArrayList<>(methods.keySet()));
  }

  /** The entry, or SIGNATURE_UNSUPPORTED (what methodHelp and methodSignature fault with). */
  RpcMethod describe(String name) {
    RpcMethod m = methods.get(name);
    if (m == null) {
      throw new FaultException(Fault.SIGNATURE_UNSUPPORTED);
    }
    return m;
  }

  /** Whether the method of that name waits for news as long as its caller asks. */
  boolean isLongPoll(String name) {
    RpcMethod m = methods.get(name);
    return m != null && m.longPoll();
  }

  /**
   * Calls a method by its wire name. Throws FaultException: UNKNOWN_METHOD for any name not in the
   * table, INCORRECT_PARAMETERS for a wrong count or type of parameters, the method's own faults,
   * and FAILED for an unexpected error (logged) rather than letting it become an HTTP error.
   */
  Object invoke(String name, List<Object> params) {
    RpcMethod m = methods.get(name);
    if (m == null) {
      throw new FaultException(Fault.UNKNOWN_METHOD);
    }
    try {
      return m.invoke(params);
    } catch (FaultException e) {
      throw e;
    } catch (RuntimeException e) {
      log.error("XML-RPC method {} failed unexpectedly", name, e);
      throw new FaultException(Fault.FAILED, "unexpected error in " + name + ": " + e);
    }
  }
}
