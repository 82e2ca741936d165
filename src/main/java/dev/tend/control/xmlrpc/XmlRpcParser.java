package dev.tend.control.xmlrpc;

import static dev.tend.control.xmlrpc.XmlRpcTag.DATA;
import static dev.tend.control.xmlrpc.XmlRpcTag.FAULT;
import static dev.tend.control.xmlrpc.XmlRpcTag.MEMBER;
import static dev.tend.control.xmlrpc.XmlRpcTag.METHOD_CALL;
import static dev.tend.control.xmlrpc.XmlRpcTag.METHOD_NAME;
import static dev.tend.control.xmlrpc.XmlRpcTag.METHOD_RESPONSE;
import static dev.tend.control.xmlrpc.XmlRpcTag.NAME;
import static dev.tend.control.xmlrpc.XmlRpcTag.PARAM;
import static dev.tend.control.xmlrpc.XmlRpcTag.PARAMS;
import static dev.tend.control.xmlrpc.XmlRpcTag.VALUE;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The one parser for XML-RPC requests ({@code <methodCall>}) and responses ({@code
 * <methodResponse>}), strict about structure and bounded by the caller's {@link XmlRpcLimits}. Any
 * input either parses or throws {@link XmlRpcParseException}; nothing else escapes.
 *
 * <p>Accepted beyond the letter of the spec, as supervisord's peers need: an untyped {@code
 * <value>text</value>} is a string, a {@code <methodCall>} may omit {@code <params>}, {@code <i8>}
 * carries a 64-bit integer. Refused: {@code <nil/>} (supervisord refuses it too), attributes,
 * duplicate struct members, a response with other than one value.
 */
public final class XmlRpcParser {
  private final XmlScanner s;

  private XmlRpcParser(XmlScanner scanner) {
    this.s = scanner;
  }

  public static MethodCall parseCall(byte[] doc, XmlRpcLimits limits) throws XmlRpcParseException {
    return parseCall(doc, 0, doc.length, limits);
  }

  /** Parses {@code doc[offset, offset + length)} as a {@code <methodCall>}. */
  public static MethodCall parseCall(byte[] doc, int offset, int length, XmlRpcLimits limits)
      throws XmlRpcParseException {
    return new XmlRpcParser(new XmlScanner(doc, offset, length, limits)).call();
  }

  public static MethodResponse parseResponse(byte[] doc, XmlRpcLimits limits)
      throws XmlRpcParseException {
    return parseResponse(doc, 0, doc.length, limits);
  }

  /** Parses {@code doc[offset, offset + length)} as a {@code <methodResponse>}. */
  public static MethodResponse parseResponse(
      byte[] doc, int offset, int length, XmlRpcLimits limits) throws XmlRpcParseException {
    return new XmlRpcParser(new XmlScanner(doc, offset, length, limits)).response();
  }

  private MethodCall call() throws XmlRpcParseException {
    s.prolog();
    start(METHOD_CALL);
    start(METHOD_NAME);
    s.nextAfterText();
    expect(METHOD_NAME, true);
    String name = s.text();
    if (name.isEmpty()) {
      throw s.error("empty <methodName>", s.tagOffset());
    }
    List<Object> params = new ArrayList<>();
    s.next();
    if (!s.isEnd()) {
      expect(PARAMS, false);
      while (true) {
        s.next();
        if (s.isEnd()) {
          expect(PARAMS, true);
          break;
        }
        expect(PARAM, false);
        start(VALUE);
        params.add(value());
        end(PARAM);
      }
      s.next();
    }
    expect(METHOD_CALL, true);
    s.epilogue();
    return new MethodCall(name, params);
  }

  private MethodResponse response() throws XmlRpcParseException {
    s.prolog();
    start(METHOD_RESPONSE);
    s.next();
    MethodResponse response;
    if (s.tag() == FAULT && !s.isEnd()) {
      start(VALUE);
      int at = s.tagOffset();
      response = fault(value(), at);
      end(FAULT);
    } else {
      expect(PARAMS, false);
      s.next();
      if (s.isEnd()) {
        throw s.error("a response needs one <param>, found none", s.tagOffset());
      }
      expect(PARAM, false);
      start(VALUE);
      response = new MethodResponse.Success(value());
      end(PARAM);
      s.next();
      if (!s.isEnd()) {
        throw s.error("a response holds one <param>, found another", s.tagOffset());
      }
      expect(PARAMS, true);
    }
    end(METHOD_RESPONSE);
    s.epilogue();
    return response;
  }

  private MethodResponse fault(Object value, int at) throws XmlRpcParseException {
    if (value instanceof Map<?, ?> struct
        && struct.size() == 2
        && struct.get("faultCode") instanceof Integer code
        && struct.get("faultString") instanceof String text) {
      return new MethodResponse.Failure(code, text);
    }
    throw s.error("a fault must be a struct of faultCode (int) and faultString (string)", at);
  }

  /** Reads a value whose {@code <value>} start tag was just read, through its end tag. */
  private Object value() throws XmlRpcParseException {
    s.nextAfterText();
    if (s.isEnd()) {
      return s.text(); // untyped: a string
    }
    if (!s.textIsWhitespace()) {
      throw s.error("text before " + s.tag() + " in <value>", s.tagOffset());
    }
    XmlRpcTag type = s.tag();
    Object v =
        switch (type) {
          case ARRAY -> array();
          case STRUCT -> struct();
          case STRING -> {
            textThroughEnd(type);
            yield s.text();
          }
          case BASE64 -> {
            textThroughEnd(type);
            yield s.textAsBase64();
          }
          case I4, INT, I8, BOOLEAN, DOUBLE, DATE_TIME -> scalar(type);
          case NIL -> throw s.error("<nil/> is not supported (supervisord rejects it)", at());
          default -> throw s.error(type + " is not a value type", at());
        };
    end(VALUE);
    return v;
  }

  private Object scalar(XmlRpcTag type) throws XmlRpcParseException {
    int at = s.tagOffset();
    textThroughEnd(type);
    String text = s.text();
    Object v = ScalarText.parse(type, text);
    if (v == null) {
      throw s.error("malformed " + type + " '" + clip(text) + "'", at);
    }
    return v;
  }

  /** Reads the text of a scalar element through its end tag; the scanner then holds the text. */
  private void textThroughEnd(XmlRpcTag type) throws XmlRpcParseException {
    s.nextAfterText();
    if (!s.isEnd()) {
      throw s.error("unexpected " + s.tag() + " in " + type, at());
    }
  }

  private List<Object> array() throws XmlRpcParseException {
    start(DATA);
    List<Object> items = new ArrayList<>();
    while (true) {
      s.next();
      if (s.isEnd()) {
        expect(DATA, true);
        break;
      }
      expect(VALUE, false);
      items.add(value());
    }
    end(XmlRpcTag.ARRAY);
    return items;
  }

  private Map<String, Object> struct() throws XmlRpcParseException {
    // room for supervisord's process info (14 members) without a resize
    Map<String, Object> members = new LinkedHashMap<>(24);
    while (true) {
      s.next();
      if (s.isEnd()) {
        expect(XmlRpcTag.STRUCT, true);
        return members;
      }
      expect(MEMBER, false);
      start(NAME);
      s.nextAfterText();
      expect(NAME, true);
      int at = s.tagOffset();
      String name = s.memberName();
      start(VALUE);
      if (members.put(name, value()) != null) {
        throw s.error("duplicate struct member '" + clip(name) + "'", at);
      }
      end(MEMBER);
    }
  }

  private void start(XmlRpcTag tag) throws XmlRpcParseException {
    s.next();
    expect(tag, false);
  }

  private void end(XmlRpcTag tag) throws XmlRpcParseException {
    s.next();
    expect(tag, true);
  }

  private void expect(XmlRpcTag tag, boolean isEnd) throws XmlRpcParseException {
    if (s.tag() != tag || s.isEnd() != isEnd) {
      throw s.error(
          "expected " + describe(tag, isEnd) + ", found " + describe(s.tag(), s.isEnd()), at());
    }
  }

  private int at() {
    return s.tagOffset();
  }

  private static String describe(XmlRpcTag tag, boolean isEnd) {
    return isEnd ? "</" + tag.xmlName + ">" : tag.toString();
  }

  private static String clip(String text) {
    return text.length() <= 40 ? text : text.substring(0, 40) + "...";
  }
}
