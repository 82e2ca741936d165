package dev.tend.control.client;

import dev.tend.api.ConnectionException;
import dev.tend.api.ConnectionException.Kind;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Typed reads of XML-RPC values as they came off the wire; a value of the wrong shape is the server
 * breaking the protocol, reported as a {@link ConnectionException} of kind PROTOCOL that names the
 * method and the field.
 */
final class WireValues {
  private WireValues() {}

  static Map<?, ?> struct(Object v, String what) {
    if (v instanceof Map<?, ?> m) {
      return m;
    }
    throw unexpected(what, "a struct", v);
  }

  static List<?> list(Object v, String what) {
    if (v instanceof List<?> l) {
      return l;
    }
    throw unexpected(what, "an array", v);
  }

  static String string(Object v, String what) {
    if (v instanceof String s) {
      return s;
    }
    throw unexpected(what, "a string", v);
  }

  static int integer(Object v, String what) {
    if (v instanceof Integer i) {
      return i;
    }
    if (v instanceof Long l && l == l.intValue()) {
      return l.intValue();
    }
    throw unexpected(what, "an int", v);
  }

  /** An {@code int} or an {@code i8}: servers differ in which they send for 64-bit values. */
  static long integer64(Object v, String what) {
    if (v instanceof Integer i) {
      return i;
    }
    if (v instanceof Long l) {
      return l;
    }
    throw unexpected(what, "an integer", v);
  }

  static boolean bool(Object v, String what) {
    if (v instanceof Boolean b) {
      return b;
    }
    throw unexpected(what, "a boolean", v);
  }

  static byte[] bytes(Object v, String what) {
    if (v instanceof byte[] b) {
      return b;
    }
    throw unexpected(what, "base64", v);
  }

  /** The member {@code key} of {@code struct}, which must be present. */
  static Object member(Map<?, ?> struct, String key, String what) {
    Object v = struct.get(key);
    if (v == null) {
      throw new ConnectionException(Kind.PROTOCOL, what + " has no '" + key + "' member");
    }
    return v;
  }

  static String stringMember(Map<?, ?> s, String key, String what) {
    return string(member(s, key, what), what + "." + key);
  }

  static int intMember(Map<?, ?> s, String key, String what) {
    return integer(member(s, key, what), what + "." + key);
  }

  static long longMember(Map<?, ?> s, String key, String what) {
    return integer64(member(s, key, what), what + "." + key);
  }

  static boolean boolMember(Map<?, ?> s, String key, String what) {
    return bool(member(s, key, what), what + "." + key);
  }

  /** A value for an {@code int} parameter: {@code <int>} when it fits, else {@code <i8>}. */
  static Object intParam(long v) {
    return v == (int) v ? (Object) (int) v : (Object) v;
  }

  static ConnectionException unexpected(String what, String expected, @Nullable Object got) {
    return new ConnectionException(
        Kind.PROTOCOL, what + " should be " + expected + ", got " + describe(got));
  }

  /** A short description of a wire value for messages: its type and a clipped rendering. */
  static String describe(@Nullable Object v) {
    if (v == null) {
      return "nothing";
    }
    String type =
        v instanceof List<?> l
            ? "an array of " + l.size()
            : v instanceof Map<?, ?> m
                ? "a struct of " + m.size()
                : v instanceof byte[] b
                    ? "base64 of " + b.length + " bytes"
                    : withArticle(typeName(v));
    if (v instanceof List<?> || v instanceof Map<?, ?> || v instanceof byte[]) {
      return type;
    }
    String text = String.valueOf(v);
    return type + " '" + (text.length() > 60 ? text.substring(0, 60) + "..." : text) + "'";
  }

  private static String withArticle(String noun) {
    return ("aeiou".indexOf(noun.charAt(0)) >= 0 ? "an " : "a ") + noun;
  }

  private static String typeName(Object v) {
    if (v instanceof String) {
      return "string";
    }
    if (v instanceof Integer) {
      return "int";
    }
    if (v instanceof Long) {
      return "i8";
    }
    if (v instanceof Boolean) {
      return "boolean";
    }
    if (v instanceof Double) {
      return "double";
    }
    return v.getClass().getSimpleName();
  }
}
