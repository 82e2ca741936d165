package dev.tend.control.xmlrpc;

import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Writes XML-RPC documents in the layout Python's {@code xmlrpc.client} (and so supervisord)
 * writes, which every XML-RPC peer, supervisorctl included, reads. Values are the Java types of the
 * package documentation; anything else, null included, is an {@link IllegalArgumentException}.
 *
 * <p>Text is escaped ({@code & < >}, and {@code \r} as {@code &#13;} so that XML line-end handling
 * cannot turn it into {@code \n}). Characters XML 1.0 cannot carry at all (most C0 controls, lone
 * surrogates, U+FFFE/U+FFFF) are handled by purpose:
 *
 * <ul>
 *   <li>in a <em>response</em>, each becomes U+FFFD, so supervisorctl and every XML parser read it
 *       (supervisord itself sends them raw and breaks its clients, supervisor issue #85); tend
 *       clients read logs intact through the base64 {@code tend.*} methods instead;
 *   <li>in a <em>call</em>, a control character is sent as a character reference: tend's parser
 *       reads it back exactly, and a supervisord refuses the call instead of receiving altered
 *       text.
 * </ul>
 */
public final class XmlRpcEncoder {
  /** Deeper than any real value; stops a list that contains itself from overflowing the stack. */
  private static final int MAX_NESTING = 256;

  private static final byte[] DECLARATION =
      "<?xml version='1.0'?>\n".getBytes(StandardCharsets.US_ASCII);

  private final Utf8Sink out = new Utf8Sink(256);
  private final boolean inResponse;

  private XmlRpcEncoder(boolean inResponse) {
    this.inResponse = inResponse;
  }

  /** A {@code <methodCall>} of {@code methodName} with {@code params}. */
  public static byte[] call(String methodName, List<?> params) {
    XmlRpcEncoder e = new XmlRpcEncoder(false);
    e.out.raw(DECLARATION);
    e.out.ascii("<methodCall>\n<methodName>");
    e.text(methodName);
    e.out.ascii("</methodName>\n<params>\n");
    for (Object param : params) {
      e.out.ascii("<param>\n");
      e.value(param, 0);
      e.out.ascii("</param>\n");
    }
    e.out.ascii("</params>\n</methodCall>\n");
    return e.out.toByteArray();
  }

  /** A {@code <methodResponse>} that returns {@code value}. */
  public static byte[] response(Object value) {
    XmlRpcEncoder e = new XmlRpcEncoder(true);
    e.out.raw(DECLARATION);
    e.out.ascii("<methodResponse>\n<params>\n<param>\n");
    e.value(value, 0);
    e.out.ascii("</param>\n</params>\n</methodResponse>\n");
    return e.out.toByteArray();
  }

  /** A {@code <methodResponse>} holding a fault. */
  public static byte[] fault(int faultCode, String faultString) {
    XmlRpcEncoder e = new XmlRpcEncoder(true);
    e.out.raw(DECLARATION);
    e.out.ascii("<methodResponse>\n<fault>\n");
    Map<String, Object> fault = new LinkedHashMap<>(4); // supervisord's member order
    fault.put("faultCode", faultCode);
    fault.put("faultString", faultString);
    e.value(fault, 0);
    e.out.ascii("</fault>\n</methodResponse>\n");
    return e.out.toByteArray();
  }

  private void value(Object v, int depth) {
    if (depth > MAX_NESTING) {
      throw new IllegalArgumentException(
          "value nested deeper than " + MAX_NESTING + " (does a list or map contain itself?)");
    }
    // an instanceof chain, not a pattern switch: no invokedynamic bootstrap on ctl's start-up path
    if (v instanceof String s) {
      out.ascii("<value><string>");
      text(s);
      out.ascii("</string></value>\n");
    } else if (v instanceof Integer i) {
      scalar("int", Integer.toString(i));
    } else if (v instanceof Boolean b) {
      scalar("boolean", b ? "1" : "0");
    } else if (v instanceof Long l) {
      scalar("i8", Long.toString(l));
    } else if (v instanceof Map<?, ?> map) {
      struct(map, depth);
    } else if (v instanceof List<?> list) {
      out.ascii("<value><array><data>\n");
      for (Object item : list) {
        value(nonNull(item, "a list item"), depth + 1);
      }
      out.ascii("</data></array></value>\n");
    } else if (v instanceof byte[] bytes) {
      out.ascii("<value><base64>");
      out.raw(Base64.getEncoder().encode(bytes));
      out.ascii("</base64></value>\n");
    } else if (v instanceof Double d) {
      scalar("double", doubleText(d));
    } else if (v instanceof LocalDateTime t) {
      scalar("dateTime.iso8601", dateTimeText(t));
    } else {
      throw new IllegalArgumentException(
          "XML-RPC cannot carry a " + v.getClass().getName() + ": " + v);
    }
  }

  private void struct(Map<?, ?> map, int depth) {
    out.ascii("<value><struct>\n");
    for (Map.Entry<?, ?> member : map.entrySet()) {
      if (!(member.getKey() instanceof String name)) {
        throw new IllegalArgumentException(
            "struct member names must be strings, got " + member.getKey());
      }
      out.ascii("<member>\n<name>");
      text(name);
      out.ascii("</name>\n");
      value(nonNull(member.getValue(), "member " + name), depth + 1);
      out.ascii("</member>\n");
    }
    out.ascii("</struct></value>\n");
  }

  private void scalar(String type, String text) {
    out.ascii("<value><");
    out.ascii(type);
    out.ascii(">");
    out.ascii(text);
    out.ascii("</");
    out.ascii(type);
    out.ascii("></value>\n");
  }

  private void text(String s) {
    out.escaped(s, inResponse);
  }

  private static Object nonNull(@Nullable Object v, String what) {
    if (v == null) {
      throw new IllegalArgumentException(what + " is null; XML-RPC (as supervisord) has no nil");
    }
    return v;
  }

  /** Python's spelling, which {@code float()} reads back: {@code 1.5}, {@code 1.0E10}, inf, nan. */
  static String doubleText(double d) {
    if (Double.isNaN(d)) {
      return "nan";
    }
    if (Double.isInfinite(d)) {
      return d > 0 ? "inf" : "-inf";
    }
    return Double.toString(d);
  }

  static String dateTimeText(LocalDateTime t) {
    int year = t.getYear();
    if (year < 0 || year > 9999) {
      throw new IllegalArgumentException("dateTime.iso8601 needs a four-digit year, got " + t);
    }
    char[] c = new char[17];
    put(c, 0, year, 4);
    put(c, 4, t.getMonthValue(), 2);
    put(c, 6, t.getDayOfMonth(), 2);
    c[8] = 'T';
    put(c, 9, t.getHour(), 2);
    c[11] = ':';
    put(c, 12, t.getMinute(), 2);
    c[14] = ':';
    put(c, 15, t.getSecond(), 2);
    return new String(c);
  }

  private static void put(char[] c, int at, int value, int width) {
    int v = value;
    for (int i = at + width - 1; i >= at; i--) {
      c[i] = (char) ('0' + v % 10);
      v /= 10;
    }
  }
}
