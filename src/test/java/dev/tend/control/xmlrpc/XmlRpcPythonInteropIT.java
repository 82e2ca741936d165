package dev.tend.control.xmlrpc;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tend.testing.TestDependency;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Python's xmlrpc.client (what supervisorctl is built on, with expat underneath) reads what the
 * encoder writes, and the parser reads what Python writes.
 */
class XmlRpcPythonInteropIT {
  private static final Path PYTHON = Path.of("/usr/bin/python3");

  @TempDir Path dir;

  @BeforeAll
  static void needsPython() {
    TestDependency.require("python3");
  }

  /** Runs {@code script} with the document on stdin; returns what it prints. */
  private static String python(String script, byte[] stdin, Path dir) throws Exception {
    Path in = dir.resolve("in.xml");
    Files.write(in, stdin);
    Path out = dir.resolve("out.txt");
    Process p =
        new ProcessBuilder(PYTHON.toString(), "-c", script)
            .redirectInput(in.toFile())
            .redirectOutput(out.toFile())
            .redirectErrorStream(true)
            .start();
    if (!p.waitFor(20, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("python3 did not finish");
    }
    String printed = Files.readString(out, UTF_8);
    assertEquals(0, p.exitValue(), printed);
    return printed;
  }

  private static final String LOADS =
      "import sys, xmlrpc.client\n"
          + "try:\n"
          + "  print(ascii(xmlrpc.client.loads(sys.stdin.buffer.read(), use_builtin_types=True)))\n"
          + "except xmlrpc.client.Fault as f:\n"
          + "  print('fault', f.faultCode, ascii(f.faultString))\n";

  @Test
  void pythonReadsOurResponses() throws Exception {
    Map<String, Object> info = new LinkedHashMap<>();
    info.put("name", "web & <db>");
    info.put("pid", 42);
    info.put("rss", 1L << 40);
    info.put("up", true);
    info.put("cpu", 12.5);
    info.put("raw", new byte[] {0, 1, -1});
    info.put("when", LocalDateTime.of(2024, 6, 1, 12, 0, 5));
    info.put("log", "\u001b[31mred\u001b[0m\r\nh\u00e9llo \ud83d\ude00");
    info.put("list", List.of(1, "two", List.of()));
    String printed = python(LOADS, XmlRpcEncoder.response(info), dir);
    assertEquals(
        "(({'name': 'web & <db>', 'pid': 42, 'rss': 1099511627776, 'up': True, 'cpu': 12.5,"
            + " 'raw': b'\\x00\\x01\\xff',"
            + " 'when': datetime.datetime(2024, 6, 1, 12, 0, 5),"
            + " 'log': '\\ufffd[31mred\\ufffd[0m\\r\\nh\\xe9llo \\U0001f600',"
            + " 'list': [1, 'two', []]},), None)\n",
        printed);
  }

  @Test
  void pythonReadsOurFaultsAndCalls() throws Exception {
    assertEquals(
        "fault 60 'ALREADY_STARTED: web'\n",
        python(LOADS, XmlRpcEncoder.fault(60, "ALREADY_STARTED: web"), dir));
    assertEquals(
        "(('web', True, -3), 'supervisor.startProcess')\n",
        python(
            LOADS, XmlRpcEncoder.call("supervisor.startProcess", List.of("web", true, -3)), dir));
  }

  @Test
  void weReadWhatPythonWrites() throws Exception {
    String dumps =
        "import sys, xmlrpc.client, datetime\n"
            + "v = {'s': 'a&b<c>\\u00e9', 'i': -7, 'f': 0.1, 'b': False,"
            + " 'bin': xmlrpc.client.Binary(bytes(range(256))),"
            + " 'd': datetime.datetime(1998, 7, 17, 14, 8, 55), 'l': [[], {}, 'x' * 100]}\n"
            + "sys.stdout.write(xmlrpc.client.dumps((v,), methodresponse=True))\n"
            + "sys.stdout.write('\\0')\n"
            + "sys.stdout.write(xmlrpc.client.dumps(('web', 1), 'supervisor.signalProcess'))\n";
    byte[] both = python(dumps, new byte[0], dir).getBytes(UTF_8);
    int split = indexOf(both, (byte) 0);
    Object v = XmlRpcParser.parseResponse(both, 0, split, XmlRpcLimits.RESPONSES).valueOrThrow();
    Map<?, ?> m = (Map<?, ?>) v;
    assertEquals("a&b<c>\u00e9", m.get("s"));
    assertEquals(-7, m.get("i"));
    assertEquals(0.1, m.get("f"));
    assertEquals(false, m.get("b"));
    byte[] all = new byte[256];
    for (int i = 0; i < 256; i++) {
      all[i] = (byte) i;
    }
    assertArrayEquals(all, (byte[]) m.get("bin"));
    assertEquals(LocalDateTime.of(1998, 7, 17, 14, 8, 55), m.get("d"));
    assertEquals(List.of(List.of(), Map.of(), "x".repeat(100)), m.get("l"));
    MethodCall call =
        XmlRpcParser.parseCall(both, split + 1, both.length - split - 1, XmlRpcLimits.REQUESTS);
    assertEquals(new MethodCall("supervisor.signalProcess", List.of("web", 1)), call);
  }

  private static int indexOf(byte[] bytes, byte b) throws IOException {
    for (int i = 0; i < bytes.length; i++) {
      if (bytes[i] == b) {
        return i;
      }
    }
    throw new IOException("no separator in python's output");
  }
}
