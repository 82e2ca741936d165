package dev.tend.control.server;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tend.config.HttpAuth;
import dev.tend.config.SupervisorConfig;
import dev.tend.config.UnixHttpServerConfig;
import dev.tend.control.xmlrpc.XmlRpcEncoder;
import dev.tend.testing.Await;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The HTTP face over real sockets: socket files, auth, routing, keep-alive, limits, streams. */
class ControlServerIT {
  @TempDir Path dir;
  private final RecordingSupervisorApi api = new RecordingSupervisorApi();
  private final List<String> messages = new CopyOnWriteArrayList<>();
  private final List<AutoCloseable> open = new ArrayList<>();

  @AfterEach
  void closeAll() throws Exception {
    for (AutoCloseable c : open) {
      c.close();
    }
  }

  private <T extends AutoCloseable> T keep(T c) {
    open.add(c);
    return c;
  }

  private Path sock() {
    return dir.resolve("tend.sock");
  }

  private ControlServer start(SupervisorConfig config, ServerLimits limits) throws Exception {
    return keep(ControlServer.start(api, config, messages::add, limits));
  }

  private ControlServer startUnix(int chmod, HttpAuth auth) throws Exception {
    return start(
        ServerConfigs.with(
            List.of(ServerConfigs.unix(sock(), chmod, auth)), List.of(), dir.resolve("main.log")),
        ServerLimits.DEFAULTS);
  }

  private RawHttp.Response post(RawHttp http, String method, String... headers) throws IOException {
    http.send(RawHttp.post("/RPC2", XmlRpcEncoder.call(method, List.of()), headers));
    return http.read();
  }

  private List<Path> leftovers() throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(p -> p.getFileName().toString().startsWith(".tend")).toList();
    }
  }

  // -- the socket file --

  @Test
  void theSocketHasItsConfiguredModeAndNoTemporaryLeftovers() throws Exception {
    ControlServer server = startUnix(0760, null);
    assertEquals(
        "rwxrw----",
        PosixFilePermissions.toString(
            Files.getPosixFilePermissions(sock(), LinkOption.NOFOLLOW_LINKS)));
    assertEquals(List.of(), leftovers());
    assertEquals(List.of("unix://" + sock()), server.urls());
    try (RawHttp http = RawHttp.unix(sock())) {
      assertEquals(200, post(http, "supervisor.getPID").status());
    }
  }

  @Test
  void theSocketIsOwnedAsConfigured() throws Exception {
    int me = (Integer) Files.getAttribute(dir, "unix:uid");
    int target = me == 0 ? 65534 : me;
    UnixHttpServerConfig u =
        new UnixHttpServerConfig("unix_http_server", sock(), 0700, target, target, null);
    start(
        ServerConfigs.with(List.of(u), List.of(), dir.resolve("main.log")), ServerLimits.DEFAULTS);
    assertEquals(target, Files.getAttribute(sock(), "unix:uid", LinkOption.NOFOLLOW_LINKS));
    assertEquals(target, Files.getAttribute(sock(), "unix:gid", LinkOption.NOFOLLOW_LINKS));
  }

  @Test
  void aStaleSocketIsReplacedAndSaidSo() throws Exception {
    try (ServerSocketChannel dead = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
      dead.bind(UnixDomainSocketAddress.of(sock()));
    } // closed: the file stays, nobody listens
    assertTrue(Files.exists(sock()));
    startUnix(0700, null);
    assertEquals(List.of("Unlinking stale socket " + sock()), messages);
    try (RawHttp http = RawHttp.unix(sock())) {
      assertEquals(200, post(http, "supervisor.getPID").status());
    }
  }

  @Test
  void aLiveSocketIsRefusedWithSupervisordsMessageAndLeftAlone() throws Exception {
    try (ServerSocketChannel live = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
      live.bind(UnixDomainSocketAddress.of(sock()));
      ControlServerException e =
          assertThrows(ControlServerException.class, () -> startUnix(0700, null));
      assertEquals(ControlServerException.Kind.ADDRESS_IN_USE, e.kind());
      assertEquals(
          "Another program is already listening on a port that one of our HTTP servers is"
              + " configured to use.  Shut this program down first before starting supervisord.",
          e.getMessage());
      assertTrue(Files.exists(sock()));
      assertEquals(List.of(), leftovers());
      assertEquals(List.of(), messages);
    }
  }

  @Test
  void aFileThatIsNotASocketIsNeverRemoved() throws Exception {
    Files.writeString(sock(), "precious");
    ControlServerException e =
        assertThrows(ControlServerException.class, () -> startUnix(0700, null));
    assertEquals(ControlServerException.Kind.CANNOT_OPEN, e.kind());
    assertTrue(e.getMessage().contains("is not a socket"), e.getMessage());
    assertEquals("precious", Files.readString(sock()));
  }

  @Test
  void closingRemovesTheSocketButNotAnotherDaemonsReplacement() throws Exception {
    ControlServer server = startUnix(0700, null);
    server.close();
    assertFalse(Files.exists(sock(), LinkOption.NOFOLLOW_LINKS));
    server.close(); // idempotent

    ControlServer second = startUnix(0700, null);
    try (ServerSocketChannel other = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
      // renamed over ours in one step: the watchdog, told at once, finds another daemon's live
      // socket there and leaves it (a delete then a bind raced with its reopening)
      Path aside = dir.resolve("other.sock");
      other.bind(UnixDomainSocketAddress.of(aside));
      Files.move(
          aside,
          sock(),
          java.nio.file.StandardCopyOption.ATOMIC_MOVE,
          java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      second.close();
      assertTrue(Files.exists(sock(), LinkOption.NOFOLLOW_LINKS));
    }
  }

  @Test
  void reopenMovesToTheNewConfigsListeners() throws Exception {
    ControlServer server = startUnix(0700, null);
    Path other = dir.resolve("other.sock");
    server.reopen(
        ServerConfigs.with(
            List.of(ServerConfigs.unix(other, 0700, null)),
            List.of(ServerConfigs.inet(null)),
            dir.resolve("main.log")));
    assertFalse(Files.exists(sock(), LinkOption.NOFOLLOW_LINKS));
    assertEquals(2, server.urls().size());
    for (String url : server.urls()) {
      try (RawHttp http = RawHttp.to(url)) {
        assertEquals(200, post(http, "supervisor.getPID").status(), url);
      }
    }
  }

  @Test
  void reopenWithAChangedSectionEndsItsCallsInFlightAtOnce() throws Exception {
    ControlServer server = startUnix(0700, null);
    api.waitDelay = Duration.ofSeconds(60);
    try (RawHttp http = RawHttp.unix(sock())) {
      http.send(RawHttp.post("/RPC2", XmlRpcEncoder.call("tend.waitForChanges", List.of("0", 60))));
      Await.until("the long-poll to wait", () -> server.inFlight() == 1);
      long t0 = System.nanoTime();
      server.reopen(
          ServerConfigs.with(
              List.of(ServerConfigs.unix(sock(), 0770, null)), List.of(), dir.resolve("m")));
      assertTrue(http.closedByServer());
      assertTrue(System.nanoTime() - t0 < Duration.ofSeconds(10).toNanos());
    }
    api.waitDelay = Duration.ZERO;
    try (RawHttp http = RawHttp.unix(sock())) {
      assertEquals(200, post(http, "supervisor.getPID").status());
    }
    assertEquals(
        "rwxrwx---",
        PosixFilePermissions.toString(
            Files.getPosixFilePermissions(sock(), LinkOption.NOFOLLOW_LINKS)));
  }

  @Test
  void reopenKeepsAnUnchangedListenerAndItsConnectionsOpen() throws Exception {
    ControlServer server = startUnix(0700, null);
    Object inode = Files.getAttribute(sock(), "unix:ino", LinkOption.NOFOLLOW_LINKS);
    try (RawHttp kept = RawHttp.unix(sock())) {
      assertEquals(200, post(kept, "supervisor.getPID").status());
      for (int i = 0; i < 5; i++) {
        server.reopen(
            ServerConfigs.with(
                List.of(ServerConfigs.unix(sock(), 0700, null)), List.of(), dir.resolve("m")));
        assertEquals(200, post(kept, "supervisor.getPID").status(), "after reload " + i);
      }
    }
    assertEquals(inode, Files.getAttribute(sock(), "unix:ino", LinkOption.NOFOLLOW_LINKS));
    assertEquals(List.of(), messages);
  }

  @Test
  void closeEndsCallsInFlightAtOnce() throws Exception {
    ControlServer server = startUnix(0700, null);
    api.waitDelay = Duration.ofSeconds(60);
    try (RawHttp http = RawHttp.unix(sock())) {
      http.send(RawHttp.post("/RPC2", XmlRpcEncoder.call("tend.waitForChanges", List.of("0", 60))));
      Await.until("the long-poll to wait", () -> server.inFlight() == 1);
      long t0 = System.nanoTime();
      server.close();
      assertTrue(http.closedByServer());
      assertTrue(System.nanoTime() - t0 < Duration.ofSeconds(10).toNanos());
    }
  }

  @Test
  void aDeletedSocketFileIsRecreatedWithItsModeWithinSeconds() throws Exception {
    ControlServer server = startUnix(0760, null);
    try (RawHttp kept = RawHttp.unix(sock())) {
      assertEquals(200, post(kept, "supervisor.getPID").status());
      Object before = Files.getAttribute(sock(), "unix:ino", LinkOption.NOFOLLOW_LINKS);
      Files.delete(sock());
      long t0 = System.nanoTime();
      Await.until(
          "the socket file back",
          Duration.ofSeconds(10),
          () -> Files.exists(sock(), LinkOption.NOFOLLOW_LINKS) && UnixSocketFile.answers(sock()));
      long millis = (System.nanoTime() - t0) / 1_000_000;
      assertTrue(millis < 5_000, "recreated after " + millis + " ms");
      assertFalse(before.equals(Files.getAttribute(sock(), "unix:ino", LinkOption.NOFOLLOW_LINKS)));
      assertEquals(
          "rwxrw----",
          PosixFilePermissions.toString(
              Files.getPosixFilePermissions(sock(), LinkOption.NOFOLLOW_LINKS)));
      try (RawHttp fresh = RawHttp.unix(sock())) {
        assertEquals(200, post(fresh, "supervisor.getPID").status());
      }
      assertEquals(200, post(kept, "supervisor.getPID").status(), "connections go on");
    }
    assertEquals(List.of("unix://" + sock()), server.urls());
    assertEquals(List.of(), leftovers());
  }

  @Test
  void aSocketFileReplacedByAStaleOneIsTakenBack() throws Exception {
    startUnix(0700, null);
    Files.delete(sock());
    try (ServerSocketChannel dead = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
      dead.bind(UnixDomainSocketAddress.of(sock()));
    } // a socket file nobody listens on
    Await.until("our socket back", Duration.ofSeconds(10), () -> UnixSocketFile.answers(sock()));
    try (RawHttp fresh = RawHttp.unix(sock())) {
      assertEquals(200, post(fresh, "supervisor.getPID").status());
    }
  }

  @Test
  void aConfigWithoutServerSectionsOpensNothing() throws Exception {
    ControlServer server =
        start(ServerConfigs.with(List.of(), List.of(), dir.resolve("m")), ServerLimits.DEFAULTS);
    assertEquals(List.of(), server.urls());
    assertEquals(0, server.inFlight());
  }

  @Test
  void aTcpPortInUseIsRefused() throws Exception {
    ControlServer first =
        start(
            ServerConfigs.with(List.of(), List.of(ServerConfigs.inet(null)), dir.resolve("m")),
            ServerLimits.DEFAULTS);
    int port = java.net.URI.create(first.urls().get(0)).getPort();
    SupervisorConfig same =
        ServerConfigs.with(
            List.of(),
            List.of(
                new dev.tend.config.InetHttpServerConfig(
                    "inet_http_server", "127.0.0.1", port, null)),
            dir.resolve("m"));
    ControlServerException e =
        assertThrows(ControlServerException.class, () -> start(same, ServerLimits.DEFAULTS));
    assertEquals(ControlServerException.Kind.ADDRESS_IN_USE, e.kind());
  }

  // -- auth --

  private static String basic(String credentials) {
    return "Authorization: Basic "
        + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void withoutCredentialsEveryPathIs401AndTheConnectionCloses() throws Exception {
    startUnix(0700, new HttpAuth("user", "123"));
    for (String request :
        List.of(
            new String(RawHttp.post("/RPC2", new byte[0]), StandardCharsets.ISO_8859_1),
            RawHttp.get("/logtail/web"),
            RawHttp.get("/nothing"),
            RawHttp.get("/RPC2", basic("user:wrong")),
            RawHttp.get("/RPC2", "Authorization: Digest abc"))) {
      try (RawHttp http = RawHttp.unix(sock())) {
        RawHttp.Response r = http.send(request).read();
        assertEquals(401, r.status(), request);
        assertEquals("Basic realm=\"default\"", r.header("WWW-Authenticate"));
        assertEquals("close", r.header("Connection"));
        assertTrue(http.closedByServer());
      }
    }
    assertEquals(List.of(), api.calls);
  }

  @Test
  void rightCredentialsPassClearOrSha() throws Exception {
    startUnix(0700, new HttpAuth("user", "{SHA}40bd001563085fc35165329ea1ff5c5ecbdbbeef"));
    try (RawHttp http = RawHttp.unix(sock())) {
      assertEquals(200, post(http, "supervisor.getPID", basic("user:123")).status());
      assertEquals(401, post(http, "supervisor.getPID", basic("user:1234")).status());
    }
    try (RawHttp http = RawHttp.unix(sock())) {
      assertEquals(400, post(http, "supervisor.getPID", "Authorization: Basic d=X=").status());
    }
  }

  @Test
  void eachListenerHasItsOwnCredentials() throws Exception {
    ControlServer server =
        start(
            ServerConfigs.with(
                List.of(ServerConfigs.unix(sock(), 0700, null)),
                List.of(ServerConfigs.inet(new HttpAuth("tcp", "pw"))),
                dir.resolve("m")),
            ServerLimits.DEFAULTS);
    try (RawHttp unix = RawHttp.unix(sock());
        RawHttp tcp = RawHttp.to(server.urls().get(1))) {
      assertEquals(200, post(unix, "supervisor.getPID").status());
      assertEquals(401, post(tcp, "supervisor.getPID").status());
    }
    try (RawHttp tcp = RawHttp.to(server.urls().get(1))) {
      assertEquals(200, post(tcp, "supervisor.getPID", basic("tcp:pw")).status());
    }
  }

  // -- routing and HTTP --

  @Test
  void routesAndStatusesAsMedusa() throws Exception {
    startUnix(0700, null);
    String[][] cases = {
      {"GET /RPC2 HTTP/1.1", "400"},
      {"HEAD /RPC2 HTTP/1.1", "400"},
      {"PUT /RPC2 HTTP/1.1", "400"},
      {"GET / HTTP/1.1", "404"},
      {"GET /index.html HTTP/1.1", "404"},
      {"GET /nothing HTTP/1.1", "404"},
      {"POST /nothing HTTP/1.1", "400"},
      {"GET /logtail/nope HTTP/1.1", "404"},
      {"GET /logtail/web/bogus HTTP/1.1", "404"},
      {"GET /logtail HTTP/1.1", "404"},
      {"POST /logtail/web HTTP/1.1", "400"},
      {"POST /mainlogtail HTTP/1.1", "400"},
      {"GET /mainlogtail HTTP/1.1", "404"},
    };
    for (String[] c : cases) {
      try (RawHttp http = RawHttp.unix(sock())) {
        http.send(c[0] + "\r\nHost: localhost\r\nContent-Length: 0\r\n\r\n");
        RawHttp.Response r = c[0].startsWith("HEAD") ? http.readHead() : http.read();
        assertEquals(Integer.parseInt(c[1]), r.status(), c[0]);
        if (!c[0].startsWith("HEAD")) {
          assertEquals("text/html", r.header("Content-Type"), c[0]);
          assertArrayEquals(ErrorPages.body(r.status()), r.body(), c[0]);
        }
      }
    }
  }

  @Test
  void acceptsTheEmptyHostOfSupervisorctlsTailAndHttp10WithoutHost() throws Exception {
    startUnix(0700, null);
    byte[] call = XmlRpcEncoder.call("supervisor.getPID", List.of());
    for (String head :
        List.of(
            "POST /RPC2 HTTP/1.1\r\nHost: \r\nContent-Type: text/xml\r\n",
            "POST /RPC2 HTTP/1.1\r\nHost:\r\nContent-Type: text/xml\r\n",
            "POST /RPC2 HTTP/1.0\r\nContent-Type: text/xml\r\n")) {
      try (RawHttp http = RawHttp.unix(sock())) {
        http.send(head + "Content-Length: " + call.length + "\r\n\r\n").send(call);
        assertEquals(200, http.read().status(), head);
      }
    }
  }

  @Test
  void errorPagesAreMedusasPage() {
    assertEquals(
        "<head>\r\n<title>Error response</title>\r\n</head>\r\n<body>\r\n<h1>Error response</h1>\r\n"
            + "<p>Error code 404.\r\n<p>Message: Not Found.\r\n</body>\r\n",
        new String(ErrorPages.body(404), StandardCharsets.US_ASCII));
  }

  @Test
  void anyPathUnderRpc2IsTheEndpoint() throws Exception {
    startUnix(0700, null);
    try (RawHttp http = RawHttp.unix(sock())) {
      for (String path : List.of("/RPC2", "/RPC2/", "/RPC2x", "/RPC2?a=b", "/RP%432")) {
        http.send(RawHttp.post(path, XmlRpcEncoder.call("supervisor.getPID", List.of())));
        assertEquals(200, http.read().status(), path);
      }
    }
  }

  @Test
  void keepsConnectionsAliveAsHttp11And10Ask() throws Exception {
    startUnix(0700, null);
    byte[] call = XmlRpcEncoder.call("supervisor.getPID", List.of());
    try (RawHttp http = RawHttp.unix(sock())) {
      for (int i = 0; i < 3; i++) {
        http.send(RawHttp.post("/RPC2", call));
        assertEquals(200, http.read().status());
      }
      http.send(RawHttp.post("/RPC2", call, "Connection: close"));
      assertEquals(200, http.read().status());
      assertTrue(http.closedByServer());
    }
    String head10 =
        "POST /RPC2 HTTP/1.0\r\nContent-Type: text/xml\r\nContent-Length: " + call.length + "\r\n";
    try (RawHttp http = RawHttp.unix(sock())) {
      for (int i = 0; i < 2; i++) {
        http.send(head10 + "Connection: keep-alive\r\n\r\n").send(call);
        RawHttp.Response r = http.read();
        assertEquals(200, r.status());
        assertEquals("keep-alive", r.header("Connection").toLowerCase(java.util.Locale.ROOT));
      }
      http.send(head10 + "\r\n").send(call);
      assertEquals(200, http.read().status());
      assertTrue(http.closedByServer());
    }
  }

  // -- limits --

  @Test
  void oversizedRequestsAreRefusedBeforeTheyAreRead() throws Exception {
    startUnix(0700, null);
    try (RawHttp http = RawHttp.unix(sock())) {
      http.send(
          "POST /RPC2 HTTP/1.1\r\nHost: x\r\nContent-Type: text/xml\r\nContent-Length: 104857600\r\n\r\n<methodCall>");
      RawHttp.Response r = http.read();
      assertEquals(413, r.status());
      assertTrue(http.closedByServer());
    }
    StringBuilder many = new StringBuilder("POST /RPC2 HTTP/1.1\r\nHost: x\r\n");
    for (int i = 0; i < 100; i++) {
      many.append("X-H").append(i).append(": v\r\n");
    }
    try (RawHttp http = RawHttp.unix(sock())) {
      assertEquals(431, http.send(many + "Content-Length: 0\r\n\r\n").read().status());
    }
    try (RawHttp http = RawHttp.unix(sock())) {
      String huge = "X-Big: " + "a".repeat(20_000) + "\r\n";
      assertEquals(
          431, http.send("GET /RPC2 HTTP/1.1\r\nHost: x\r\n" + huge + "\r\n").read().status());
    }
    assertEquals(List.of(), api.calls);
  }

  @Test
  void pipelinedRequestsAreAnsweredInOrder() throws Exception {
    startUnix(0700, null);
    byte[] pid = RawHttp.post("/RPC2", XmlRpcEncoder.call("supervisor.getPID", List.of()));
    byte[] version =
        RawHttp.post("/RPC2", XmlRpcEncoder.call("supervisor.getAPIVersion", List.of()));
    byte[] both = new byte[pid.length + version.length];
    System.arraycopy(pid, 0, both, 0, pid.length);
    System.arraycopy(version, 0, both, pid.length, version.length);
    try (RawHttp http = RawHttp.unix(sock())) {
      http.send(both);
      assertTrue(http.read().text().contains("<int>4242</int>"));
      assertTrue(http.read().text().contains("3.0"));
    }
    assertEquals(List.of("getPID()", "getAPIVersion()"), api.calls);
  }

  @Test
  void aMalformedRequestLineIsRefusedBeforeItsHeadersCome() throws Exception {
    startUnix(0700, null);
    try (RawHttp http = RawHttp.unix(sock())) {
      http.send("GET /RPC2 HTTP/1.1 extra\r\nHost: x\r\n"); // no blank line: the head is not done
      RawHttp.Response r = http.read();
      assertEquals(400, r.status());
      assertEquals("close", r.header("Connection"));
    }
  }

  @Test
  void aHeadThatNeverCompletesIsAnswered408() throws Exception {
    start(
        ServerConfigs.with(
            List.of(ServerConfigs.unix(sock(), 0700, null)), List.of(), dir.resolve("m")),
        ServerLimits.DEFAULTS.withRequestTimeouts(Duration.ofMillis(500)));
    try (RawHttp http = RawHttp.unix(sock())) {
      http.send("POST /RPC2 HTTP/1.1\r\nHost: x\r\n");
      RawHttp.Response r = http.read();
      assertEquals(408, r.status());
      assertEquals("close", r.header("Connection"));
    }
  }

  @Test
  void aRequestThatTricklesInIsCutOff() throws Exception {
    start(
        ServerConfigs.with(
            List.of(ServerConfigs.unix(sock(), 0700, null)), List.of(), dir.resolve("m")),
        ServerLimits.DEFAULTS.withRequestTimeouts(Duration.ofMillis(800)));
    try (RawHttp http = RawHttp.unix(sock())) {
      long t0 = System.nanoTime();
      String head = "POST /RPC2 HTTP/1.1\r\nHost: localhost\r\nX-Slow: ";
      boolean cut = false;
      for (int i = 0; i < 100 && !cut; i++) {
        try {
          http.send(head.substring(Math.min(i, head.length() - 1), Math.min(i + 1, head.length())));
          Thread.sleep(50); // slowloris: a byte every 50 ms, never idle, never done
        } catch (IOException e) {
          cut = true;
        }
        if (!cut && i > 40) {
          cut = http.closedByServer();
        }
      }
      assertTrue(cut, "still open after " + (System.nanoTime() - t0) / 1_000_000 + " ms");
    }
    try (RawHttp http = RawHttp.unix(sock())) { // and the server still answers
      assertEquals(200, post(http, "supervisor.getPID").status());
    }
  }

  @Test
  void connectionsBeyondTheLimitAre503WhenNoneIsIdle() throws Exception {
    ControlServer server =
        start(
            ServerConfigs.with(
                List.of(ServerConfigs.unix(sock(), 0700, null)), List.of(), dir.resolve("m")),
            ServerLimits.DEFAULTS.withMaxConnections(2));
    api.waitDelay = Duration.ofSeconds(3);
    byte[] poll = XmlRpcEncoder.call("tend.waitForChanges", List.of("0", 3));
    try (RawHttp first = RawHttp.unix(sock());
        RawHttp second = RawHttp.unix(sock())) {
      first.send(RawHttp.post("/RPC2", poll));
      second.send(RawHttp.post("/RPC2", poll));
      Await.until("two long-polls waiting", () -> server.inFlight() == 2);
      try (RawHttp third = RawHttp.unix(sock())) {
        RawHttp.Response r = third.read();
        assertEquals(503, r.status());
        assertEquals("close", r.header("Connection"));
        assertTrue(third.closedByServer());
      }
      assertEquals(200, first.read().status());
    }
    api.waitDelay = Duration.ZERO;
    Await.until("the long-polls ended", () -> server.connections() == 0);
    try (RawHttp again = RawHttp.unix(sock())) {
      assertEquals(200, post(again, "supervisor.getPID").status());
    }
  }

  @Test
  void atTheLimitTheLongestIdleKeptAliveConnectionMakesRoom() throws Exception {
    ControlServer server =
        start(
            ServerConfigs.with(
                List.of(ServerConfigs.unix(sock(), 0700, null)), List.of(), dir.resolve("m")),
            ServerLimits.DEFAULTS.withMaxConnections(2));
    try (RawHttp first = RawHttp.unix(sock());
        RawHttp second = RawHttp.unix(sock())) {
      assertEquals(200, post(first, "supervisor.getPID").status());
      // the server marks a connection idle just after its answer is written (the second is idle
      // since it connected): wait for it, so the first is the longer idle by the server's clock
      Await.until("the first waits for its next request", () -> server.idleConnections() == 2);
      assertEquals(200, post(second, "supervisor.getPID").status());
      Await.until("both wait for their next request", () -> server.idleConnections() == 2);
      try (RawHttp third = RawHttp.unix(sock())) {
        assertEquals(200, post(third, "supervisor.getPID").status());
      }
      assertTrue(first.closedByServer(), "the longest idle one made room");
      assertEquals(200, post(second, "supervisor.getPID").status());
    }
  }

  @Test
  void aBodyThatNeverCompletesTimesOutWith408() throws Exception {
    start(
        ServerConfigs.with(
            List.of(ServerConfigs.unix(sock(), 0700, null)), List.of(), dir.resolve("m")),
        ServerLimits.DEFAULTS.withRequestTimeouts(Duration.ofMillis(500)));
    try (RawHttp http = RawHttp.unix(sock())) {
      http.send(
          "POST /RPC2 HTTP/1.1\r\nHost: x\r\nContent-Type: text/xml\r\nContent-Length: 100\r\n\r\n<methodCall>");
      RawHttp.Response r = http.read();
      assertEquals(408, r.status());
      assertTrue(http.closedByServer());
    }
  }

  @Test
  void aBodyCutShortOrBadlyChunkedIs400Not500() throws Exception {
    startUnix(0700, null);
    for (String request :
        List.of(
            "POST /RPC2 HTTP/1.1\r\nHost: x\r\nContent-Type: text/xml\r\nContent-Length: 100\r\n\r\n<methodCall>",
            "POST /RPC2 HTTP/1.1\r\nHost: x\r\nContent-Type: text/xml\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\nabc\r\n")) {
      try (java.nio.channels.SocketChannel ch =
          java.nio.channels.SocketChannel.open(UnixDomainSocketAddress.of(sock()))) {
        ch.write(java.nio.ByteBuffer.wrap(request.getBytes(StandardCharsets.ISO_8859_1)));
        ch.shutdownOutput(); // the client gives up half-way
        String reply =
            new String(
                java.nio.channels.Channels.newInputStream(ch).readAllBytes(),
                StandardCharsets.ISO_8859_1);
        assertTrue(reply.startsWith("HTTP/1.1 400 "), reply);
      }
    }
  }

  @Test
  void idleConnectionsCloseButWaitingCallsDoNot() throws Exception {
    start(
        ServerConfigs.with(
            List.of(ServerConfigs.unix(sock(), 0700, null)), List.of(), dir.resolve("m")),
        ServerLimits.DEFAULTS.withIdleTimeout(Duration.ofMillis(300)));
    api.waitDelay = Duration.ofMillis(1200);
    try (RawHttp http = RawHttp.unix(sock())) {
      http.send(RawHttp.post("/RPC2", XmlRpcEncoder.call("tend.waitForChanges", List.of("0", 5))));
      assertEquals(200, http.read().status()); // waited 4 idle timeouts for its answer
      long t0 = System.nanoTime();
      assertTrue(http.closedByServer()); // then nothing more to do: closed when idle
      assertTrue(System.nanoTime() - t0 < Duration.ofSeconds(10).toNanos());
    }
  }

  // -- streams --

  @Test
  void logtailSendsTheLastKilobyteThenEachWrite() throws Exception {
    startUnix(0700, null);
    api.logBytes = ("x".repeat(2000) + "END-OF-HISTORY").getBytes(StandardCharsets.UTF_8);
    try (RawHttp http = RawHttp.unix(sock())) {
      RawHttp.Response head = http.send(RawHttp.get("/logtail/web")).readHead();
      assertEquals(200, head.status());
      assertEquals("text/plain;charset=utf-8", head.header("Content-Type"));
      assertEquals("no", head.header("X-Accel-Buffering"));
      assertEquals("chunked", head.header("Transfer-Encoding"));
      assertEquals("followProcessLog(web, STDOUT, 1024)", api.calls.get(1));
      String history = new String(http.chunk(), StandardCharsets.UTF_8);
      assertEquals(1024, history.length());
      assertTrue(history.endsWith("END-OF-HISTORY"));
      api.lastListener.onData("\u001b[31mred\u001b[0m\n".getBytes(StandardCharsets.UTF_8));
      assertEquals("\u001b[31mred\u001b[0m\n", new String(http.chunk(), StandardCharsets.UTF_8));
    }
    // the client went away: the next write fails and the follow is closed
    Await.until(
        "the follow closed",
        () -> {
          api.lastListener.onData(new byte[] {'.'});
          return api.calls.contains("closeFollow(web)");
        });
  }

  @Test
  void logtailOfStderrAndOfAStreamWithoutALog() throws Exception {
    startUnix(0700, null);
    try (RawHttp http = RawHttp.unix(sock())) {
      // RecordingSupervisorApi's processes have no stderr log
      assertEquals(404, http.send(RawHttp.get("/logtail/g%3Aa/stderr")).read().status());
    }
    assertEquals("getProcessInfo(g:a)", api.calls.get(0));
  }

  @Test
  void mainlogtailStreamsAppendsAndTruncation() throws Exception {
    Path log = dir.resolve("main.log");
    Files.writeString(log, "y".repeat(3000) + "LAST\n");
    startUnix(0700, null);
    try (RawHttp http = RawHttp.unix(sock())) {
      assertEquals(200, http.send(RawHttp.get("/mainlogtail")).readHead().status());
      String first = new String(http.chunk(), StandardCharsets.UTF_8);
      assertEquals(1024, first.length());
      assertTrue(first.endsWith("LAST\n"));
      Files.writeString(log, "more\n", StandardOpenOption.APPEND);
      assertEquals("more\n", new String(http.chunk(), StandardCharsets.UTF_8));
      Files.writeString(log, "");
      assertEquals("==> File truncated <==\n", new String(http.chunk(), StandardCharsets.UTF_8));
    }
  }

  // -- closing --

  @Test
  void theAnswerToShutdownGoesOutBeforeTheServerCloses() throws Exception {
    ControlServer server = startUnix(0700, null);
    List<Thread> closers = new CopyOnWriteArrayList<>();
    // As the daemon does when no program needs stopping: the server closes at once, here while the
    // shutdown call's answer is still to be written.
    api.onShutdown =
        () -> {
          Thread closer = Thread.ofPlatform().name("closer").start(server::close);
          closers.add(closer);
          Await.until(
              "the closer to have closed, or to wait for the answers owed",
              Duration.ofSeconds(10),
              () ->
                  closer.getState() == Thread.State.TERMINATED
                      || Stream.of(closer.getStackTrace())
                          .anyMatch(f -> f.getMethodName().equals("awaitNone")));
        };
    try (RawHttp http = RawHttp.unix(sock())) {
      RawHttp.Response r = post(http, "supervisor.shutdown");
      assertEquals(200, r.status());
      assertTrue(r.text().contains("<boolean>1</boolean>"), r.text());
    }
    closers.get(0).join();
    assertFalse(Files.exists(sock()), "the socket file is removed once closed");
  }
}
