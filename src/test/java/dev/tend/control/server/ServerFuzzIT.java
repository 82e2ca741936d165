package dev.tend.control.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tend.control.xmlrpc.MethodResponse;
import dev.tend.control.xmlrpc.XmlRpcLimits;
import dev.tend.control.xmlrpc.XmlRpcParseException;
import dev.tend.control.xmlrpc.XmlRpcParser;
import dev.tend.testing.Await;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Thousands of malformed requests over TCP and the unix socket, plus a slowloris crowd: the server
 * never answers 500, every 200 is a well-formed XML-RPC response, it still answers afterwards, and
 * its threads and file descriptors are back where they were.
 */
class ServerFuzzIT {
  private static final int WARM_UP = 800;
  private static final int REQUESTS = 2_400;
  @TempDir Path dir;
  private ControlServer server;

  @AfterEach
  void close() {
    if (server != null) {
      server.close();
    }
  }

  /** OS threads of this JVM, less the JIT's, which HotSpot adds and retires as it pleases. */
  private static int threads() throws IOException {
    try (Stream<Path> s = Files.list(Path.of("/proc/self/task"))) {
      return (int) s.filter(t -> !comm(t).contains("CompilerThre")).count();
    }
  }

  private static String comm(Path task) {
    try {
      return Files.readString(task.resolve("comm"));
    } catch (IOException e) {
      return ""; // the thread ended meanwhile
    }
  }

  private static int fds() throws IOException {
    try (Stream<Path> s = Files.list(Path.of("/proc/self/fd"))) {
      return (int) s.count();
    }
  }

  @Test
  void survivesMalformedRequestsWithoutGrowing() throws Exception {
    RecordingSupervisorApi api = new RecordingSupervisorApi();
    server =
        ControlServer.start(
            api,
            ServerConfigs.with(
                List.of(ServerConfigs.unix(dir.resolve("s.sock"), 0700, null)),
                List.of(ServerConfigs.inet(null)),
                dir.resolve("main.log")),
            m -> {},
            ServerLimits.DEFAULTS
                .withIdleTimeout(Duration.ofSeconds(2))
                .withRequestTimeouts(Duration.ofSeconds(1)));
    String tcp = server.urls().get(1);
    int port = java.net.URI.create(tcp).getPort();

    storm(port, 1, WARM_UP); // warms the JIT
    Await.until("warm-up requests ended", Duration.ofSeconds(30), () -> server.inFlight() == 0);
    int threadsBefore = threads();
    int fdsBefore = fds();

    Map<Integer, Integer> statuses = storm(port, 2, REQUESTS);
    slowloris(dir.resolve("s.sock"), 40);

    assertEquals(null, statuses.get(500), "statuses " + statuses);
    assertTrue(statuses.getOrDefault(200, 0) > 100, "statuses " + statuses);
    assertTrue(statuses.getOrDefault(400, 0) > 100, "statuses " + statuses);
    try (RpcClient c = new RpcClient(server.urls().get(0))) {
      assertEquals(4242, c.call("supervisor.getPID"));
    }
    Await.until("every request ended", Duration.ofSeconds(30), () -> server.inFlight() == 0);
    Await.value(
        "fds back to " + fdsBefore,
        Duration.ofSeconds(30),
        ServerFuzzIT::fdsQuietly,
        n -> n <= fdsBefore + 2);
    int threadsAfter = threads();
    System.out.printf(
        "fuzz: %d malformed requests after %d to warm up, statuses %s; threads %d -> %d, fds %d"
            + " -> %d%n",
        REQUESTS, WARM_UP, statuses, threadsBefore, threadsAfter, fdsBefore, fds());
    assertTrue(threadsAfter <= threadsBefore + 2, threadsBefore + " -> " + threadsAfter);
  }

  private static int fdsQuietly() {
    try {
      return fds();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Sends every malformed request on a connection of its own, 8 at a time; counts statuses. */
  private static Map<Integer, Integer> storm(int port, long seed, int requests) throws Exception {
    Map<Integer, AtomicInteger> counts = new ConcurrentHashMap<>();
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < 8; t++) {
        int lane = t;
        done.add(
            pool.submit(
                () -> {
                  MalformedRequests gen = new MalformedRequests(seed * 100 + lane);
                  for (int i = lane; i < requests; i += 8) {
                    byte[] req = gen.next(i);
                    int status = exchange(port, req);
                    counts.computeIfAbsent(status, k -> new AtomicInteger()).incrementAndGet();
                  }
                  return null;
                }));
      }
      for (Future<?> f : done) {
        f.get();
      }
    } finally {
      pool.shutdownNow();
    }
    Map<Integer, Integer> out = new TreeMap<>();
    counts.forEach((k, v) -> out.put(k, v.get()));
    return out;
  }

  /**
   * One request on a fresh connection, then half-closes and reads whatever comes back. Returns the
   * status (0 when the server just closed); a 200 must hold a well-formed XML-RPC response.
   */
  static int exchange(int port, byte[] request) {
    try (Socket s = new Socket("127.0.0.1", port)) {
      s.setSoTimeout(10_000);
      try {
        s.getOutputStream().write(request);
        s.shutdownOutput();
      } catch (IOException e) {
        // the server refused early and closed: fine, read what it said
      }
      byte[] response = readAll(s.getInputStream());
      if (response.length == 0) {
        return 0;
      }
      String text = new String(response, StandardCharsets.ISO_8859_1);
      int status = Integer.parseInt(text.substring(9, 12));
      if (status == 200) {
        // A mutation can leave a Content-Length shorter than the body: the rest is then a second,
        // pipelined request with an answer of its own after this one. Only the first body counts.
        int body = text.indexOf("\r\n\r\n") + 4;
        int length = contentLength(text.substring(0, body));
        try {
          MethodResponse r =
              XmlRpcParser.parseResponse(response, body, length, XmlRpcLimits.RESPONSES);
          assertTrue(r != null);
        } catch (XmlRpcParseException e) {
          throw new AssertionError("a 200 that is not XML-RPC: " + text, e);
        }
      }
      return status;
    } catch (SocketTimeoutException e) {
      throw new AssertionError("no answer and no close within 10 s", e);
    } catch (IOException e) {
      return 0; // reset by the server
    }
  }

  private static int contentLength(String head) {
    for (String line : head.split("\r\n")) {
      if (line.regionMatches(true, 0, "Content-Length:", 0, 15)) {
        return Integer.parseInt(line.substring(15).trim());
      }
    }
    throw new AssertionError("a 200 without Content-Length: " + head);
  }

  private static byte[] readAll(InputStream in) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buf = new byte[8192];
    try {
      for (int n; (n = in.read(buf)) > 0; ) {
        out.write(buf, 0, n);
      }
    } catch (java.net.SocketException e) {
      // reset after the response: what arrived is what counts
    }
    return out.toByteArray();
  }

  /** Connections that send a header byte now and then and never finish are all cut off. */
  private static void slowloris(Path socket, int connections) throws Exception {
    List<RawHttp> crowd = new ArrayList<>();
    try {
      for (int i = 0; i < connections; i++) {
        crowd.add(RawHttp.unix(socket).send("POST /RPC2 HTTP/1.1\r\nHost: x\r\n"));
      }
      AtomicInteger open = new AtomicInteger(connections);
      Await.until(
          "the server to cut off every slow client",
          Duration.ofSeconds(20),
          () -> {
            int still = 0;
            for (RawHttp h : crowd) {
              try {
                h.send("X"); // a byte at a time: never idle, never complete
                still++;
              } catch (IOException e) {
                // cut off
              }
            }
            open.set(still);
            return still == 0;
          });
    } finally {
      for (RawHttp h : crowd) {
        h.close();
      }
    }
  }
}
