package dev.tend.control.xmlrpc;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every way a document can be wrong gives an {@link XmlRpcParseException} that says why. */
class XmlRpcMalformedTest {
  private static final String OPEN = "<methodResponse><params><param>";
  private static final String CLOSE = "</param></params></methodResponse>";

  static Stream<Arguments> malformedResponses() {
    return Stream.of(
        bad("", "no document element"),
        bad("   \n", "no document element"),
        bad(
            "<!DOCTYPE lolz [<!ENTITY lol \"lol\">]>" + OPEN + "<value>&lol;</value>" + CLOSE,
            "DOCTYPE is not allowed"),
        bad(
            "<?xml version='1.0'?><!DOCTYPE r SYSTEM \"file:///etc/passwd\">" + OPEN + CLOSE,
            "DOCTYPE is not allowed"),
        bad(OPEN + "<value>&xxe;</value>" + CLOSE, "undefined entity &xxe;"),
        bad(OPEN + "<value>&amp</value>" + CLOSE, "malformed entity reference"),
        bad(OPEN + "<value>&#xD800;</value>" + CLOSE, "character reference to an invalid"),
        bad(OPEN + "<value>&#x110000;</value>" + CLOSE, "character reference to an invalid"),
        bad(OPEN + "<value>&#99999999999;</value>" + CLOSE, "malformed character reference"),
        bad(OPEN + "<value>&#12a;</value>" + CLOSE, "malformed character reference"),
        bad(OPEN + "<value>&#;</value>" + CLOSE, "malformed character reference"),
        bad(OPEN + "<value><string>x</value>" + CLOSE, "</value> does not close <string>"),
        bad(OPEN + "<value><int>1</int>" + CLOSE, "</param> does not close <value>"),
        bad(OPEN + "<value><int>1</int></value></param></params>", "<methodResponse> is not"),
        bad(OPEN + "<value><int>1</int></value></param></params></methodResponse><x/>", "after"),
        bad(OPEN + "<value><int>1</int></value>" + CLOSE + "<methodResponse/>", "after"),
        bad(OPEN + "<value><int>12x</int></value>" + CLOSE, "malformed <int> '12x'"),
        bad(OPEN + "<value><int>٣</int></value>" + CLOSE, "malformed <int>"),
        bad(OPEN + "<value><int>2147483648</int></value>" + CLOSE, "malformed <int>"),
        bad(OPEN + "<value><int></int></value>" + CLOSE, "malformed <int>"),
        bad(OPEN + "<value><i8>9223372036854775808</i8></value>" + CLOSE, "malformed <i8>"),
        bad(OPEN + "<value><boolean>true</boolean></value>" + CLOSE, "malformed <boolean>"),
        bad(OPEN + "<value><double>1.2.3</double></value>" + CLOSE, "malformed <double>"),
        bad(OPEN + "<value><double>1e</double></value>" + CLOSE, "malformed <double>"),
        bad(OPEN + "<value><double>.</double></value>" + CLOSE, "malformed <double>"),
        bad(OPEN + "<value><double>0x10</double></value>" + CLOSE, "malformed <double>"),
        bad(OPEN + "<value><double>1d</double></value>" + CLOSE, "malformed <double>"),
        bad(
            OPEN + "<value><dateTime.iso8601>19981317T14:08:55</dateTime.iso8601></value>" + CLOSE,
            "malformed <dateTime.iso8601>"),
        bad(
            OPEN + "<value><dateTime.iso8601>1998-07-17T14:08</dateTime.iso8601></value>" + CLOSE,
            "malformed <dateTime.iso8601>"),
        bad(OPEN + "<value><base64>a===</base64></value>" + CLOSE, "malformed base64"),
        bad(OPEN + "<value><base64>YQ</base64></value>" + CLOSE, "malformed base64"),
        bad(OPEN + "<value><base64>YR==</base64></value>" + CLOSE, "malformed base64"),
        bad(OPEN + "<value><base64>YQ==YQ==</base64></value>" + CLOSE, "malformed base64"),
        bad(OPEN + "<value><base64>Y*Q=</base64></value>" + CLOSE, "malformed base64"),
        bad(OPEN + "<value><nil/></value>" + CLOSE, "<nil/> is not supported"),
        bad(OPEN + "<value><params/></value>" + CLOSE, "<params> is not a value type"),
        bad(OPEN + "<value><foo>1</foo></value>" + CLOSE, "unknown element <foo>"),
        bad(OPEN + "<value>x<int>1</int></value>" + CLOSE, "text before <int> in <value>"),
        bad(OPEN + "<value><int>1</int>x</value>" + CLOSE, "unexpected text in <value>"),
        bad(OPEN + "<value><int><int>1</int></int></value>" + CLOSE, "unexpected <int> in <int>"),
        bad(OPEN + "<value><array><value/></array></value>" + CLOSE, "expected <data>"),
        bad(OPEN + "<value><array/></value>" + CLOSE, "expected <data>"),
        bad(OPEN + "<value><array><data>x</data></array></value>" + CLOSE, "unexpected text"),
        bad(
            OPEN + "<value><struct><member><value/></member></struct></value>" + CLOSE,
            "expected <name>"),
        bad(
            OPEN + "<value><struct><member><name>a</name></member></struct></value>" + CLOSE,
            "expected <value>"),
        bad(
            OPEN
                + "<value><struct><member><name>a</name><value/></member>"
                + "<member><name>a</name><value/></member></struct></value>"
                + CLOSE,
            "duplicate struct member 'a'"),
        bad(
            OPEN + "<value type=\"int\">1</value>" + CLOSE,
            "attributes are not allowed on <value>"),
        bad(OPEN + "<value>a]]>b</value>" + CLOSE, "']]>' is not allowed"),
        bad(OPEN + "<value><![CDATA[abc</value>" + CLOSE, "unterminated CDATA"),
        bad(OPEN + "<value><!-- a -- b --></value>" + CLOSE, "'--' is not allowed inside"),
        bad(OPEN + "<value><!-- a </value>" + CLOSE, "unterminated comment"),
        bad(OPEN + "<value><?php x?></value>" + CLOSE, "processing instructions are not allowed"),
        bad(OPEN + "<value><!ELEMENT x ANY></value>" + CLOSE, "markup declarations are not"),
        bad(OPEN + "<value>< int>1</int></value>" + CLOSE, "malformed tag"),
        bad(OPEN + "<value></ value>" + CLOSE, "malformed tag"),
        bad(OPEN + "<value>x</value/>" + CLOSE, "malformed end tag </value"),
        bad(OPEN + "<value>x</value", "unexpected end of document"),
        bad(OPEN + "<value>x", "unexpected end of document; <value> is not closed"),
        bad(OPEN + "</value>", "</value> does not close <param>"),
        bad("</methodResponse>", "end tag </methodResponse> without a start tag"),
        bad("<methodResponse><params></params></methodResponse>", "needs one <param>"),
        bad(
            "<methodResponse><params><param><value/></param><param><value/></param></params>"
                + "</methodResponse>",
            "holds one <param>, found another"),
        bad("<methodResponse></methodResponse>", "expected <params>, found </methodResponse>"),
        bad("<methodCall><methodName>a</methodName></methodCall>", "expected <methodResponse>"),
        bad(
            "<methodResponse><fault><value><int>1</int></value></fault></methodResponse>",
            "a fault must be a struct"),
        bad(
            "<methodResponse><fault><value><struct><member><name>faultCode</name><value>1</value>"
                + "</member><member><name>faultString</name><value>x</value></member></struct>"
                + "</value></fault></methodResponse>",
            "a fault must be a struct"),
        bad("<?xml version='1.1'?>" + OPEN + CLOSE, "unsupported XML version '1.1'"),
        bad("<?xml version='1.0' encoding='ISO-8859-1'?>" + OPEN + CLOSE, "unsupported encoding"),
        bad("<?xml encoding='UTF-8'?>" + OPEN + CLOSE, "encoding out of place"),
        bad("<?xml version='1.0' foo='x'?>" + OPEN + CLOSE, "unknown 'foo'"),
        bad("<?xml version='1.0'" + OPEN + CLOSE, "malformed XML declaration"),
        bad("<?xml ?>" + OPEN + CLOSE, "XML declaration without a version"),
        bad(" <?xml version='1.0'?>" + OPEN + CLOSE, "processing instructions are not allowed"),
        bad("x" + OPEN + CLOSE, "unexpected text outside the document element"));
  }

  private static Arguments bad(String doc, String reason) {
    return Arguments.of(doc, reason);
  }

  @ParameterizedTest
  @MethodSource("malformedResponses")
  void malformedResponseIsAParseErrorSayingWhy(String doc, String reason) {
    XmlRpcParseException e =
        assertThrows(
            XmlRpcParseException.class,
            () -> XmlRpcParser.parseResponse(doc.getBytes(UTF_8), XmlRpcLimits.RESPONSES));
    assertTrue(
        e.reason().contains(reason), () -> "reason '" + e.reason() + "' lacks '" + reason + "'");
    assertTrue(e.offset() >= 0 && e.offset() <= doc.getBytes(UTF_8).length, e::getMessage);
  }

  static Stream<Arguments> malformedUtf8() {
    return Stream.of(
        Arguments.of((Object) new byte[] {(byte) 0xC0, (byte) 0x80}), // overlong NUL
        Arguments.of((Object) new byte[] {(byte) 0xE0, (byte) 0x80, (byte) 0x80}), // overlong
        Arguments.of((Object) new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80}), // surrogate
        Arguments.of((Object) new byte[] {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80}),
        Arguments.of((Object) new byte[] {(byte) 0xF5, (byte) 0x80, (byte) 0x80, (byte) 0x80}),
        Arguments.of((Object) new byte[] {(byte) 0x80}), // lone continuation
        Arguments.of((Object) new byte[] {(byte) 0xC3}), // cut off by the tag
        Arguments.of((Object) new byte[] {(byte) 0xE2, (byte) 0x82, 'x'}));
  }

  @ParameterizedTest
  @MethodSource("malformedUtf8")
  void malformedUtf8IsAParseError(byte[] bad) {
    byte[] doc = concat(OPEN + "<value>a", bad, "</value>" + CLOSE);
    XmlRpcParseException e =
        assertThrows(
            XmlRpcParseException.class,
            () -> XmlRpcParser.parseResponse(doc, XmlRpcLimits.RESPONSES));
    assertEquals("malformed UTF-8", e.reason());
    assertEquals(OPEN.length() + "<value>a".length(), e.offset());
  }

  @Test
  void malformedUtf8InsideCdataIsAParseError() {
    byte[] doc = concat(OPEN + "<value><![CDATA[", new byte[] {(byte) 0xFF}, "]]></value>" + CLOSE);
    assertThrows(
        XmlRpcParseException.class, () -> XmlRpcParser.parseResponse(doc, XmlRpcLimits.RESPONSES));
  }

  static Stream<Arguments> malformedCalls() {
    return Stream.of(
        bad("<methodCall></methodCall>", "expected <methodName>, found </methodCall>"),
        bad("<methodCall><methodName></methodName></methodCall>", "empty <methodName>"),
        bad(
            "<methodCall><methodName>a<value/></methodName></methodCall>",
            "expected </methodName>"),
        bad(
            "<methodCall><methodName>a</methodName><param><value/></param></methodCall>",
            "expected <params>, found <param>"),
        bad(
            "<methodCall><methodName>a</methodName><params><value/></params></methodCall>",
            "expected <param>, found <value>"),
        bad(
            "<methodCall><params/><methodName>a</methodName></methodCall>",
            "expected <methodName>, found <params>"),
        bad("<methodResponse><params/></methodResponse>", "expected <methodCall>"));
  }

  @ParameterizedTest
  @MethodSource("malformedCalls")
  void malformedCallIsAParseErrorSayingWhy(String doc, String reason) {
    XmlRpcParseException e =
        assertThrows(
            XmlRpcParseException.class,
            () -> XmlRpcParser.parseCall(doc.getBytes(UTF_8), XmlRpcLimits.REQUESTS));
    assertTrue(
        e.reason().contains(reason), () -> "reason '" + e.reason() + "' lacks '" + reason + "'");
  }

  static byte[] concat(String head, byte[] middle, String tail) {
    byte[] h = head.getBytes(UTF_8);
    byte[] t = tail.getBytes(UTF_8);
    byte[] doc = new byte[h.length + middle.length + t.length];
    System.arraycopy(h, 0, doc, 0, h.length);
    System.arraycopy(middle, 0, doc, h.length, middle.length);
    System.arraycopy(t, 0, doc, h.length + middle.length, t.length);
    return doc;
  }
}
