package dev.tend.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import dev.tend.testing.Await;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The probes' connections, against real loopback sockets. */
class SelectorNetworkChecksIT {
  private final SelectorNetworkChecks checks = new SelectorNetworkChecks();
  private final List<AutoCloseable> servers = new ArrayList<>();

  @AfterEach
  void close() throws Exception {
    checks.close();
    for (AutoCloseable s : servers) {
      s.close();
    }
  }

  private NetworkChecks.Outcome connect(int port, long timeoutMillis) throws Exception {
    CompletableFuture<NetworkChecks.Outcome> f = new CompletableFuture<>();
    checks.connect("127.0.0.1", port, timeoutMillis, f::complete);
    return f.get(10, TimeUnit.SECONDS);
  }

  private NetworkChecks.Outcome get(int port, String path, long timeoutMillis) throws Exception {
    CompletableFuture<NetworkChecks.Outcome> f = new CompletableFuture<>();
    checks.httpGet("127.0.0.1", port, path, timeoutMillis, f::complete);
    return f.get(10, TimeUnit.SECONDS);
  }

  private ServerSocket listening() throws IOException {
    ServerSocket s = new ServerSocket(0, 1024, InetAddress.getLoopbackAddress());
    servers.add(s);
    return s;
  }

  /** A port nothing listens on: one that was just bound and closed. */
  private static int closedPort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }

  @Test
  void aListeningPortPassesAndAClosedOneIsRefused() throws Exception {
    ServerSocket s = listening();
    NetworkChecks.Outcome ok = connect(s.getLocalPort(), 2000);
    assertTrue(ok.ok(), ok.message());
    assertEquals("connected to 127.0.0.1:" + s.getLocalPort(), ok.message());
    NetworkChecks.Outcome refused = connect(closedPort(), 2000);
    assertFalse(refused.ok());
    assertEquals("connection refused", refused.message());
  }

  private HttpServer http(int... codes) throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    AtomicInteger n = new AtomicInteger();
    server.createContext(
        "/",
        e -> {
          int code = codes[Math.min(n.getAndIncrement(), codes.length - 1)];
          e.getResponseHeaders().set("X-Path", e.getRequestURI().toString());
          e.sendResponseHeaders(code, -1);
          e.close();
        });
    server.start();
    servers.add(() -> server.stop(0));
    return server;
  }

  @Test
  void twoAndThreeHundredsPassOthersFail() throws Exception {
    HttpServer server = http(200, 302, 503, 404);
    int port = server.getAddress().getPort();
    NetworkChecks.Outcome first = get(port, "/health?x=1", 2000);
    assertTrue(first.ok(), first.message());
    assertEquals("HTTP 200 OK", first.message());
    assertTrue(get(port, "/", 2000).ok(), "a redirect is an answer");
    NetworkChecks.Outcome unavailable = get(port, "/", 2000);
    assertFalse(unavailable.ok());
    assertEquals("HTTP 503 Service Unavailable", unavailable.message());
    assertFalse(get(port, "/", 2000).ok());
  }

  @Test
  void aServerThatNeverAnswersTimesOut() throws Exception {
    ServerSocket s = listening(); // accepts (the kernel's backlog) but never writes
    long t0 = System.nanoTime();
    NetworkChecks.Outcome silent = get(s.getLocalPort(), "/", 300);
    assertFalse(silent.ok());
    assertEquals("no answer in 300 ms", silent.message());
    assertTrue(System.nanoTime() - t0 >= 300_000_000L, "not before its deadline");
  }

  @Test
  void anUnknownHostFails() throws Exception {
    CompletableFuture<NetworkChecks.Outcome> f = new CompletableFuture<>();
    checks.connect("no-such-host.invalid", 80, 2000, f::complete);
    assertFalse(f.get(10, TimeUnit.SECONDS).ok());
  }

  @Test
  void manyChecksAtOnceAllEndOnOneThread() throws Exception {
    ServerSocket s = listening();
    int closed = closedPort();
    List<CompletableFuture<NetworkChecks.Outcome>> all = new ArrayList<>();
    for (int i = 0; i < 400; i++) {
      CompletableFuture<NetworkChecks.Outcome> f = new CompletableFuture<>();
      checks.connect("127.0.0.1", i % 2 == 0 ? s.getLocalPort() : closed, 5000, f::complete);
      all.add(f);
    }
    int ok = 0;
    for (CompletableFuture<NetworkChecks.Outcome> f : all) {
      ok += f.get(20, TimeUnit.SECONDS).ok() ? 1 : 0;
    }
    assertEquals(200, ok);
    // the threads of earlier tests' closed checks end on their own
    Await.until("one tend-probe thread", () -> probeThreads() == 1);
  }

  private static long probeThreads() {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(t -> t.getName().equals("tend-probe") && t.isAlive())
        .count();
  }

  @Test
  void noThreadUntilTheFirstCheckAndChecksAfterCloseFail() throws Exception {
    SelectorNetworkChecks fresh = new SelectorNetworkChecks();
    long before = probeThreads();
    fresh.close();
    CompletableFuture<NetworkChecks.Outcome> f = new CompletableFuture<>();
    fresh.connect("127.0.0.1", 1, 1000, f::complete);
    assertEquals(new NetworkChecks.Outcome(false, "closed"), f.get(5, TimeUnit.SECONDS));
    assertTrue(probeThreads() <= before, "a closed checks object starts no thread");
  }
}
