package dev.tend.control.server;

import dev.tend.control.xmlrpc.XmlRpcEncoder;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Broken, hostile and absurd HTTP requests for the fuzz test, from a seeded random source so a
 * failure can be replayed: garbage, truncations, bad request lines and headers, lying lengths, bad
 * chunking, and XML-RPC bodies that are deep, huge, entity-laden, wrongly typed or invalid UTF-8.
 */
final class MalformedRequests {
  private static final byte[] VALID =
      XmlRpcEncoder.call("supervisor.getProcessInfo", List.of("web"));

  private final Random random;

  MalformedRequests(long seed) {
    this.random = new Random(seed);
  }

  /** The i-th request of the series (kinds cycle; contents are random). */
  byte[] next(int i) {
    return switch (i % 16) {
      case 0 -> randomBytes(1 + random.nextInt(2000));
      case 1 -> truncated(RawHttp.post("/RPC2", VALID));
      case 2 -> RawHttp.post("/RPC2", mutated(VALID));
      case 3 -> RawHttp.post("/RPC2", deep(50 + random.nextInt(5000)));
      case 4 -> RawHttp.post("/RPC2", entities());
      case 5 -> RawHttp.post("/RPC2", badUtf8());
      case 6 -> RawHttp.post("/RPC2", wrongTypes());
      case 7 -> RawHttp.post("/RPC2", manyElements());
      case 8 -> lyingLength();
      case 9 -> badChunks();
      case 10 -> badRequestLine();
      case 11 -> badHeaders();
      case 12 -> RawHttp.post("/RPC2", randomBytes(random.nextInt(5000)));
      case 13 -> RawHttp.post("/RPC2", hugeString());
      case 14 -> RawHttp.post("/RPC2", truncated(VALID));
      default -> RawHttp.post("/RPC2", traversal());
    };
  }

  private byte[] randomBytes(int n) {
    byte[] b = new byte[n];
    random.nextBytes(b);
    return b;
  }

  private byte[] truncated(byte[] whole) {
    return java.util.Arrays.copyOf(whole, random.nextInt(whole.length));
  }

  private byte[] mutated(byte[] doc) {
    byte[] b = doc.clone();
    for (int k = 1 + random.nextInt(5); k > 0; k--) {
      b[random.nextInt(b.length)] = (byte) random.nextInt(256);
    }
    return b;
  }

  private static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.ISO_8859_1);
  }

  private static byte[] deep(int depth) {
    StringBuilder b =
        new StringBuilder("<methodCall><methodName>system.multicall</methodName><params><param>");
    b.append("<value><array><data>".repeat(depth));
    b.append("</data></array></value>".repeat(depth));
    return ascii(b.append("</param></params></methodCall>").toString());
  }

  private byte[] entities() {
    String[] docs = {
      "<?xml version='1.0'?><!DOCTYPE l [<!ENTITY a 'aaaaaaaaaa'><!ENTITY b '&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;'>"
          + "<!ENTITY c '&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;'><!ENTITY d '&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;'>]>"
          + "<methodCall><methodName>&d;</methodName></methodCall>",
      "<?xml version='1.0'?><!DOCTYPE x [<!ENTITY e SYSTEM 'file:///etc/passwd'>]>"
          + "<methodCall><methodName>a.b</methodName><params><param><value>&e;</value></param></params></methodCall>",
      "<methodCall><methodName>&#0;</methodName></methodCall>",
      "<methodCall><methodName>a</methodName><params><param><value>&unknown;</value></param></params></methodCall>",
      "<?xml version='1.0' encoding='UTF-16'?><methodCall/>",
      "<![CDATA[x]]><methodCall/>",
      "<methodCall><methodName>supervisor.getPID</methodName></methodCall><methodCall/>",
    };
    return ascii(docs[random.nextInt(docs.length)]);
  }

  private byte[] badUtf8() {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    b.writeBytes(
        ascii(
            "<methodCall><methodName>supervisor.getProcessInfo</methodName><params><param><value><string>"));
    byte[][] bad = {
      {(byte) 0xff},
      {(byte) 0xc0, (byte) 0x80},
      {(byte) 0xed, (byte) 0xa0, (byte) 0x80},
      {(byte) 0xe2, 0x28, (byte) 0xa1},
      {(byte) 0xf4, (byte) 0x90, (byte) 0x80, (byte) 0x80}
    };
    b.writeBytes(bad[random.nextInt(bad.length)]);
    b.writeBytes(ascii("</string></value></param></params></methodCall>"));
    return b.toByteArray();
  }

  private byte[] wrongTypes() {
    Object[] values = {
      5, 5_000_000_000L, true, 1.5, new byte[] {1, 2}, List.of(), Map.of("a", 1), "x"
    };
    String[] methods = {
      "supervisor.startProcess", "supervisor.readLog", "supervisor.signalProcess",
      "supervisor.sendProcessStdin", "system.multicall", "tend.followProcessLog",
      "tend.waitForChanges", "supervisor.tailProcessStdoutLog", "system.methodHelp"
    };
    List<Object> params = new ArrayList<>();
    for (int k = random.nextInt(6); k > 0; k--) {
      params.add(values[random.nextInt(values.length)]);
    }
    return XmlRpcEncoder.call(methods[random.nextInt(methods.length)], params);
  }

  private static byte[] manyElements() {
    StringBuilder b =
        new StringBuilder(
            "<methodCall><methodName>system.multicall</methodName><params><param><value><array><data>");
    b.append("<value><int>1</int></value>".repeat(120_000));
    return ascii(b.append("</data></array></value></param></params></methodCall>").toString());
  }

  private byte[] hugeString() {
    return ascii(
        "<methodCall><methodName>supervisor.getProcessInfo</methodName><params><param><value><string>"
            + "a".repeat(1_200_000 + random.nextInt(1000))
            + "</string></value></param></params></methodCall>");
  }

  private byte[] traversal() {
    String[] names = {
      "supervisor.__init__",
      "supervisor.startProcess.__globals__",
      "__import__",
      "system._listMethods",
      "supervisor.supervisord.options.mood",
      "os.system",
      "supervisor..getPID",
      "a".repeat(10_000)
    };
    return XmlRpcEncoder.call(names[random.nextInt(names.length)], List.of("rm -rf /"));
  }

  private byte[] lyingLength() {
    String[] heads = {
      "Content-Length: 1073741824",
      "Content-Length: -5",
      "Content-Length: abc",
      "Content-Length: 10\r\nContent-Length: 20",
      "Content-Length: 5\r\nTransfer-Encoding: chunked",
      "Content-Length: 99999999999999999999999"
    };
    return ascii(
        "POST /RPC2 HTTP/1.1\r\nHost: x\r\n"
            + heads[random.nextInt(heads.length)]
            + "\r\n\r\n<methodCall>");
  }

  private byte[] badChunks() {
    String[] bodies = {
      "zz\r\nabc\r\n0\r\n\r\n",
      "5\r\nab\r\n0\r\n\r\n",
      "FFFFFFFFFFFF\r\nab",
      "3;x=\"\r\nabc\r\n",
      "-1\r\n"
    };
    return ascii(
        "POST /RPC2 HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n"
            + bodies[random.nextInt(bodies.length)]);
  }

  private byte[] badRequestLine() {
    String[] lines = {
      "GET\r\n\r\n",
      "POST /RPC2 HTTP/9.9\r\n\r\n",
      "\0\0\0\0\r\n\r\n",
      "GET / \r\n\r\n",
      "GET /" + "a".repeat(100_000) + " HTTP/1.1\r\nHost: x\r\n\r\n",
      "G\u00e9T / HTTP/1.1\r\n\r\n",
      "GET /../../etc/passwd HTTP/1.1\r\nHost: x\r\n\r\n",
      "GET /logtail/%2e%2e%2f%2e%2e HTTP/1.1\r\nHost: x\r\n\r\n",
      "GET /\r\n",
      "CONNECT localhost:22 HTTP/1.1\r\nHost: x\r\n\r\n",
      "GET http://evil/RPC2 HTTP/1.1\r\nHost: y\r\n\r\n"
    };
    return ascii(lines[random.nextInt(lines.length)]);
  }

  private byte[] badHeaders() {
    String[] headers = {
      "NoColon\r\n",
      "Bad Name: v\r\n",
      "X: \0\r\n",
      " folded: value\r\n",
      "Host: a\r\nHost: b\r\n",
      "X-Long: " + "b".repeat(50_000) + "\r\n",
      "Authorization: Basic !!!!\r\n",
      "Expect: 100-continue\r\n"
    };
    return ascii(
        "POST /RPC2 HTTP/1.1\r\nHost: x\r\n"
            + headers[random.nextInt(headers.length)]
            + "Content-Length: 0\r\n\r\n");
  }
}
