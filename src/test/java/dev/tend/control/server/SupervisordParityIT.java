package dev.tend.control.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tend.config.HttpAuth;
import dev.tend.control.xmlrpc.XmlRpcEncoder;
import dev.tend.testing.Await;
import dev.tend.testing.TestConfigs;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * tend's server and a real supervisord 4.2.5 with the same programs and credentials answer the same
 * requests with the same bytes: XML-RPC documents (struct member order, types, faults, multicall)
 * and HTTP errors, once values that differ between any two daemons (times, pids, paths) are
 * blanked.
 */
class SupervisordParityIT {
  @TempDir static Path dir;
  private static ReferenceSupervisord supervisord;
  private static ServerHarness tend;
  private static final String AUTH =
      "Authorization: Basic "
          + Base64.getEncoder().encodeToString("user:123".getBytes(StandardCharsets.UTF_8));

  @BeforeAll
  static void startBoth() throws Exception {
    supervisord =
        ReferenceSupervisord.start(
            dir.resolve("sv"),
            "[program:cat]\ncommand=cat\nstartsecs=0\n"
                + "[program:idle]\ncommand=cat\nstartsecs=0\nautostart=false\n",
            "username=user\npassword=123\n");
    tend =
        ServerHarness.start(
            dir.resolve("tend"),
            TestConfigs.config(
                TestConfigs.program(
                    TestConfigs.with(TestConfigs.process("cat", "cat"), b -> b.startsecs(0))),
                TestConfigs.program(
                    TestConfigs.with(
                        TestConfigs.process("idle", "cat"), b -> b.startsecs(0).autostart(false)))),
            new HttpAuth("user", "123"),
            false,
            ServerLimits.DEFAULTS);
    Await.until("cat running under tend", () -> tend.children.liveCount() == 1);
  }

  @AfterAll
  static void stopBoth() {
    if (tend != null) {
      tend.close();
    }
    if (supervisord != null) {
      supervisord.close();
    }
  }

  private static RawHttp.Response exchange(String url, byte[] request) throws IOException {
    try (RawHttp http = RawHttp.to(url)) {
      return http.send(request).read();
    }
  }

  /** Sends the same request to both; returns {supervisord's, tend's} response. */
  private static RawHttp.Response[] both(byte[] request) throws IOException {
    return new RawHttp.Response[] {
      exchange(supervisord.url(), request), exchange(tend.unixUrl(), request)
    };
  }

  private static String call(String method, Object... params) throws IOException {
    RawHttp.Response[] r =
        both(RawHttp.post("/RPC2", XmlRpcEncoder.call(method, List.of(params)), AUTH));
    assertEquals(200, r[0].status(), method);
    assertEquals(200, r[1].status(), method);
    assertEquals(r[0].header("Content-Type"), r[1].header("Content-Type"));
    String expected = blank(r[0].text());
    assertEquals(expected, blank(r[1].text()), method);
    return expected;
  }

  /** Values that differ between any two daemons, whatever they run. */
  static String blank(String xml) {
    return xml.replaceAll(
            "(<name>(start|stop|now|pid|description|logfile|stdout_logfile|stderr_logfile"
                + "|command|serverurl)</name>\\n<value><(int|string)>)[^<]*",
            "$1X")
        .replaceAll("<value><int>\\d{3,}</int></value>", "<value><int>PID</int></value>");
  }

  @Test
  void introspectionAgreesAndTheRecordedSignaturesAreCurrent() throws Exception {
    RpcClientLike sv = new RpcClientLike(supervisord.url());
    List<?> names = (List<?>) sv.call("system.listMethods");
    List<?> ours = (List<?>) new RpcClientLike(tend.unixUrl()).call("system.listMethods");
    assertEquals(names, ours.stream().filter(n -> !n.toString().startsWith("tend.")).toList());
    Map<String, List<String>> recorded = MethodTableTest.supervisordSignatures();
    assertEquals(new ArrayList<>(recorded.keySet()), names);
    for (Object name : names) {
      assertEquals(recorded.get(name), sv.call("system.methodSignature", name), name.toString());
      call("system.methodSignature", name);
    }
  }

  @Test
  void processInfoStructsAreLaidOutAlike() throws Exception {
    call("supervisor.getProcessInfo", "cat");
    call("supervisor.getProcessInfo", "idle");
    call("supervisor.getAllProcessInfo");
  }

  @Test
  void configInfoStructsAreLaidOutAlike() throws Exception {
    String xml = call("supervisor.getAllConfigInfo");
    assertTrue(xml.contains("<name>stdout_logfile_maxbytes</name>"), xml);
  }

  @Test
  void scalarsAndSmallStructsAreIdentical() throws Exception {
    call("supervisor.getAPIVersion");
    call("supervisor.getVersion");
    call("supervisor.getSupervisorVersion");
    call("supervisor.getIdentification");
    call("supervisor.getState");
    call("supervisor.reloadConfig");
  }

  @Test
  void faultsAreIdentical() throws Exception {
    call("supervisor.getProcessInfo", "nope");
    call("supervisor.getProcessInfo", "cat:*");
    call("supervisor.nope");
    call("supervisor.startProcess.__call__");
    call("supervisor.getPID", 1);
    call("supervisor.startProcess", "cat");
    call("supervisor.stopProcess", "idle");
    call("supervisor.startProcess", "nogroup:*");
    call("supervisor.signalProcess", "cat", "BOGUS");
    call("supervisor.readLog", -1, 1);
    call("supervisor.removeProcessGroup", "cat");
    call("supervisor.addProcessGroup", "cat");
    call("supervisor.addProcessGroup", "nope");
    call("system.methodHelp", "nope");
  }

  @Test
  void multicallIsIdentical() throws Exception {
    call(
        "system.multicall",
        List.of(
            Map.of("methodName", "supervisor.getAPIVersion"),
            Map.of("methodName", "supervisor.getProcessInfo", "params", List.of("nope")),
            Map.of("methodName", "system.multicall", "params", List.of(List.of())),
            Map.of("params", List.of()),
            Map.of("methodName", "supervisor.getState", "params", List.of())));
  }

  @Test
  void httpErrorsAreIdentical() throws Exception {
    for (String request :
        List.of(
            RawHttp.get("/RPC2", AUTH),
            RawHttp.get("/nothing", AUTH),
            RawHttp.get("/logtail/nope", AUTH),
            RawHttp.get("/logtail/cat/bogus", AUTH),
            RawHttp.get("/RPC2"),
            RawHttp.get("/RPC2", "Authorization: Basic dXNlcjp3cm9uZw=="))) {
      RawHttp.Response[] r = both(request.getBytes(StandardCharsets.ISO_8859_1));
      assertEquals(r[0].status(), r[1].status(), request);
      assertEquals(r[0].text(), r[1].text(), request);
      assertEquals(r[0].header("Content-Type"), r[1].header("Content-Type"), request);
      assertEquals(r[0].header("WWW-Authenticate"), r[1].header("WWW-Authenticate"), request);
      assertEquals(r[0].header("Connection"), r[1].header("Connection"), request);
    }
  }

  /** A minimal XML-RPC call with credentials, for reading supervisord's own answers. */
  private record RpcClientLike(String url) {
    Object call(String method, Object... params) throws IOException {
      try (RpcClient c = new RpcClient(url, AUTH)) {
        return c.call(method, params);
      }
    }
  }
}
