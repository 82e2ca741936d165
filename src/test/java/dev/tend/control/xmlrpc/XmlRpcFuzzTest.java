package dev.tend.control.xmlrpc;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Mutated documents either parse or give an {@link XmlRpcParseException}; no other exception, no
 * hang. What does parse survives encoding and parsing again unchanged. Seeded, so a failure
 * reproduces: the message names the seed and shows the document.
 */
class XmlRpcFuzzTest {
  private static final long SEED = 0x7e9d_5eedL;
  private static final int DOCUMENTS = 6000;
  private static final XmlRpcLimits TIGHT = new XmlRpcLimits(4096, 12, 200, 300);

  private static final String[] SNIPPETS = {
    "<",
    ">",
    "/",
    "&",
    ";",
    "]]>",
    "<!--",
    "-->",
    "<![CDATA[",
    "<!DOCTYPE x>",
    "<?xml version='1.0'?>",
    "&amp;",
    "&#",
    "&#x",
    "&#1114112;",
    "&lol;",
    "<value>",
    "</value>",
    "<value/>",
    "<string>",
    "</string>",
    "<int>",
    "</int>",
    "<i8>",
    "<struct>",
    "</struct>",
    "<member>",
    "<name>",
    "</name>",
    "<array>",
    "<data>",
    "</data>",
    "</array>",
    "<base64>",
    "=",
    "<nil/>",
    "<params>",
    "</param>",
    "<fault>",
    "\u00e9",
    "\ud83d\ude00",
    "\u0000",
    "\r\n",
    " a=\"1\"",
    "9999999999999999999999"
  };

  private static final String[] TEXT_SNIPPETS = {
    "&amp;",
    "&#x1F600;",
    "&#233;",
    "<![CDATA[<&>]]>",
    "<!-- c -->",
    "\u00e9",
    "\r\n",
    "\u0007",
    "&quot;&apos;",
    "]]",
    "\ud83d\ude00"
  };

  @Test
  void mutatedResponsesParseOrFailCleanly() {
    fuzz(corpusOfResponses(), false);
  }

  @Test
  void mutatedCallsParseOrFailCleanly() {
    fuzz(corpusOfCalls(), true);
  }

  private static void fuzz(List<byte[]> corpus, boolean calls) {
    Random random = new Random(SEED);
    int parsed = 0;
    for (int i = 0; i < DOCUMENTS; i++) {
      byte[] doc = mutate(corpus.get(random.nextInt(corpus.size())), random);
      XmlRpcLimits limits = random.nextInt(4) == 0 ? TIGHT : XmlRpcLimits.RESPONSES;
      try {
        if (calls) {
          MethodCall call = XmlRpcParser.parseCall(doc, limits);
          byte[] again = XmlRpcEncoder.call(call.methodName(), call.params());
          MethodCall reparsed = XmlRpcParser.parseCall(again, XmlRpcLimits.RESPONSES);
          XmlRpcRoundTripTest.assertDeepEquals(call.methodName(), reparsed.methodName());
          XmlRpcRoundTripTest.assertDeepEquals(call.params(), reparsed.params());
        } else {
          MethodResponse r = XmlRpcParser.parseResponse(doc, limits);
          if (r instanceof MethodResponse.Success s) {
            // as a call parameter: responses replace control characters, calls keep them
            byte[] again = XmlRpcEncoder.call("again", List.of(s.value()));
            XmlRpcRoundTripTest.assertDeepEquals(
                List.of(s.value()), XmlRpcParser.parseCall(again, XmlRpcLimits.RESPONSES).params());
          }
        }
        parsed++;
      } catch (XmlRpcParseException expected) {
        assertTrue(expected.offset() >= 0 && expected.offset() <= doc.length, expected::getMessage);
      } catch (Throwable t) {
        throw new AssertionError(
            "document " + i + " of seed " + SEED + " threw " + t + "\n" + show(doc), t);
      }
    }
    // the mutations must leave some documents valid, or the round-trip half proves nothing
    assertTrue(parsed > DOCUMENTS / 10, "only " + parsed + " mutated documents parsed");
    assertTrue(parsed < DOCUMENTS / 2, "mutations too mild: " + parsed + " documents parsed");
  }

  static byte[] mutate(byte[] original, Random r) {
    byte[] doc = original;
    for (int n = 1 + r.nextInt(2); n > 0; n--) {
      int at = doc.length == 0 ? 0 : r.nextInt(doc.length);
      doc =
          switch (r.nextInt(10)) {
            case 0 -> { // flip a byte
              byte[] d = doc.clone();
              if (d.length > 0) {
                d[at] = (byte) r.nextInt(256);
              }
              yield d;
            }
            case 1 -> splice(doc, at, at + Math.min(r.nextInt(8), doc.length - at), new byte[0]);
            case 2 -> splice(doc, at, at, SNIPPETS[r.nextInt(SNIPPETS.length)].getBytes(UTF_8));
            case 3 -> { // duplicate a region: repeats elements, nests them deeper
              int len = Math.min(r.nextInt(60), doc.length - at);
              yield splice(doc, at, at, Arrays.copyOfRange(doc, at, at + len));
            }
            case 4 -> Arrays.copyOf(doc, at); // truncate
            case 5 -> splice(doc, at, at, new byte[] {(byte) (0x80 + r.nextInt(0x80))});
            default -> { // well-formed text where text may go: mostly stays valid
              int text = textPosition(doc, r);
              byte[] snippet = TEXT_SNIPPETS[r.nextInt(TEXT_SNIPPETS.length)].getBytes(UTF_8);
              yield text < 0 ? doc : splice(doc, text, text, snippet);
            }
          };
    }
    return doc;
  }

  /** Just after a random {@code <string>} or {@code <name>} start tag, or -1 when there is none. */
  private static int textPosition(byte[] doc, Random r) {
    String s = new String(doc, java.nio.charset.StandardCharsets.ISO_8859_1);
    List<Integer> positions = new ArrayList<>();
    for (String tag : new String[] {"<string>", "<name>"}) {
      for (int i = s.indexOf(tag); i >= 0; i = s.indexOf(tag, i + 1)) {
        positions.add(i + tag.length());
      }
    }
    return positions.isEmpty() ? -1 : positions.get(r.nextInt(positions.size()));
  }

  private static byte[] splice(byte[] doc, int from, int to, byte[] insert) {
    byte[] d = new byte[doc.length - (to - from) + insert.length];
    System.arraycopy(doc, 0, d, 0, from);
    System.arraycopy(insert, 0, d, from, insert.length);
    System.arraycopy(doc, to, d, from + insert.length, doc.length - to);
    return d;
  }

  private static List<byte[]> corpusOfResponses() {
    List<byte[]> corpus = new ArrayList<>();
    Random r = new Random(SEED + 1);
    for (int i = 0; i < 40; i++) {
      corpus.add(XmlRpcEncoder.response(XmlRpcRoundTripTest.randomValue(r, 0)));
    }
    corpus.add(XmlRpcEncoder.fault(10, "BAD_NAME: x"));
    corpus.add(
        ("<?xml version='1.0'?>\n<methodResponse><params><param><value><array><data>"
                + "<value><![CDATA[a<b]]></value><value>&#x41;&lt;<!-- c --></value>"
                + "<value><struct><member><name>k</name><value><base64>YWI=\n</base64></value>"
                + "</member></struct></value></data></array></value></param></params>"
                + "</methodResponse>")
            .getBytes(UTF_8));
    return corpus;
  }

  private static List<byte[]> corpusOfCalls() {
    List<byte[]> corpus = new ArrayList<>();
    Random r = new Random(SEED + 2);
    for (int i = 0; i < 40; i++) {
      corpus.add(
          XmlRpcEncoder.call(
              "supervisor.m" + i, List.of(XmlRpcRoundTripTest.randomValue(r, 0), "x")));
    }
    corpus.add("<methodCall><methodName>a.b</methodName></methodCall>".getBytes(UTF_8));
    return corpus;
  }

  private static String show(byte[] doc) {
    return new String(doc, UTF_8) + "\nhex: " + HexFormat.of().formatHex(doc);
  }
}
