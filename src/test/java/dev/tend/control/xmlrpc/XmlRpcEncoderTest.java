package dev.tend.control.xmlrpc;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class XmlRpcEncoderTest {

  private static String response(Object value) {
    return new String(XmlRpcEncoder.response(value), UTF_8);
  }

  private static String valueXml(Object value) {
    String doc = response(value);
    return doc.substring(
        doc.indexOf("<param>\n") + 8, doc.indexOf("</param>\n</params>\n</methodResponse>"));
  }

  @Test
  void writesResponsesExactlyAsSupervisordDoes() {
    // byte for byte what supervisord 4.2.5 answered to supervisor.getState
    Map<String, Object> state = new LinkedHashMap<>();
    state.put("statecode", 1);
    state.put("statename", "RUNNING");
    assertEquals(
        "<?xml version='1.0'?>\n<methodResponse>\n<params>\n<param>\n<value><struct>\n<member>\n"
            + "<name>statecode</name>\n<value><int>1</int></value>\n</member>\n<member>\n"
            + "<name>statename</name>\n<value><string>RUNNING</string></value>\n</member>\n"
            + "</struct></value>\n</param>\n</params>\n</methodResponse>\n",
        response(state));
  }

  @Test
  void writesFaultsExactlyAsSupervisordDoes() {
    assertEquals(
        "<?xml version='1.0'?>\n<methodResponse>\n<fault>\n<value><struct>\n<member>\n"
            + "<name>faultCode</name>\n<value><int>10</int></value>\n</member>\n<member>\n"
            + "<name>faultString</name>\n<value><string>BAD_NAME: nope</string></value>\n"
            + "</member>\n</struct></value>\n</fault>\n</methodResponse>\n",
        new String(XmlRpcEncoder.fault(10, "BAD_NAME: nope"), UTF_8));
  }

  @Test
  void writesCallsAsPythonsXmlrpcClientDoes() {
    assertEquals(
        "<?xml version='1.0'?>\n<methodCall>\n<methodName>supervisor.startProcess</methodName>\n"
            + "<params>\n<param>\n<value><string>web</string></value>\n</param>\n<param>\n"
            + "<value><boolean>1</boolean></value>\n</param>\n</params>\n</methodCall>\n",
        new String(XmlRpcEncoder.call("supervisor.startProcess", List.of("web", true)), UTF_8));
  }

  @Test
  void writesEachScalarType() {
    assertEquals("<value><int>-5</int></value>\n", valueXml(-5));
    assertEquals("<value><i8>4294967296</i8></value>\n", valueXml(1L << 32));
    assertEquals("<value><boolean>0</boolean></value>\n", valueXml(false));
    assertEquals("<value><double>2.5</double></value>\n", valueXml(2.5));
    assertEquals("<value><double>1.0E100</double></value>\n", valueXml(1e100));
    assertEquals("<value><double>inf</double></value>\n", valueXml(Double.POSITIVE_INFINITY));
    assertEquals("<value><double>-inf</double></value>\n", valueXml(Double.NEGATIVE_INFINITY));
    assertEquals("<value><double>nan</double></value>\n", valueXml(Double.NaN));
    assertEquals("<value><base64>AP9h</base64></value>\n", valueXml(new byte[] {0, -1, 'a'}));
    assertEquals(
        "<value><dateTime.iso8601>00010203T04:05:06</dateTime.iso8601></value>\n",
        valueXml(LocalDateTime.of(1, 2, 3, 4, 5, 6, 999)));
    assertEquals("<value><array><data>\n</data></array></value>\n", valueXml(List.of()));
  }

  @Test
  void escapesMarkupAndKeepsCarriageReturnsThroughLineEndHandling() {
    assertEquals(
        "<value><string>a &amp; b &lt;c&gt; \"d\" 'e'\t\n&#13;\u00e9\u20ac\ud83d\ude00</string></value>\n",
        valueXml("a & b <c> \"d\" 'e'\t\n\r\u00e9\u20ac\ud83d\ude00"));
  }

  @Test
  void responsesReplaceWhatXmlCannotCarrySoEveryXmlParserReadsThem() {
    assertEquals(
        "<value><string>\ufffd[31mred \ufffd\ufffd \ufffd\ufffd\ufffd</string></value>\n",
        valueXml("\u001b[31mred \u0000\u0001 \ud800\ufffe\uffff"));
  }

  @Test
  void callsSendControlCharactersAsReferencesSoATendServerGetsThemIntact() throws Exception {
    String text = "\u0003\u001b[0m\u0000\r\n\uffff";
    byte[] doc = XmlRpcEncoder.call("supervisor.sendProcessStdin", List.of("cat", text));
    String xml = new String(doc, UTF_8);
    assertTrue(xml.contains("<string>&#3;&#27;[0m&#0;&#13;\n&#65535;</string>"), xml);
    assertEquals(List.of("cat", text), XmlRpcParser.parseCall(doc, XmlRpcLimits.REQUESTS).params());
  }

  @Test
  void refusesWhatXmlRpcCannotCarry() {
    assertThrows(IllegalArgumentException.class, () -> XmlRpcEncoder.response((short) 1));
    assertThrows(IllegalArgumentException.class, () -> XmlRpcEncoder.response(1.5f));
    assertThrows(IllegalArgumentException.class, () -> XmlRpcEncoder.response(new Object()));
    assertThrows(
        IllegalArgumentException.class, () -> XmlRpcEncoder.response(Map.of(1, "numeric key")));
    assertThrows(
        IllegalArgumentException.class, () -> XmlRpcEncoder.response(Arrays.asList("a", null)));
    Map<String, Object> withNull = new LinkedHashMap<>();
    withNull.put("k", null);
    assertThrows(IllegalArgumentException.class, () -> XmlRpcEncoder.response(withNull));
    assertThrows(
        IllegalArgumentException.class,
        () -> XmlRpcEncoder.response(LocalDateTime.of(10000, 1, 1, 0, 0)));
  }

  @Test
  void aListThatContainsItselfIsRefusedNotAStackOverflow() {
    List<Object> loop = new ArrayList<>();
    loop.add(loop);
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> XmlRpcEncoder.response(loop));
    assertTrue(e.getMessage().contains("contain itself"), e.getMessage());
  }
}
