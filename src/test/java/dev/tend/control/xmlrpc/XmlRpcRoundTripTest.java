package dev.tend.control.xmlrpc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** What the encoder writes, the parser reads back as the same value, for every type. */
class XmlRpcRoundTripTest {

  static Object throughResponse(Object value) throws XmlRpcParseException {
    byte[] doc = XmlRpcEncoder.response(value);
    return XmlRpcParser.parseResponse(doc, XmlRpcLimits.RESPONSES).valueOrThrow();
  }

  static List<Object> throughCall(List<Object> params) throws XmlRpcParseException {
    byte[] doc = XmlRpcEncoder.call("tend.test", params);
    MethodCall call = XmlRpcParser.parseCall(doc, XmlRpcLimits.RESPONSES);
    assertEquals("tend.test", call.methodName());
    return call.params();
  }

  @Test
  void everyTypeSurvivesAResponse() throws Exception {
    List<Object> values =
        List.of(
            0,
            Integer.MIN_VALUE,
            Integer.MAX_VALUE,
            Long.MIN_VALUE,
            Long.MAX_VALUE,
            0L,
            true,
            false,
            "",
            "plain",
            "  spaced  \n",
            "<&>'\"\t\r\n\u00e9\u4e2d\ud83d\ude00",
            0.0,
            -0.0,
            Double.MIN_VALUE,
            Double.MAX_VALUE,
            Math.PI,
            Double.POSITIVE_INFINITY,
            Double.NEGATIVE_INFINITY,
            LocalDateTime.of(2024, 2, 29, 23, 59, 59),
            List.of(),
            List.of(1, "a", List.of(List.of())),
            Map.of(),
            Map.of("a", 1, "", "empty name", "x<y", Map.of("deep", List.of(true))));
    for (Object v : values) {
      assertEquals(v, throughResponse(v), () -> "value " + v);
    }
    assertEquals(Double.NaN, throughResponse(Double.NaN));
    assertArrayEquals(new byte[0], (byte[]) throughResponse(new byte[0]));
  }

  @Test
  void everyByteSurvivesBase64() throws Exception {
    byte[] all = new byte[256 * 3 + 1];
    for (int i = 0; i < all.length; i++) {
      all[i] = (byte) i;
    }
    for (int length = 0; length <= all.length; length += 37) {
      byte[] bytes = Arrays.copyOf(all, length);
      assertArrayEquals(bytes, (byte[]) throughResponse(bytes), "length " + length);
    }
  }

  @Test
  void everyTypeSurvivesACall() throws Exception {
    List<Object> params =
        List.of(1, 2L, false, "s\u0001\u001f", 0.5, LocalDateTime.of(2000, 1, 1, 0, 0), List.of(3));
    assertEquals(params, throughCall(params));
  }

  @Test
  void randomNestedValuesSurvive() throws Exception {
    Random random = new Random(20240611);
    for (int i = 0; i < 300; i++) {
      Object v = randomValue(random, 0);
      assertDeepEquals(v, throughResponse(v));
    }
  }

  @Test
  void faultsSurvive() throws Exception {
    MethodResponse r =
        XmlRpcParser.parseResponse(
            XmlRpcEncoder.fault(60, "ALREADY_STARTED: web & <db>"), XmlRpcLimits.RESPONSES);
    assertEquals(new MethodResponse.Failure(60, "ALREADY_STARTED: web & <db>"), r);
  }

  static Object randomValue(Random r, int depth) {
    int kind = r.nextInt(depth > 3 ? 8 : 10);
    return switch (kind) {
      case 0 -> r.nextInt();
      case 1 -> r.nextLong();
      case 2 -> r.nextBoolean();
      case 3 -> r.nextDouble() * Math.pow(10, r.nextInt(40) - 20);
      case 4 -> randomText(r);
      case 5 -> {
        byte[] b = new byte[r.nextInt(40)];
        r.nextBytes(b);
        yield b;
      }
      case 6 -> LocalDateTime.of(r.nextInt(10000), 1 + r.nextInt(12), 1 + r.nextInt(28), 0, 0);
      case 7 -> randomText(r);
      case 8 -> {
        List<Object> list = new ArrayList<>();
        for (int i = r.nextInt(5); i > 0; i--) {
          list.add(randomValue(r, depth + 1));
        }
        yield list;
      }
      default -> {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = r.nextInt(5); i > 0; i--) {
          map.put(randomText(r), randomValue(r, depth + 1));
        }
        yield map;
      }
    };
  }

  /** Text from every class of character XML can carry, markup characters included. */
  static String randomText(Random r) {
    String alphabet = "ab <>&;'\"\t\n\r]]>#x\u00e9\u07ff\u0800\uffef\u4e2d";
    StringBuilder sb = new StringBuilder();
    for (int i = r.nextInt(20); i > 0; i--) {
      if (r.nextInt(10) == 0) {
        sb.appendCodePoint(0x10000 + r.nextInt(0x100000));
      } else {
        sb.append(alphabet.charAt(r.nextInt(alphabet.length())));
      }
    }
    return sb.toString();
  }

  static void assertDeepEquals(Object expected, Object actual) {
    if (expected instanceof byte[] b) {
      assertArrayEquals(b, assertInstanceOf(byte[].class, actual));
    } else if (expected instanceof List<?> list) {
      List<?> got = assertInstanceOf(List.class, actual);
      assertEquals(list.size(), got.size());
      for (int i = 0; i < list.size(); i++) {
        assertDeepEquals(list.get(i), got.get(i));
      }
    } else if (expected instanceof Map<?, ?> map) {
      Map<?, ?> got = assertInstanceOf(Map.class, actual);
      assertEquals(List.copyOf(map.keySet()), List.copyOf(got.keySet()));
      for (Map.Entry<?, ?> e : map.entrySet()) {
        assertDeepEquals(e.getValue(), got.get(e.getKey()));
      }
    } else {
      assertEquals(expected, actual);
    }
  }
}
