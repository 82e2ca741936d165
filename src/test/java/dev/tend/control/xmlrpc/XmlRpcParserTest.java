package dev.tend.control.xmlrpc;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.tend.api.FaultException;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class XmlRpcParserTest {

  static Object value(String valueXml) throws XmlRpcParseException {
    return response("<params><param>" + valueXml + "</param></params>").valueOrThrow();
  }

  static MethodResponse response(String inner) throws XmlRpcParseException {
    String doc = "<?xml version='1.0'?>\n<methodResponse>" + inner + "</methodResponse>\n";
    return XmlRpcParser.parseResponse(doc.getBytes(UTF_8), XmlRpcLimits.RESPONSES);
  }

  static MethodCall call(String doc) throws XmlRpcParseException {
    return XmlRpcParser.parseCall(doc.getBytes(UTF_8), XmlRpcLimits.REQUESTS);
  }

  @Test
  void readsSupervisordGetStateAnswerVerbatim() throws Exception {
    // captured from supervisord 4.2.5 over its unix socket
    String body =
        "<?xml version='1.0'?>\n<methodResponse>\n<params>\n<param>\n<value><struct>\n<member>\n"
            + "<name>statecode</name>\n<value><int>1</int></value>\n</member>\n<member>\n"
            + "<name>statename</name>\n<value><string>RUNNING</string></value>\n</member>\n"
            + "</struct></value>\n</param>\n</params>\n</methodResponse>\n";
    MethodResponse r = XmlRpcParser.parseResponse(body.getBytes(UTF_8), XmlRpcLimits.RESPONSES);
    assertEquals(new MethodResponse.Success(Map.of("statecode", 1, "statename", "RUNNING")), r);
  }

  @Test
  void readsSupervisordFaultVerbatim() throws Exception {
    String body =
        "<?xml version='1.0'?>\n<methodResponse>\n<fault>\n<value><struct>\n<member>\n"
            + "<name>faultCode</name>\n<value><int>10</int></value>\n</member>\n<member>\n"
            + "<name>faultString</name>\n<value><string>BAD_NAME: nope</string></value>\n"
            + "</member>\n</struct></value>\n</fault>\n</methodResponse>\n";
    MethodResponse r = XmlRpcParser.parseResponse(body.getBytes(UTF_8), XmlRpcLimits.RESPONSES);
    assertEquals(new MethodResponse.Failure(10, "BAD_NAME: nope"), r);
    FaultException e = assertThrows(FaultException.class, r::valueOrThrow);
    assertEquals(10, e.code());
    assertEquals("BAD_NAME: nope", e.faultString());
  }

  @Test
  void readsBareMulticallResultsAndFaultStructs() throws Exception {
    // supervisord's system.multicall returns bare values, not one-element arrays
    Object v =
        value(
            "<value><array><data>\n<value><int>6433</int></value>\n<value><struct>\n<member>\n"
                + "<name>faultCode</name>\n<value><int>10</int></value>\n</member>\n<member>\n"
                + "<name>faultString</name>\n<value><string>BAD_NAME: x</string></value>\n"
                + "</member>\n</struct></value>\n</data></array></value>");
    assertEquals(List.of(6433, Map.of("faultCode", 10, "faultString", "BAD_NAME: x")), v);
  }

  @Test
  void keepsControlCharactersAndCarriageReturnsSupervisordSendsRaw() throws Exception {
    // supervisord sends log bytes as they are: ESC and \r reach the client unescaped
    assertEquals(
        "\u001b[31mred\u001b[0m h\u00e9llo\r\n",
        value("<value><string>\u001b[31mred\u001b[0m h\u00e9llo\r\n</string></value>"));
  }

  @Test
  void untypedValueIsAStringWithItsWhitespace() throws Exception {
    assertEquals(" echo ", value("<value> echo </value>"));
    assertEquals("", value("<value></value>"));
    assertEquals("", value("<value/>"));
    assertEquals("", value("<value><string/></value>"));
  }

  @Test
  void readsEveryScalarType() throws Exception {
    assertEquals(-7, value("<value><i4>-7</i4></value>"));
    assertEquals(42, value("<value><int> +42\n</int></value>"));
    assertEquals(Integer.MIN_VALUE, value("<value><int>-2147483648</int></value>"));
    assertEquals(1L << 40, value("<value><i8>1099511627776</i8></value>"));
    assertEquals(Long.MIN_VALUE, value("<value><i8>-9223372036854775808</i8></value>"));
    assertEquals(true, value("<value><boolean>1</boolean></value>"));
    assertEquals(false, value("<value><boolean> 0 </boolean></value>"));
    assertEquals(1.5, value("<value><double>1.5</double></value>"));
    assertEquals(-0.25e-3, value("<value><double>-.25E-3</double></value>"));
    assertEquals(1e100, value("<value><double>1e+100</double></value>"));
    assertEquals(Double.POSITIVE_INFINITY, value("<value><double>inf</double></value>"));
    assertEquals(Double.NEGATIVE_INFINITY, value("<value><double>-inf</double></value>"));
    assertEquals(Double.NaN, value("<value><double>nan</double></value>"));
    assertEquals(
        LocalDateTime.of(1998, 7, 17, 14, 8, 55),
        value("<value><dateTime.iso8601>19980717T14:08:55</dateTime.iso8601></value>"));
    assertArrayEquals(
        "hello, world".getBytes(UTF_8),
        (byte[]) value("<value><base64>aGVsbG8s\nIHdvcmxk\n</base64></value>"));
    assertArrayEquals(new byte[0], (byte[]) value("<value><base64>\n</base64></value>"));
  }

  @Test
  void decodesEntitiesReferencesAndCdataAndSkipsComments() throws Exception {
    assertEquals(
        "a<b>&\"'\u00e9\ud83d\ude00\r",
        value("<value><string>a&lt;b&gt;&amp;&quot;&apos;&#233;&#x1F600;&#13;</string></value>"));
    assertEquals("x<a>&amp;y", value("<value><string>x<![CDATA[<a>&amp;]]>y</string></value>"));
    assertEquals("a]]>b", value("<value><![CDATA[a]]]]><![CDATA[>b]]></value>"));
    assertEquals(
        "abc", value("<value><!-- before --><string>a<!-- inside -->b<!---->c</string></value>"));
  }

  @Test
  void readsNestedArraysAndStructsInWireOrder() throws Exception {
    Object v =
        value(
            "<value><struct><member><name>z</name><value><array><data>"
                + "<value><array><data/></array></value><value>s</value>"
                + "</data></array></value></member>"
                + "<member><name>a</name><value><struct/></value></member></struct></value>");
    Map<?, ?> m = assertInstanceOf(Map.class, v);
    assertEquals(List.of("z", "a"), List.copyOf(m.keySet()));
    assertEquals(List.of(List.of(), "s"), m.get("z"));
    assertEquals(Map.of(), m.get("a"));
  }

  @Test
  void readsCallsWithAndWithoutParams() throws Exception {
    assertEquals(
        new MethodCall("supervisor.getState", List.of()),
        call("<methodCall><methodName>supervisor.getState</methodName></methodCall>"));
    assertEquals(
        new MethodCall("supervisor.getState", List.of()),
        call("<methodCall><methodName>supervisor.getState</methodName><params/></methodCall>"));
    assertEquals(
        new MethodCall("supervisor.startProcess", List.of("web", true)),
        call(
            "\ufeff<?xml version=\"1.0\" encoding=\"UTF-8\" standalone='yes' ?>\n"
                + "<!-- a comment --><methodCall>\n  <methodName>supervisor.startProcess"
                + "</methodName>\n  <params>\n    <param><value>web</value></param>\n"
                + "    <param>\n<value><boolean>1</boolean></value>\n</param>\n  </params >"
                + "\n</methodCall >\n<!-- trailing -->\n"));
  }

  @Test
  void parsesARegionOfALargerBuffer() throws Exception {
    byte[] doc = "junk<methodCall><methodName>a.b</methodName></methodCall>junk".getBytes(UTF_8);
    assertEquals(
        new MethodCall("a.b", List.of()),
        XmlRpcParser.parseCall(doc, 4, doc.length - 8, XmlRpcLimits.REQUESTS));
  }

  @Test
  void errorCarriesLineColumnAndByteOffset() {
    XmlRpcParseException e =
        assertThrows(
            XmlRpcParseException.class,
            () -> call("<methodCall>\n<methodName>a.b</methodName>\n  <bogus/>\n</methodCall>"));
    assertEquals("unknown element <bogus>", e.reason());
    assertEquals(3, e.line());
    assertEquals(3, e.column());
    assertEquals(44, e.offset());
    assertEquals("unknown element <bogus> at line 3, column 3 (byte 44)", e.getMessage());
  }
}
