package dev.tend.control.server;

import dev.tend.api.SupervisorApi;
import dev.tend.api.SupervisorState;
import dev.tend.control.xmlrpc.MethodCall;
import dev.tend.control.xmlrpc.XmlRpcLimits;
import dev.tend.control.xmlrpc.XmlRpcParseException;
import java.io.IOException;
import java.lang.reflect.Proxy;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One tiny call ({@code supervisor.getState}) through the server (bench row "getstate" is this
 * plus the core's loop and a real client): {@code handle} is the CPU work on a request's bytes (the
 * head parsed, the call parsed and dispatched, the answer and its head encoded); {@code roundTrip}
 * is a whole exchange over a unix socket with a kept-alive raw client, the supervisor answering at
 * once (no core loop), so the difference is the sockets and the threads' hand-offs.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"})
@State(Scope.Benchmark)
public class SmallCallBenchmark {
  private static final byte[] REQUEST = request();

  private RpcEndpoint endpoint;
  private ControlServer server;
  private SocketChannel client;
  private Path dir;
  private final ByteBuffer in = ByteBuffer.allocate(4096);

  private static byte[] request() {
    String body =
        "<?xml version='1.0'?>\n<methodCall>\n<methodName>supervisor.getState</methodName>\n"
            + "<params>\n</params>\n</methodCall>\n";
    return ("POST /RPC2 HTTP/1.1\r\nHost: localhost\r\nAccept-Encoding: gzip\r\n"
            + "User-Agent: Python-xmlrpc/3.11\r\nContent-Type: text/xml\r\nContent-Length: "
            + body.length()
            + "\r\n\r\n"
            + body)
        .getBytes(StandardCharsets.US_ASCII);
  }

  private static SupervisorApi api() {
    return (SupervisorApi)
        Proxy.newProxyInstance(
            SupervisorApi.class.getClassLoader(),
            new Class<?>[] {SupervisorApi.class},
            (proxy, method, args) -> {
              if (method.getName().equals("getState")) {
                return SupervisorState.RUNNING;
              }
              throw new UnsupportedOperationException(method.getName());
            });
  }

  @Setup(Level.Trial)
  public void setUp() throws Exception {
    SupervisorApi api = api();
    endpoint =
        new RpcEndpoint(MethodTable.of(api, new FollowSessions(api)), XmlRpcLimits.REQUESTS);
    dir = Files.createTempDirectory("tend-jmh");
    Path sock = dir.resolve("s.sock");
    server =
        ControlServer.start(
            api,
            ServerConfigs.with(List.of(ServerConfigs.unix(sock, 0700, null)), List.of(), dir),
            m -> {});
    client = SocketChannel.open(StandardProtocolFamily.UNIX);
    client.connect(UnixDomainSocketAddress.of(sock));
  }

  @TearDown(Level.Trial)
  public void tearDown() throws IOException {
    client.close();
    server.close();
    Files.deleteIfExists(dir.resolve("s.sock"));
    Files.deleteIfExists(dir);
  }

  /** The server's CPU work on one request, without I/O. */
  @Benchmark
  public int handle() throws HttpError, XmlRpcParseException {
    RequestHead head = RequestHead.parse(REQUEST, 0, headEnd(), ServerLimits.DEFAULTS);
    String path = head.path();
    int bodyAt = headEnd();
    MethodCall call = endpoint.parse(java.util.Arrays.copyOfRange(REQUEST, bodyAt, REQUEST.length), REQUEST.length - bodyAt);
    byte[] answer = endpoint.respond(call);
    String h =
        "HTTP/1.1 200 OK\r\nDate: "
            + HttpDate.now()
            + "\r\nContent-Type: text/xml\r\nContent-Length: "
            + answer.length
            + "\r\n\r\n";
    return path.length() + answer.length + h.getBytes(StandardCharsets.ISO_8859_1).length;
  }

  private static int headEnd() {
    for (int i = 3; i < REQUEST.length; i++) {
      if (REQUEST[i] == '\n' && REQUEST[i - 2] == '\n') {
        return i + 1;
      }
    }
    throw new IllegalStateException("no head");
  }

  /** One request and its whole answer over the unix socket. */
  @Benchmark
  public int roundTrip() throws IOException {
    ByteBuffer out = ByteBuffer.wrap(REQUEST);
    while (out.hasRemaining()) {
      client.write(out);
    }
    in.clear();
    int total = 0;
    while (true) {
      int n = client.read(in);
      if (n < 0) {
        throw new IOException("closed");
      }
      total += n;
      if (complete(in)) {
        return total;
      }
    }
  }

  /** Whether the buffer holds a whole response (its head and Content-Length bytes). */
  private static boolean complete(ByteBuffer b) {
    byte[] a = b.array();
    int n = b.position();
    for (int i = 3; i < n; i++) {
      if (a[i] == '\n' && a[i - 1] == '\r' && a[i - 2] == '\n' && a[i - 3] == '\r') {
        String head = new String(a, 0, i, StandardCharsets.ISO_8859_1);
        int at = head.indexOf("Content-Length: ") + 16;
        int length = Integer.parseInt(head.substring(at, head.indexOf('\r', at)));
        return n >= i + 1 + length;
      }
    }
    return false;
  }
}
