package dev.tend.control.server;

import dev.tend.api.Fault;
import dev.tend.api.FaultException;
import java.util.ArrayList;
import java.util.List;

/**
 * One entry of the method table: the wire name, what it takes and returns, its help, and what it
 * does. {@code system.methodHelp} and {@code system.methodSignature} are generated from it, and the
 * same entry dispatches, so they cannot disagree.
 *
 * @param summary the first paragraph of the help text
 * @param required how many leading parameters must be given; the rest take their defaults
 * @param defaults the value of each optional parameter, in order
 * @param longPoll whether a call waits for news as long as its caller asks (a closing server ends
 *     it rather than waiting for its answer)
 */
record RpcMethod(
    String name,
    String summary,
    List<Param> params,
    int required,
    List<Object> defaults,
    RpcType returns,
    String returnDoc,
    boolean longPoll,
    Handler handler) {

  RpcMethod {
    params = List.copyOf(params);
    defaults = List.copyOf(defaults);
    if (required + defaults.size() != params.size()) {
      throw new IllegalArgumentException(name + ": every optional parameter needs a default");
    }
  }

  /** A parameter: its type, its name and one line of help. */
  record Param(RpcType type, String name, String doc) {}

  /** What a method does with its checked arguments; returns a value the encoder can carry. */
  @FunctionalInterface
  interface Handler {
    Object call(Args args);
  }

  /** The same method under another name (supervisord's aliases share their docstring). */
  RpcMethod alias(String aliasName) {
    return new RpcMethod(
        aliasName, summary, params, required, defaults, returns, returnDoc, longPoll, handler);
  }

  /** {@code [rtype, ptypes...]}, as supervisord derives it from the docstring's tags. */
  List<String> signature() {
    List<String> sig = new ArrayList<>();
    sig.add(returns.wireName());
    for (Param p : params) {
      sig.add(p.type().wireName());
    }
    return sig;
  }

  /** The docstring: the summary, then one {@code @param} line per parameter and {@code @return}. */
  String help() {
    StringBuilder b = new StringBuilder(summary).append("\n\n");
    for (int i = 0; i < params.size(); i++) {
      Param p = params.get(i);
      b.append("@param ").append(p.type().wireName()).append(' ').append(p.name());
      b.append(' ').append(p.doc());
      if (i >= required) {
        b.append(" (optional, default ").append(defaults.get(i - required)).append(')');
      }
      b.append('\n');
    }
    b.append("@return ").append(returns.wireName()).append(" result ").append(returnDoc);
    return b.toString();
  }

  /** Checks arity and types and calls the handler; faults as supervisord's dispatcher does. */
  Object invoke(List<Object> given) {
    if (given.size() < required || given.size() > params.size()) {
      throw new FaultException(Fault.INCORRECT_PARAMETERS); // supervisord: any TypeError
    }
    Object[] values = new Object[params.size()];
    for (int i = 0; i < params.size(); i++) {
      Param p = params.get(i);
      values[i] =
          i < given.size() ? p.type().accept(given.get(i), p.name()) : defaults.get(i - required);
    }
    return handler.call(new Args(values));
  }

  static Builder define(String name, String summary) {
    return new Builder(name, summary);
  }

  /** A handler's view of its checked arguments, typed by the declared parameter types. */
  static final class Args {
    private final Object[] values;

    Args(Object[] values) {
      this.values = values;
    }

    String string(int i) {
      return (String) values[i];
    }

    int integer(int i) {
      return (Integer) values[i];
    }

    long i8(int i) {
      return (Long) values[i];
    }

    boolean bool(int i) {
      return (Boolean) values[i];
    }

    List<?> list(int i) {
      return (List<?>) values[i];
    }
  }

  /** Fluent construction, so each table entry reads like its docstring. */
  static final class Builder {
    private final String name;
    private final String summary;
    // The parameters in declaration order, required ones first; one builder per entry.
    private final List<Param> params = new ArrayList<>();
    // The defaults of the optional parameters, in order.
    private final List<Object> defaults = new ArrayList<>();
    // How many of params are required: those declared before the first optional one.
    private int required;
    // The return type and its help; boolean until returns() says otherwise.
    private RpcType returns = RpcType.BOOLEAN;
    private String returnDoc = "";
    private boolean longPoll;

    private Builder(String name, String summary) {
      this.name = name;
      this.summary = summary;
    }

    Builder param(RpcType type, String paramName, String doc) {
      if (!defaults.isEmpty()) {
        throw new IllegalStateException(name + ": a required parameter after an optional one");
      }
      params.add(new Param(type, paramName, doc));
      required++;
      return this;
    }

    Builder optional(RpcType type, String paramName, String doc, Object defaultValue) {
      params.add(new Param(type, paramName, doc));
      defaults.add(defaultValue);
      return this;
    }

    Builder returns(RpcType type, String doc) {
      this.returns = type;
      this.returnDoc = doc;
      return this;
    }

    /** Marks a method that waits for news as long as its caller asks. */
    Builder longPoll() {
      this.longPoll = true;
      return this;
    }

    RpcMethod does(Handler handler) {
      return new RpcMethod(
          name, summary, params, required, defaults, returns, returnDoc, longPoll, handler);
    }
  }
}
