package dev.tend.testing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Just enough JSON for talking to chromedriver: values read into maps, lists, strings, doubles,
 * booleans and null, and written from the same kinds (and numbers).
 */
public final class Json {
  private final String s;
  private int i;

  private Json(String s) {
    this.s = s;
  }

  public static Object parse(String text) {
    Json j = new Json(text);
    Object v = j.value();
    j.space();
    if (j.i != text.length()) {
      throw new IllegalArgumentException("trailing text at " + j.i + ": " + text);
    }
    return v;
  }

  public static String write(Object value) {
    StringBuilder b = new StringBuilder();
    write(b, value);
    return b.toString();
  }

  private static void write(StringBuilder b, Object v) {
    switch (v) {
      case null -> b.append("null");
      case String str -> quote(b, str);
      case Number n -> b.append(n);
      case Boolean bool -> b.append(bool);
      case Map<?, ?> m -> {
        b.append('{');
        String sep = "";
        for (Map.Entry<?, ?> e : m.entrySet()) {
          b.append(sep);
          quote(b, String.valueOf(e.getKey()));
          b.append(':');
          write(b, e.getValue());
          sep = ",";
        }
        b.append('}');
      }
      case List<?> l -> {
        b.append('[');
        String sep = "";
        for (Object o : l) {
          b.append(sep);
          write(b, o);
          sep = ",";
        }
        b.append(']');
      }
      default -> throw new IllegalArgumentException("not a JSON value: " + v.getClass());
    }
  }

  private static void quote(StringBuilder b, String str) {
    b.append('"');
    for (char c : str.toCharArray()) {
      switch (c) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        case '\n' -> b.append("\\n");
        case '\r' -> b.append("\\r");
        case '\t' -> b.append("\\t");
        default -> {
          if (c < 0x20) {
            b.append(String.format("\\u%04x", (int) c));
          } else {
            b.append(c);
          }
        }
      }
    }
    b.append('"');
  }

  private void space() {
    while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
      i++;
    }
  }

  private Object value() {
    space();
    char c = s.charAt(i);
    return switch (c) {
      case '{' -> object();
      case '[' -> array();
      case '"' -> string();
      case 't' -> literal("true", Boolean.TRUE);
      case 'f' -> literal("false", Boolean.FALSE);
      case 'n' -> literal("null", null);
      default -> number();
    };
  }

  private Object literal(String word, Object value) {
    if (!s.startsWith(word, i)) {
      throw new IllegalArgumentException("bad JSON at " + i);
    }
    i += word.length();
    return value;
  }

  private Map<String, Object> object() {
    Map<String, Object> m = new LinkedHashMap<>();
    i++;
    space();
    if (s.charAt(i) == '}') {
      i++;
      return m;
    }
    while (true) {
      space();
      String key = string();
      space();
      i++; // ':'
      m.put(key, value());
      space();
      if (s.charAt(i++) == '}') {
        return m;
      }
    }
  }

  private List<Object> array() {
    List<Object> l = new ArrayList<>();
    i++;
    space();
    if (s.charAt(i) == ']') {
      i++;
      return l;
    }
    while (true) {
      l.add(value());
      space();
      if (s.charAt(i++) == ']') {
        return l;
      }
    }
  }

  private String string() {
    StringBuilder b = new StringBuilder();
    i++;
    while (true) {
      char c = s.charAt(i++);
      if (c == '"') {
        return b.toString();
      }
      if (c != '\\') {
        b.append(c);
        continue;
      }
      char e = s.charAt(i++);
      switch (e) {
        case 'n' -> b.append('\n');
        case 'r' -> b.append('\r');
        case 't' -> b.append('\t');
        case 'b' -> b.append('\b');
        case 'f' -> b.append('\f');
        case 'u' -> {
          b.append((char) Integer.parseInt(s.substring(i, i + 4), 16));
          i += 4;
        }
        default -> b.append(e);
      }
    }
  }

  private Double number() {
    int start = i;
    while (i < s.length() && "+-0123456789.eE".indexOf(s.charAt(i)) >= 0) {
      i++;
    }
    return Double.parseDouble(s.substring(start, i));
  }
}
