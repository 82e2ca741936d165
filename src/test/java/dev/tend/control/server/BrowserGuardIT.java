package dev.tend.control.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.tend.control.xmlrpc.XmlRpcEncoder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 13: a web page cannot drive the daemon through a visitor's browser, while supervisorctl,
 * Python's xmlrpc.client and tend's own client keep working. The requests are the ones a browser
 * sends for a cross-site page; nothing they ask for may happen.
 */
class BrowserGuardIT {
  private static final Path PYTHON = Path.of("/usr/bin/python3");

  @TempDir Path dir;
  private final RecordingSupervisorApi api = new RecordingSupervisorApi();
  private ControlServer server;
  private String tcp;

  @BeforeEach
  void start() throws Exception {
    server =
        ControlServer.start(
            api,
            ServerConfigs.with(
                List.of(ServerConfigs.unix(dir.resolve("s.sock"), 0700, null)),
                List.of(ServerConfigs.inet(null)),
                dir.resolve("main.log")),
            m -> {});
    tcp = server.urls().get(1);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private int status(byte[] request) throws Exception {
    return response(request).status();
  }

  private RawHttp.Response response(byte[] request) throws Exception {
    try (RawHttp http = RawHttp.to(tcp)) {
      return http.send(request).read();
    }
  }

  private static byte[] stop(String contentType, String... headers) {
    byte[] body = XmlRpcEncoder.call("supervisor.stopProcess", List.of("web"));
    List<String> h = new ArrayList<>(List.of(headers));
    String head =
        "POST /RPC2 HTTP/1.1\r\nHost: "
            + "%s\r\n"
            + (contentType == null ? "" : "Content-Type: " + contentType + "\r\n")
            + "Content-Length: "
            + body.length
            + "\r\n"
            + String.join("", h.stream().map(x -> x + "\r\n").toList())
            + "\r\n";
    byte[] headBytes = head.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
    byte[] all = new byte[headBytes.length + body.length];
    System.arraycopy(headBytes, 0, all, 0, headBytes.length);
    System.arraycopy(body, 0, all, headBytes.length, body.length);
    return all;
  }

  private byte[] at(byte[] request) {
    String host = java.net.URI.create(tcp).getAuthority();
    return new String(request, java.nio.charset.StandardCharsets.ISO_8859_1)
        .replaceFirst("%s", host)
        .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
  }

  @Test
  void aCrossSitePageCannotStopAProcess() throws Exception {
    // what fetch() or a form on http://evil.example sends: no preflight for these
    assertEquals(403, status(at(stop("text/plain", "Origin: http://evil.example"))));
    assertEquals(403, status(at(stop(null, "Origin: http://evil.example"))));
    // and without Origin (an old browser, or a plain form): not text/xml, refused all the same
    assertEquals(415, status(at(stop("text/plain"))));
    assertEquals(415, status(at(stop(null))));
    assertEquals(415, status(at(stop("application/x-www-form-urlencoded"))));
    // text/xml only after a preflight that is never granted; if one slipped through anyway:
    assertEquals(403, status(at(stop("text/xml", "Origin: http://evil.example"))));
    assertEquals(403, status(at(stop("text/xml", "Origin: null"))));
    assertEquals(403, status(at(stop("text/xml", "Sec-Fetch-Site: cross-site"))));
    assertEquals(403, status(at(stop("text/xml", "Sec-Fetch-Site: same-site"))));
    assertEquals(List.of(), api.calls);
  }

  @Test
  void aRefusalSaysWhyWithoutEchoingTheRequest() throws Exception {
    RawHttp.Response crossSite =
        response(at(stop("text/xml", "Origin: http://<script>evil.example")));
    assertEquals(403, crossSite.status());
    assertTrue(crossSite.text().contains("a page of another site"), crossSite.text());
    assertFalse(crossSite.text().contains("script"), crossSite.text());
    RawHttp.Response plain = response(at(stop("text/plain")));
    assertEquals(415, plain.status());
    assertTrue(plain.text().contains("Content-Type: text/xml"), plain.text());
  }

  @Test
  void theServersOwnOriginAndNonBrowsersAreServed() throws Exception {
    assertEquals(200, status(at(stop("text/xml"))));
    assertEquals(200, status(at(stop("text/xml; charset=utf-8"))));
    assertEquals(
        200, status(at(stop("text/xml", "Origin: " + tcp, "Sec-Fetch-Site: same-origin"))));
    assertEquals(3, api.calls.size());
  }

  @Test
  void aGetNeverRunsACall() throws Exception {
    byte[] post = at(stop("text/xml"));
    byte[] get = new byte[post.length - 1];
    System.arraycopy(post, 1, get, 0, get.length);
    get[0] = 'G';
    get[1] = 'E';
    get[2] = 'T'; // "GET /RPC2 ..." with the same headers and call
    assertEquals(400, status(get));
    assertEquals(400, status(at(RawHttp.get("/RPC2?supervisor.stopProcess=web").getBytes())));
    assertEquals(List.of(), api.calls);
  }

  @Test
  void aCrossSitePageCannotReadAFollow() throws Exception {
    try (RawHttp http = RawHttp.to(tcp)) {
      http.send(RawHttp.get("/tend/follow?name=web&stream=stdout", "Sec-Fetch-Site: cross-site"));
      assertEquals(403, http.read().status());
    }
    assertEquals(List.of(), api.calls);
  }

  @Test
  void pythonsXmlRpcClientIsServedUnchanged() throws Exception {
    assumeTrue(Files.isExecutable(PYTHON), "python3 is not installed");
    Process p =
        new ProcessBuilder(
                PYTHON.toString(),
                "-c",
                "import sys, xmlrpc.client\n"
                    + "s = xmlrpc.client.ServerProxy(sys.argv[1] + '/RPC2')\n"
                    + "print(s.supervisor.getPID(), s.supervisor.stopProcess('web'))\n",
                tcp)
            .redirectErrorStream(true)
            .start();
    String out = new String(p.getInputStream().readAllBytes()).strip();
    p.waitFor(30, TimeUnit.SECONDS);
    assertEquals("4242 True", out);
  }
}
