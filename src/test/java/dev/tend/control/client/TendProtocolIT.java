package dev.tend.control.client;

import static dev.tend.control.client.FakeHttpServer.ok;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tend.api.ChangeBatch;
import dev.tend.api.Fault;
import dev.tend.api.FaultException;
import dev.tend.api.Health;
import dev.tend.api.LogFollow;
import dev.tend.api.LogStream;
import dev.tend.api.LogTail;
import dev.tend.api.ProcessInfo;
import dev.tend.api.ProcessState;
import dev.tend.api.ProcessStats;
import dev.tend.api.SupervisorApi.Capabilities;
import dev.tend.api.SupervisorState;
import dev.tend.control.xmlrpc.MethodCall;
import dev.tend.control.xmlrpc.XmlRpcEncoder;
import dev.tend.testing.Await;
import dev.tend.testing.RecordingLogListener;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The client side of the {@code tend.*} methods (docs/PROTOCOL.md) against a scripted tend server:
 * detection, bytes intact, the long polls. The real server is tested against the same document.
 */
class TendProtocolIT {
  @TempDir Path dir;

  private final Map<String, Function<List<Object>, Object>> methods = new ConcurrentHashMap<>();
  private FakeHttpServer server;
  private RemoteSupervisor api;

  private void serve() throws Exception {
    methods.putIfAbsent(
        "tend.getCapabilities",
        p ->
            Map.of(
                "version", "0.9.0", "pushesChanges", true, "processStats", true, "rawLogs", true));
    server =
        FakeHttpServer.unix(
            dir.resolve("tend.sock"),
            (r, out) -> {
              MethodCall call = r.call();
              Function<List<Object>, Object> m = methods.get(call.methodName());
              byte[] body;
              try {
                if (m == null) {
                  throw new FaultException(Fault.UNKNOWN_METHOD);
                }
                body = XmlRpcEncoder.response(m.apply(call.params()));
              } catch (FaultException f) {
                body = XmlRpcEncoder.fault(f.code(), f.faultString());
              }
              out.write(ok(body));
            });
    api = RemoteSupervisor.connect(server.url(), ClientSettings.defaults());
  }

  @AfterEach
  void stop() throws Exception {
    if (api != null) {
      api.close();
    }
    if (server != null) {
      server.close();
    }
  }

  private List<MethodCall> calls(String method) throws Exception {
    List<MethodCall> out = new java.util.ArrayList<>();
    for (FakeHttpServer.Request r : server.requests()) {
      if (r.call().methodName().equals(method)) {
        out.add(r.call());
      }
    }
    return out;
  }

  private static final byte[] RAW = {0, 0x1b, '[', '3', '1', 'm', (byte) 0xff, '\r', '\n'};

  @Test
  void detectsATendServerOnceAndReadsLogsAsBytes() throws Exception {
    methods.put("tend.readProcessLog", p -> RAW);
    methods.put("tend.readLog", p -> RAW);
    methods.put("tend.tailProcessLog", p -> List.of(RAW, 1L << 33, true));
    serve();
    assertEquals(new Capabilities("tend 0.9.0", true, true, true), api.capabilities());
    assertArrayEquals(RAW, api.readProcessLog("web", LogStream.STDERR, 5, 10));
    assertArrayEquals(RAW, api.readLog(-100, 0));
    assertEquals(
        new LogTail(RAW, 1L << 33, true), api.tailProcessLog("web", LogStream.STDOUT, 1L << 32, 9));
    assertEquals(1, calls("tend.getCapabilities").size(), "detected once, then cached");
    assertEquals(
        List.of("web", "stderr", 5L, 10),
        calls("tend.readProcessLog").get(0).params(),
        "i8 offset");
    assertEquals(List.of(-100L, 0), calls("tend.readLog").get(0).params());
    assertEquals(
        List.of("web", "stdout", 1L << 32, 9), calls("tend.tailProcessLog").get(0).params());
  }

  @Test
  void aSupervisordAnswersUnknownMethodAndIsAskedItsVersion() throws Exception {
    methods.put(
        "tend.getCapabilities",
        p -> {
          throw new FaultException(Fault.UNKNOWN_METHOD);
        });
    methods.put("supervisor.getSupervisorVersion", p -> "4.2.5");
    methods.put("supervisor.readProcessStdoutLog", p -> "text \u00e9");
    serve();
    assertEquals(Capabilities.supervisord("4.2.5"), api.capabilities());
    assertEquals(Capabilities.supervisord("4.2.5"), api.capabilities());
    assertArrayEquals(
        "text \u00e9".getBytes(java.nio.charset.StandardCharsets.UTF_8),
        api.readProcessLog("web", LogStream.STDOUT, 0, 0));
    assertEquals(1, calls("tend.getCapabilities").size());
    assertEquals(List.of("web", 0, 0), calls("supervisor.readProcessStdoutLog").get(0).params());
  }

  private static Map<String, Object> process(String name, int state, int restarts) {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("name", name);
    p.put("group", name);
    p.put("description", "pid 42, uptime 0:00:01");
    p.put("start", 100);
    p.put("stop", 0);
    p.put("now", 101);
    p.put("state", state);
    p.put("statename", "RUNNING");
    p.put("spawnerr", "");
    p.put("exitstatus", 0);
    p.put("logfile", "/l/o");
    p.put("stdout_logfile", "/l/o");
    p.put("stderr_logfile", "/l/e");
    p.put("pid", 42);
    p.put("restarts", restarts);
    p.put("exitsignal", 9);
    return p;
  }

  @Test
  void waitForChangesIsOneLongPollAndKeepsTendsExtraFields() throws Exception {
    methods.put(
        "tend.waitForChanges",
        p ->
            Map.of(
                "cursor",
                "18446744",
                "full",
                false,
                "state",
                1,
                "processes",
                List.of(process("web", 20, 3)),
                "removed",
                List.of("old")));
    serve();
    ChangeBatch b = api.waitForChanges(0, Duration.ofMillis(4200));
    assertEquals(18446744L, b.cursor());
    assertEquals(SupervisorState.RUNNING, b.state());
    assertEquals(List.of("old"), b.removed());
    ProcessInfo web = b.processes().get(0);
    assertEquals(ProcessState.RUNNING, web.state());
    assertEquals(3, web.restarts());
    assertEquals(9, web.exitSignal());
    assertEquals(
        List.of("0", 5), calls("tend.waitForChanges").get(0).params(), "seconds rounded up");
    api.waitForChanges(b.cursor(), Duration.ZERO);
    assertEquals(List.of("18446744", 0), calls("tend.waitForChanges").get(1).params());
  }

  @Test
  void getAllProcessInfoAsksTendsMethodAndReadsHealthReasonAndDependencies() throws Exception {
    Map<String, Object> web = process("web", 20, 0);
    web.put("health", "unhealthy");
    web.put("healthchecked", 1234);
    web.put("healthmessage", "HTTP 503");
    web.put("healthfailures", 3);
    web.put("reason", "");
    web.put("dependson", List.of("db:primary"));
    methods.put("tend.getAllProcessInfo", p -> List.of(web));
    serve();
    ProcessInfo info = api.getAllProcessInfo().get(0);
    assertEquals(new Health(Health.Status.UNHEALTHY, 1234, "HTTP 503", 3), info.health());
    assertEquals(List.of("db:primary"), info.dependsOn());
    assertEquals(0, calls("tend.getCapabilities").size(), "one call, no detection first");
  }

  @Test
  void aServerWithoutTendsProcessInfoIsAskedSupervisordsFromThenOn() throws Exception {
    methods.put("supervisor.getAllProcessInfo", p -> List.of(process("web", 20, 0)));
    serve();
    methods.remove("tend.getCapabilities");
    assertEquals(Health.NONE, api.getAllProcessInfo().get(0).health());
    api.getAllProcessInfo();
    assertEquals(1, calls("tend.getAllProcessInfo").size());
    assertEquals(2, calls("supervisor.getAllProcessInfo").size());
  }

  @Test
  void processStatsComeFromTheServer() throws Exception {
    methods.put(
        "tend.getProcessStats",
        p ->
            List.of(
                Map.of(
                    "name", "grp:web", "pid", 42, "cpu", 12.5, "rss", 3L << 30, "processes", 3)));
    serve();
    assertEquals(
        List.of(new ProcessStats("grp:web", 42, 12.5, 3L << 30, 3)), api.getProcessStats());
  }

  @Test
  void followProcessLogLongPollsReportsLossAndEndsWhenTheProcessGoes() throws Exception {
    ArrayDeque<Object> answers = new ArrayDeque<>();
    answers.add(
        Map.of(
            "data",
            "history\n".getBytes(java.nio.charset.StandardCharsets.UTF_8),
            "position",
            "8",
            "lost",
            0L));
    answers.add(Map.of("data", new byte[0], "position", "8", "lost", 0L)); // a timeout
    answers.add(Map.of("data", RAW, "position", "1000", "lost", 983L));
    answers.add(new FaultException(Fault.BAD_NAME, "web"));
    methods.put(
        "tend.followProcessLog",
        p -> {
          Object next;
          synchronized (answers) {
            next = answers.poll();
          }
          if (next instanceof FaultException f) {
            throw f;
          }
          return next;
        });
    serve();
    RecordingLogListener listener = new RecordingLogListener();
    LogFollow follow = api.followProcessLog("web", LogStream.STDOUT, 1024, listener);
    try {
      Await.until("closed", () -> listener.closedReason() != null);
    } finally {
      follow.close();
    }
    assertEquals("web stdout no longer exists", listener.closedReason());
    assertEquals(List.of("data:8", "gap:983", "data:" + RAW.length), listener.events());
    List<MethodCall> polls = calls("tend.followProcessLog");
    assertEquals(List.of("web", "stdout", "", 1024, 25), polls.get(0).params());
    assertEquals(List.of("web", "stdout", "8", 1024, 25), polls.get(1).params());
    assertEquals("8", polls.get(2).params().get(2));
    assertEquals("1000", polls.get(3).params().get(2));
  }
}
