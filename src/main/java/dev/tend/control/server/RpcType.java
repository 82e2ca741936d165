package dev.tend.control.server;

import dev.tend.api.Fault;
import dev.tend.api.FaultException;
import java.util.List;
import java.util.Map;

/**
 * The type of a parameter or a return value as {@code system.methodSignature} names it, and how a
 * parameter's wire value is accepted. Acceptance follows what supervisord's Python code tolerates
 * where that is harmless (numeric strings for offsets, Python truthiness for {@code wait}, a number
 * for a signal); anything else is INCORRECT_PARAMETERS, never an HTTP error.
 */
enum RpcType {
  STRING("string"),
  /** A signal name or number: a string on the wire, an int accepted too (as supervisord does). */
  SIGNAL("string"),
  INT("int"),
  /** A 64-bit integer ({@code <i8>}); a plain int is accepted. */
  I8("i8"),
  BOOLEAN("boolean"),
  ARRAY("array"),
  STRUCT("struct"),
  BASE64("base64"),
  DOUBLE("double");

  private final String wireName;

  RpcType(String wireName) {
    this.wireName = wireName;
  }

  /** The name {@code system.methodSignature} reports. */
  String wireName() {
    return wireName;
  }

  /**
   * The parameter value as the handler receives it: String for STRING and SIGNAL, Integer for INT,
   * Long for I8, Boolean for BOOLEAN, List for ARRAY.
   *
   * @param what the parameter's name, for the fault text
   */
  Object accept(Object value, String what) {
    return switch (this) {
      case STRING -> {
        if (value instanceof String s) {
          yield s;
        }
        throw wrong(what, "a string", value);
      }
      case SIGNAL -> {
        if (value instanceof String s) {
          yield s;
        }
        if (value instanceof Integer i) {
          yield Integer.toString(i);
        }
        throw wrong(what, "a signal name or number", value);
      }
      case INT -> {
        long v = integer(value, what);
        if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
          throw wrong(what, "a 32-bit int", value);
        }
        yield (int) v;
      }
      case I8 -> integer(value, what);
      case BOOLEAN -> truthy(value);
      case ARRAY -> {
        if (value instanceof List<?> list) {
          yield list;
        }
        throw wrong(what, "an array", value);
      }
      case STRUCT, BASE64, DOUBLE ->
          throw new IllegalStateException(this + " is a return type only; no method takes it");
    };
  }

  /** Python's int(): an int, or a decimal string (supervisord calls int() on offsets). */
  private static long integer(Object value, String what) {
    if (value instanceof Integer i) {
      return i;
    }
    if (value instanceof Long l) {
      return l;
    }
    if (value instanceof String s) {
      String t = s.strip();
      if (!t.isEmpty() && t.length() <= 20) {
        try {
          return Long.parseLong(t.startsWith("+") ? t.substring(1) : t);
        } catch (NumberFormatException e) {
          // reported below
        }
      }
    }
    throw wrong(what, "an int", value);
  }

  /** Python truthiness, which is all supervisord asks of {@code wait}. */
  private static boolean truthy(Object value) {
    if (value instanceof Boolean b) {
      return b;
    }
    if (value instanceof Integer i) {
      return i != 0;
    }
    if (value instanceof Long l) {
      return l != 0;
    }
    if (value instanceof Double d) {
      return d != 0.0;
    }
    if (value instanceof String s) {
      return !s.isEmpty();
    }
    if (value instanceof byte[] b) {
      return b.length > 0;
    }
    if (value instanceof List<?> l) {
      return !l.isEmpty();
    }
    if (value instanceof Map<?, ?> m) {
      return !m.isEmpty();
    }
    return true; // a dateTime
  }

  private static FaultException wrong(String what, String expected, Object got) {
    return new FaultException(
        Fault.INCORRECT_PARAMETERS, what + " must be " + expected + ", got " + describe(got));
  }

  /** A short, safe rendering of a wire value for a fault string. */
  static String describe(Object v) {
    String type =
        switch (v) {
          case String s -> "string";
          case Integer i -> "int";
          case Long l -> "i8";
          case Boolean b -> "boolean";
          case Double d -> "double";
          case byte[] b -> "base64";
          case List<?> l -> "array";
          case Map<?, ?> m -> "struct";
          default -> "dateTime";
        };
    if (v instanceof List<?> || v instanceof Map<?, ?> || v instanceof byte[]) {
      return type;
    }
    String text = String.valueOf(v);
    if (text.length() > 40) {
      text = text.substring(0, 40) + "...";
    }
    return type + " '" + text + "'";
  }
}
