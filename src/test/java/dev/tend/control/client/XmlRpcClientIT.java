package dev.tend.control.client;

import static dev.tend.control.client.FakeHttpServer.chunked;
import static dev.tend.control.client.FakeHttpServer.ok;
import static dev.tend.control.client.FakeHttpServer.okValue;
import static dev.tend.control.client.FakeHttpServer.status;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tend.api.ConnectionException;
import dev.tend.api.ConnectionException.Kind;
import dev.tend.api.FaultException;
import dev.tend.api.LogFollow;
import dev.tend.api.LogListener;
import dev.tend.control.xmlrpc.MethodCall;
import dev.tend.control.xmlrpc.XmlRpcEncoder;
import dev.tend.testing.Await;
import java.io.ByteArrayOutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The HTTP/1.1 transport against a scripted server: framing, keep-alive, auth, every failure. */
class XmlRpcClientIT {
  @TempDir Path dir;

  private final List<AutoCloseable> toClose = new ArrayList<>();

  @AfterEach
  void closeAll() throws Exception {
    for (AutoCloseable c : toClose) {
      c.close();
    }
  }

  private FakeHttpServer unixServer(FakeHttpServer.Handler h) throws Exception {
    FakeHttpServer s = FakeHttpServer.unix(dir.resolve("s.sock"), h);
    toClose.add(s);
    return s;
  }

  private FakeHttpServer tcpServer(FakeHttpServer.Handler h) throws Exception {
    FakeHttpServer s = FakeHttpServer.tcp(h);
    toClose.add(s);
    return s;
  }

  private XmlRpcClient client(ServerUrl url, ClientSettings settings) {
    XmlRpcClient c = new XmlRpcClient(url, settings);
    toClose.add(c);
    return c;
  }

  private XmlRpcClient client(FakeHttpServer s) {
    return client(s.url(), ClientSettings.defaults());
  }

  /** Answers every call with the method name it was called with. */
  private static final FakeHttpServer.Handler ECHO =
      (r, out) -> out.write(okValue(r.call().methodName()));

  @Test
  void postsXmlRpcToRpc2OverAUnixSocketAsSupervisorctlDoes() throws Exception {
    FakeHttpServer s = unixServer((r, out) -> out.write(okValue(Map.of("statecode", 1))));
    assertEquals(Map.of("statecode", 1), client(s).call("supervisor.getState"));
    FakeHttpServer.Request r = s.requests().get(0);
    assertEquals("POST", r.method());
    assertEquals("/RPC2", r.path());
    assertEquals("localhost", r.headers().get("host"));
    assertEquals("text/xml", r.headers().get("content-type"));
    assertEquals(String.valueOf(r.body().length), r.headers().get("content-length"));
    assertNull(r.headers().get("authorization"));
    assertEquals(new MethodCall("supervisor.getState", List.of()), r.call());
  }

  @Test
  void sendsHostAndPortOverTcp() throws Exception {
    FakeHttpServer s = tcpServer(ECHO);
    assertEquals("a.b", client(s).call("a.b"));
    assertEquals("127.0.0.1:" + s.url().port(), s.requests().get(0).headers().get("host"));
  }

  @Test
  void readsChunkedAnswers() throws Exception {
    byte[] body = XmlRpcEncoder.response("x".repeat(5000) + "\u00e9");
    FakeHttpServer s = unixServer((r, out) -> out.write(chunked(body, 777)));
    XmlRpcClient c = client(s);
    assertEquals("x".repeat(5000) + "\u00e9", c.call("a.b"));
    assertEquals("x".repeat(5000) + "\u00e9", c.call("a.b"));
    assertEquals(1, s.connections(), "a chunked answer read to its end keeps the connection");
  }

  @Test
  void keepAliveReusesOneConnectionForSequentialCalls() throws Exception {
    FakeHttpServer s = unixServer(ECHO);
    XmlRpcClient c = client(s);
    for (int i = 0; i < 20; i++) {
      assertEquals("m" + i, c.call("m" + i));
    }
    assertEquals(1, s.connections());
    assertEquals(1, c.connectionsOpened());
  }

  @Test
  void concurrentCallersGetTheirOwnAnswersAndConnectionsArePooled() throws Exception {
    CountDownLatch allIn = new CountDownLatch(4);
    FakeHttpServer s =
        unixServer(
            (r, out) -> {
              String m = r.call().methodName();
              if (m.startsWith("first")) {
                allIn.countDown(); // hold the first round until four calls are in flight at once
                allIn.await(10, TimeUnit.SECONDS);
              }
              out.write(okValue(m));
            });
    XmlRpcClient c = client(s);
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<Object>> answers = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        int thread = t;
        answers.add(
            pool.submit(
                () -> {
                  assertEquals("first" + thread, c.call("first" + thread));
                  for (int i = 0; i < 10; i++) {
                    assertEquals("t" + thread + "." + i, c.call("t" + thread + "." + i));
                  }
                  return null;
                }));
      }
      for (Future<Object> f : answers) {
        f.get(20, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }
    assertEquals(4, s.connections(), "four at once need four connections, and no more after");
  }

  @Test
  void connectionCloseAndHttp10AnswersAreNotReused() throws Exception {
    FakeHttpServer s =
        unixServer(
            (r, out) -> {
              byte[] body = XmlRpcEncoder.response("ok");
              String head =
                  r.call().methodName().equals("close")
                      ? "HTTP/1.1 200 OK\r\nConnection: close\r\n"
                      : "HTTP/1.0 200 OK\r\n";
              out.write(head + "Content-Length: " + body.length + "\r\n\r\n");
              out.write(body);
              out.close();
            });
    XmlRpcClient c = client(s);
    c.call("close");
    c.call("http10");
    c.call("close");
    assertEquals(3, s.connections());
  }

  @Test
  void readsAnAnswerFramedByTheEndOfTheStream() throws Exception {
    FakeHttpServer s =
        unixServer(
            (r, out) -> {
              out.write("HTTP/1.0 200 OK\r\nContent-Type: text/xml\r\n\r\n");
              out.write(XmlRpcEncoder.response(42));
              out.close();
            });
    assertEquals(42, client(s).call("a.b"));
  }

  @Test
  void aPooledConnectionTheServerClosedIsReplacedTransparently() throws Exception {
    FakeHttpServer s =
        unixServer(
            (r, out) -> {
              out.write(okValue("ok")); // keep-alive promised ...
              out.close(); // ... and broken, as an idle timeout would
            });
    XmlRpcClient c = client(s);
    assertEquals("ok", c.call("a.b"));
    Await.until("the server closed the connection", () -> s.connections() == 1);
    assertEquals("ok", c.call("a.b"));
    assertEquals("ok", c.call("a.b"));
    assertEquals(3, s.connections());
    assertEquals(3, s.requests().size(), "no request was sent twice");
  }

  @Test
  void sendsBasicAuthOnlyWhenBothUserAndPasswordAreSet() throws Exception {
    FakeHttpServer s = unixServer(ECHO);
    client(s.url(), ClientSettings.defaults().withCredentials("user", "p\u00e4ss")).call("a.b");
    client(s.url(), ClientSettings.defaults().withCredentials("user", null)).call("a.b");
    assertEquals("Basic dXNlcjpww6Rzcw==", s.requests().get(0).headers().get("authorization"));
    assertNull(s.requests().get(1).headers().get("authorization"));
  }

  @Test
  void unauthorizedIs401() throws Exception {
    FakeHttpServer s = unixServer((r, out) -> out.write(status(401, "Unauthorized")));
    ConnectionException e =
        assertThrows(ConnectionException.class, () -> client(s).call("supervisor.getState"));
    assertEquals(Kind.UNAUTHORIZED, e.kind());
    assertEquals(
        s.url() + " requires authentication (HTTP 401 Unauthorized to supervisor.getState)",
        e.getMessage());
  }

  @Test
  void otherStatusesAreProtocolErrorsThatKeepTheStatus() throws Exception {
    FakeHttpServer s = unixServer((r, out) -> out.write(status(500, "Internal Server Error")));
    ConnectionException e = assertThrows(ConnectionException.class, () -> client(s).call("a.b"));
    assertEquals(Kind.PROTOCOL, e.kind());
    assertEquals(500, e.httpStatus());
    assertTrue(e.getMessage().contains("HTTP 500 Internal Server Error"), e.getMessage());
  }

  @Test
  void faultsAreFaultExceptions() throws Exception {
    FakeHttpServer s =
        unixServer((r, out) -> out.write(ok(XmlRpcEncoder.fault(10, "BAD_NAME: x"))));
    FaultException e = assertThrows(FaultException.class, () -> client(s).call("a.b", "x"));
    assertEquals(10, e.code());
    assertEquals("BAD_NAME: x", e.faultString());
  }

  @Test
  void malformedAnswersAreProtocolErrors() throws Exception {
    FakeHttpServer s =
        unixServer(
            (r, out) -> {
              switch (r.call().methodName()) {
                case "xml" -> out.write(ok("<methodResponse><params>".getBytes(UTF_8)));
                case "http" -> {
                  out.write("SSH-2.0-OpenSSH_9.6\r\n\r\n");
                  out.close();
                }
                case "length" -> out.write("HTTP/1.1 200 OK\r\nContent-Length: 12x\r\n\r\n");
                default -> out.write("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n");
              }
            });
    XmlRpcClient c = client(s);
    for (String m : List.of("xml", "http", "length", "chunk")) {
      ConnectionException e = assertThrows(ConnectionException.class, () -> c.call(m), m);
      assertEquals(Kind.PROTOCOL, e.kind(), e.getMessage());
    }
  }

  @Test
  void answersOverTheSizeLimitAreRefused() throws Exception {
    FakeHttpServer s =
        unixServer(
            (r, out) -> {
              byte[] body = XmlRpcEncoder.response("x".repeat(10_000));
              out.write(r.call().methodName().equals("length") ? ok(body) : chunked(body, 1000));
            });
    ClientSettings small =
        new ClientSettings(
            null,
            null,
            Duration.ofSeconds(5),
            Duration.ofSeconds(5),
            Duration.ZERO,
            4,
            5000,
            Duration.ZERO);
    XmlRpcClient c = client(s.url(), small);
    for (String m : List.of("length", "chunked")) {
      ConnectionException e = assertThrows(ConnectionException.class, () -> c.call(m));
      assertEquals(Kind.PROTOCOL, e.kind());
      assertTrue(e.getMessage().contains("limit of 5000"), e.getMessage());
    }
  }

  @Test
  void serverClosingMidAnswerIsAnIoError() throws Exception {
    FakeHttpServer s =
        unixServer(
            (r, out) -> {
              out.write("HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\n<?xml");
              out.close();
            });
    ConnectionException e = assertThrows(ConnectionException.class, () -> client(s).call("a.b"));
    assertEquals(Kind.IO, e.kind());
    assertTrue(e.getMessage().contains("closed the connection"), e.getMessage());
    assertEquals(1, s.requests().size(), "an answer had begun: the call is not repeated");
  }

  @Test
  void serverClosingBeforeAnsweringAFreshConnectionIsAnIoError() throws Exception {
    FakeHttpServer s = unixServer((r, out) -> out.close());
    ConnectionException e = assertThrows(ConnectionException.class, () -> client(s).call("a.b"));
    assertEquals(Kind.IO, e.kind());
    assertEquals(1, s.requests().size());
  }

  @Test
  void readTimeoutEndsACallTheServerNeverAnswers() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    FakeHttpServer s = unixServer((r, out) -> release.await(20, TimeUnit.SECONDS));
    XmlRpcClient c = client(s.url(), ClientSettings.defaults());
    long t0 = System.nanoTime();
    ConnectionException e =
        assertThrows(
            ConnectionException.class,
            () -> c.call(Duration.ofMillis(300), "supervisor.getState", List.of()));
    long ms = (System.nanoTime() - t0) / 1_000_000;
    release.countDown();
    assertEquals(Kind.IO, e.kind());
    assertTrue(e.getMessage().startsWith("timed out after 300 ms"), e.getMessage());
    assertTrue(ms >= 290 && ms < 5000, "took " + ms + " ms");
  }

  @Test
  void aTimeoutOnAPooledConnectionIsNotRetried() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    FakeHttpServer s =
        unixServer(
            (r, out) -> {
              if (r.call().methodName().equals("slow")) {
                release.await(20, TimeUnit.SECONDS);
              }
              out.write(okValue("ok"));
            });
    XmlRpcClient c = client(s);
    assertEquals("ok", c.call("fast"));
    ConnectionException e =
        assertThrows(
            ConnectionException.class, () -> c.call(Duration.ofMillis(200), "slow", List.of()));
    release.countDown();
    assertTrue(e.getMessage().startsWith("timed out"), e.getMessage());
    assertEquals(2, s.requests().size(), "the slow call was sent once");
  }

  @Test
  void interimResponsesAreSkipped() throws Exception {
    FakeHttpServer s =
        unixServer(
            (r, out) -> {
              out.write("HTTP/1.1 100 Continue\r\n\r\n");
              out.write(okValue("final"));
            });
    assertEquals("final", client(s).call("a.b"));
  }

  @Test
  void refusedTcpConnection() throws Exception {
    int port;
    try (ServerSocketChannel probe = ServerSocketChannel.open()) {
      probe.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
      port = ((InetSocketAddress) probe.getLocalAddress()).getPort();
    }
    ServerUrl url = ServerUrl.parse("http://127.0.0.1:" + port);
    ConnectionException e =
        assertThrows(
            ConnectionException.class, () -> client(url, ClientSettings.defaults()).call("a.b"));
    assertEquals(Kind.REFUSED, e.kind());
    assertEquals("http://127.0.0.1:" + port + " refused connection", e.getMessage());
  }

  @Test
  void socketFileWithNobodyListeningIsRefused() throws Exception {
    Path socket = dir.resolve("stale.sock");
    try (ServerSocketChannel s = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
      s.bind(UnixDomainSocketAddress.of(socket)); // closing leaves the file, as a crash would
    }
    assertTrue(Files.exists(socket));
    ServerUrl url = ServerUrl.parse("unix://" + socket);
    ConnectionException e =
        assertThrows(
            ConnectionException.class, () -> client(url, ClientSettings.defaults()).call("a.b"));
    assertEquals(Kind.REFUSED, e.kind());
    assertEquals("unix://" + socket + " refused connection", e.getMessage());
  }

  @Test
  void missingSocketFileIsNoSuchFile() {
    ServerUrl url = ServerUrl.parse("unix://" + dir.resolve("nope.sock"));
    ConnectionException e =
        assertThrows(
            ConnectionException.class, () -> client(url, ClientSettings.defaults()).call("a.b"));
    assertEquals(Kind.NO_SUCH_FILE, e.kind());
    assertEquals("unix://" + dir.resolve("nope.sock") + " no such file", e.getMessage());
  }

  @Test
  void multicallResultsAreBareValuesOrFaults() throws Exception {
    FakeHttpServer s =
        unixServer(
            (r, out) -> {
              MethodCall call = r.call();
              assertEquals("system.multicall", call.methodName());
              assertEquals(
                  List.of(
                      Map.of("methodName", "supervisor.getPID", "params", List.of()),
                      Map.of("methodName", "supervisor.getProcessInfo", "params", List.of("x"))),
                  call.params().get(0));
              out.write(
                  okValue(List.of(6433, Map.of("faultCode", 10, "faultString", "BAD_NAME: x"))));
            });
    List<CallResult> results =
        client(s)
            .multicall(
                List.of(Call.of("supervisor.getPID"), Call.of("supervisor.getProcessInfo", "x")));
    assertEquals(6433, results.get(0).value());
    assertFalse(results.get(0).isFault());
    assertTrue(results.get(1).isFault());
    FaultException e = assertThrows(FaultException.class, () -> results.get(1).value());
    assertEquals("BAD_NAME: x", e.faultString());
  }

  // ---- endless GET streams (supervisord's /logtail) ----

  private static final class RecordingListener implements LogListener {
    final ByteArrayOutputStream data = new ByteArrayOutputStream();
    final AtomicReference<String> closed = new AtomicReference<>();

    @Override
    public synchronized void onData(byte[] bytes) {
      data.writeBytes(bytes);
    }

    @Override
    public void onGap(long bytes) {
      throw new AssertionError("a stream has no gaps");
    }

    @Override
    public void onClosed(String reason) {
      assertTrue(closed.compareAndSet(null, reason), "onClosed twice");
    }

    synchronized String text() {
      return data.toString(UTF_8);
    }
  }

  @Test
  void streamsChunkedBodyUntilClosed() throws Exception {
    CountDownLatch hold = new CountDownLatch(1);
    FakeHttpServer s =
        unixServer(
            (r, out) -> {
              out.write("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n");
              out.write("6\r\nhello \r\n");
              out.write("6\r\nworld\n\r\n");
              hold.await(20, TimeUnit.SECONDS); // endless, like tail -f
            });
    RecordingListener listener = new RecordingListener();
    LogFollow follow = client(s).stream("/logtail/web/stdout", listener);
    Await.until("both chunks", () -> listener.text().equals("hello world\n"));
    assertEquals("GET", s.requests().get(0).method());
    assertEquals("/logtail/web/stdout", s.requests().get(0).path());
    follow.close();
    Await.until("onClosed", () -> listener.closed.get() != null);
    assertEquals("closed", listener.closed.get());
    hold.countDown();
  }

  @Test
  void streamEndedByTheServerSaysSo() throws Exception {
    FakeHttpServer s =
        unixServer(
            (r, out) -> {
              out.write(chunked("bye\n".getBytes(UTF_8), 2));
              out.close();
            });
    RecordingListener listener = new RecordingListener();
    client(s).stream("/mainlogtail", listener);
    Await.until("onClosed", () -> listener.closed.get() != null);
    assertEquals("bye\n", listener.text());
    assertEquals("the server ended the stream", listener.closed.get());
  }

  @Test
  void streamOfAMissingLogIsRefusedAtOnce() throws Exception {
    FakeHttpServer s = unixServer((r, out) -> out.write(status(404, "Not Found")));
    RecordingListener listener = new RecordingListener();
    ConnectionException e =
        assertThrows(
            ConnectionException.class, () -> client(s).stream("/logtail/nope/stdout", listener));
    assertEquals(Kind.PROTOCOL, e.kind());
    assertEquals(404, e.httpStatus());
    assertNull(listener.closed.get(), "no follow started, so no onClosed");
  }
}
