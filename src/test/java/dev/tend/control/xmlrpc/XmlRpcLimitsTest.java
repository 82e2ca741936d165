package dev.tend.control.xmlrpc;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** Each limit holds exactly: a document at the limit parses, one past it does not. */
class XmlRpcLimitsTest {
  private static final XmlRpcLimits ROOMY = new XmlRpcLimits(1 << 20, 64, 10_000, 1 << 16);

  private static MethodResponse parse(String doc, XmlRpcLimits limits) throws XmlRpcParseException {
    return XmlRpcParser.parseResponse(doc.getBytes(UTF_8), limits);
  }

  private static String response(String value) {
    return "<methodResponse><params><param>" + value + "</param></params></methodResponse>";
  }

  /** {@code n} arrays nested in each other; each level opens value, array and data. */
  private static String nested(int n) {
    return "<value><array><data>".repeat(n) + "</data></array></value>".repeat(n);
  }

  @Test
  void documentSizeIsLimitedInBytes() {
    String doc = response("<value>\u00e9\u00e9</value>");
    int bytes = doc.getBytes(UTF_8).length;
    assertDoesNotThrow(() -> parse(doc, new XmlRpcLimits(bytes, 64, 100, 100)));
    XmlRpcParseException e =
        assertThrows(
            XmlRpcParseException.class,
            () -> parse(doc, new XmlRpcLimits(bytes - 1, 64, 100, 100)));
    assertEquals("document of " + bytes + " bytes is over the limit of " + (bytes - 1), e.reason());
  }

  @Test
  void nestingDepthIsLimited() {
    // methodResponse, params, param = 3, then 3 per array level
    String doc = response(nested(10));
    assertDoesNotThrow(() -> parse(doc, new XmlRpcLimits(1 << 20, 33, 10_000, 100)));
    XmlRpcParseException e =
        assertThrows(
            XmlRpcParseException.class,
            () -> parse(doc, new XmlRpcLimits(1 << 20, 32, 10_000, 100)));
    assertEquals("elements nested deeper than 32", e.reason());
  }

  @Test
  void deepestAllowedNestingDoesNotOverflowTheStack() {
    String doc = response(nested(169)); // 3 + 3 * 169 = 510 levels
    XmlRpcLimits ceiling = new XmlRpcLimits(1 << 20, XmlRpcLimits.DEPTH_CEILING, 10_000, 100);
    assertDoesNotThrow(() -> parse(doc, ceiling));
    String deeper = response(nested(100_000));
    XmlRpcParseException e =
        assertThrows(
            XmlRpcParseException.class,
            () -> parse(deeper, new XmlRpcLimits(10 << 20, 512, 10_000_000, 100)));
    assertEquals("elements nested deeper than 512", e.reason());
  }

  @Test
  void selfClosingElementsCountTowardsDepthAndElements() {
    String doc = response("<value><array><data><value/></data></array></value>");
    assertDoesNotThrow(() -> parse(doc, new XmlRpcLimits(1 << 20, 7, 7, 100)));
    assertThrows(
        XmlRpcParseException.class, () -> parse(doc, new XmlRpcLimits(1 << 20, 6, 7, 100)));
    assertThrows(
        XmlRpcParseException.class, () -> parse(doc, new XmlRpcLimits(1 << 20, 7, 6, 100)));
  }

  @Test
  void elementCountIsLimited() {
    String doc =
        response(
            "<value><array><data>" + "<value>x</value>".repeat(100) + "</data></array></value>");
    assertDoesNotThrow(() -> parse(doc, new XmlRpcLimits(1 << 20, 64, 106, 100)));
    XmlRpcParseException e =
        assertThrows(
            XmlRpcParseException.class, () -> parse(doc, new XmlRpcLimits(1 << 20, 64, 105, 100)));
    assertEquals("more than 105 elements", e.reason());
  }

  @Test
  void stringLengthIsLimitedInCharactersWhateverTheirSpelling() throws Exception {
    String[] spellings = {
      "abcde",
      "\u00e9\u00e9\u00e9\u00e9\u00e9",
      "&amp;&lt;&#65;&#x42;c",
      "<![CDATA[abcde]]>",
      "ab<!-- not counted -->cde",
      "a\ud83d\ude00de" // a surrogate pair counts as two
    };
    for (String five : spellings) {
      String doc = response("<value><string>" + five + "</string></value>");
      assertEquals(5, ((String) parse(doc, ROOMY).valueOrThrow()).length(), five);
      assertDoesNotThrow(() -> parse(doc, new XmlRpcLimits(1 << 20, 64, 100, 5)), five);
      XmlRpcParseException e =
          assertThrows(
              XmlRpcParseException.class,
              () -> parse(doc, new XmlRpcLimits(1 << 20, 64, 100, 4)),
              five);
      assertEquals("text longer than 4 characters", e.reason());
    }
  }

  @Test
  void stringLimitCoversNamesAndBase64Text() {
    String name =
        response("<value><struct><member><name>abcdef</name><value/></member></struct></value>");
    assertThrows(
        XmlRpcParseException.class, () -> parse(name, new XmlRpcLimits(1 << 20, 64, 100, 5)));
    String base64 = response("<value><base64>YWJjZA==</base64></value>");
    assertThrows(
        XmlRpcParseException.class, () -> parse(base64, new XmlRpcLimits(1 << 20, 64, 100, 7)));
    assertDoesNotThrow(() -> parse(base64, new XmlRpcLimits(1 << 20, 64, 100, 8)));
  }

  @Test
  void limitsThemselvesAreChecked() {
    assertThrows(IllegalArgumentException.class, () -> new XmlRpcLimits(0, 1, 1, 0));
    assertThrows(IllegalArgumentException.class, () -> new XmlRpcLimits(1, 0, 1, 0));
    assertThrows(
        IllegalArgumentException.class,
        () -> new XmlRpcLimits(1, XmlRpcLimits.DEPTH_CEILING + 1, 1, 0));
    assertThrows(IllegalArgumentException.class, () -> new XmlRpcLimits(1, 1, 0, 0));
    assertThrows(IllegalArgumentException.class, () -> new XmlRpcLimits(1, 1, 1, -1));
  }
}
