package dev.tend.control.server;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tend.api.Fault;
import dev.tend.api.FaultException;
import dev.tend.api.ReloadDiff;
import dev.tend.control.xmlrpc.MethodResponse;
import dev.tend.control.xmlrpc.XmlRpcEncoder;
import dev.tend.control.xmlrpc.XmlRpcLimits;
import dev.tend.control.xmlrpc.XmlRpcParseException;
import dev.tend.control.xmlrpc.XmlRpcParser;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Dispatch through the method table, from request bytes to response bytes, over a fake API. */
class RpcDispatchTest {
  private final RecordingSupervisorApi api = new RecordingSupervisorApi();
  private final RpcEndpoint endpoint =
      new RpcEndpoint(MethodTable.of(api, new FollowSessions(api)), XmlRpcLimits.REQUESTS);

  private MethodResponse call(String method, Object... params) {
    byte[] request = XmlRpcEncoder.call(method, List.of(params));
    try {
      byte[] reply = endpoint.handle(request, request.length);
      return XmlRpcParser.parseResponse(reply, XmlRpcLimits.RESPONSES);
    } catch (XmlRpcParseException e) {
      throw new AssertionError(e);
    }
  }

  private Object value(String method, Object... params) {
    return call(method, params).valueOrThrow();
  }

  private MethodResponse.Failure fault(String method, Object... params) {
    return assertInstanceOf(MethodResponse.Failure.class, call(method, params));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "supervisor.nope",
        "nope",
        "supervisor",
        "supervisor.startProcess.__func__",
        "supervisor.startProcess.__globals__",
        "supervisor._update",
        "supervisor.__init__",
        "supervisor.__class__",
        "system._listMethods",
        "Supervisor.getPID",
        "supervisor..getPID",
        "supervisor.getPID ",
        ".supervisor.getPID",
        "rpcinterface.supervisor.getPID"
      })
  void namesOutsideTheTableAreUnknownMethods(String name) {
    MethodResponse.Failure f = fault(name);
    assertEquals(Fault.UNKNOWN_METHOD.code(), f.faultCode());
    assertEquals("UNKNOWN_METHOD", f.faultString());
    assertEquals(List.of(), api.calls);
  }

  @Test
  void wrongArityIsIncorrectParametersAsSupervisordWordsIt() {
    for (MethodResponse.Failure f :
        List.of(
            fault("supervisor.getPID", 1),
            fault("supervisor.startProcess"),
            fault("supervisor.startProcess", "web", true, 1),
            fault("system.multicall"))) {
      assertEquals(2, f.faultCode());
      assertEquals("INCORRECT_PARAMETERS", f.faultString());
    }
    assertEquals(List.of(), api.calls);
  }

  @Test
  void wrongTypesAreIncorrectParametersNeverAnError() {
    for (MethodResponse.Failure f :
        List.of(
            fault("supervisor.startProcess", 5),
            fault("supervisor.getProcessInfo", List.of("web")),
            fault("supervisor.readLog", "x", 0),
            fault("supervisor.readLog", 0, 1.5),
            fault("supervisor.readLog", 5_000_000_000L, 0),
            fault("supervisor.signalProcess", "web", List.of()),
            fault("supervisor.sendProcessStdin", "web", 5),
            fault("system.multicall", "calls"),
            fault("tend.readLog", "x", 0))) {
      assertEquals(2, f.faultCode(), f.faultString());
      assertTrue(f.faultString().startsWith("INCORRECT_PARAMETERS: "), f.faultString());
    }
    assertEquals(List.of(), api.calls);
  }

  @Test
  void acceptsWhatSupervisordsPythonAccepts() {
    value("supervisor.readLog", "-100", " 0 ");
    value("supervisor.signalProcess", "web", 9);
    value("supervisor.startProcess", "web", "yes");
    value("supervisor.startProcess", "web", 0);
    value("supervisor.startProcess", "web");
    value("tend.readLog", 5_000_000_000L, 10);
    assertEquals(
        List.of(
            "readLog(-100, 0)",
            "signalProcess(web, 9)",
            "startProcess(web, true)",
            "startProcess(web, false)",
            "startProcess(web, true)",
            "readLog(5000000000, 10)"),
        api.calls);
  }

  @Test
  void groupSpecsGoToTheGroupVariants() {
    assertEquals(2, ((List<?>) value("supervisor.startProcess", "g:*")).size());
    value("supervisor.stopProcess", "g:", false);
    value("supervisor.signalProcess", "g:*", "HUP");
    assertEquals(
        List.of(
            "startProcessGroup(g, true)",
            "stopProcessGroup(g, false)",
            "signalProcessGroup(g, HUP)"),
        api.calls);
    Object result = ((List<?>) value("supervisor.startProcess", "g:*")).get(0);
    assertEquals(Map.of("name", "a", "group", "g", "status", 80, "description", "OK"), result);
  }

  @Test
  void aMissingGroupIsNamedAsTheCallerWroteIt() {
    assertEquals(
        "BAD_NAME: nogroup:*", fault("supervisor.startProcess", "nogroup:*").faultString());
    assertEquals("BAD_NAME: nogroup:", fault("supervisor.stopProcess", "nogroup:").faultString());
    assertEquals("BAD_NAME: nope", fault("supervisor.startProcess", "nope").faultString());
  }

  @Test
  void faultsKeepTheirCodeAndText() {
    api.failWith("shutdown", () -> new FaultException(Fault.SHUTDOWN_STATE));
    MethodResponse.Failure f = fault("supervisor.shutdown");
    assertEquals(6, f.faultCode());
    assertEquals("SHUTDOWN_STATE", f.faultString());
  }

  @Test
  void anUnexpectedErrorIsAFailedFaultNotAnHttpError() {
    api.failWith("getPID", () -> new IllegalStateException("boom"));
    MethodResponse.Failure f = fault("supervisor.getPID");
    assertEquals(Fault.FAILED.code(), f.faultCode());
    assertTrue(f.faultString().startsWith("FAILED: "), f.faultString());
    assertTrue(f.faultString().contains("boom"), f.faultString());
  }

  @Test
  void multicallReturnsBareValuesAndFaultStructsInOrder() {
    Object result =
        value(
            "system.multicall",
            List.of(
                Map.of("methodName", "supervisor.getPID"),
                Map.of("methodName", "supervisor.getProcessInfo", "params", List.of("nope")),
                Map.of("methodName", "system.multicall", "params", List.of(List.of())),
                Map.of("params", List.of()),
                "not a struct",
                Map.of("methodName", "supervisor.getState", "params", "x"),
                Map.of("methodName", 5),
                Map.of("methodName", "supervisor.nope"),
                Map.of("methodName", "supervisor.getAPIVersion", "params", List.of())));
    List<?> r = (List<?>) result;
    assertEquals(4242, r.get(0));
    assertEquals(Map.of("faultCode", 10, "faultString", "BAD_NAME: nope"), r.get(1));
    assertEquals(
        Map.of(
            "faultCode",
            2,
            "faultString",
            "INCORRECT_PARAMETERS: Recursive system.multicall forbidden"),
        r.get(2));
    assertEquals(
        Map.of("faultCode", 2, "faultString", "INCORRECT_PARAMETERS: No methodName"), r.get(3));
    for (int i = 4; i <= 6; i++) {
      assertEquals(2, ((Map<?, ?>) r.get(i)).get("faultCode"), r.get(i).toString());
    }
    assertEquals(Map.of("faultCode", 1, "faultString", "UNKNOWN_METHOD"), r.get(7));
    assertEquals("3.0", r.get(8));
    assertEquals(List.of(), value("system.multicall", List.of()));
  }

  @Test
  void reloadConfigHasSupervisordsExtraNesting() {
    api.reload = new ReloadDiff(List.of("a"), List.of("b", "c"), List.of());
    assertEquals(
        List.of(List.of(List.of("a"), List.of("b", "c"), List.of())),
        value("supervisor.reloadConfig"));
  }

  @Test
  void logsAsStringsSurviveInvalidUtf8AndControlCharacters() {
    api.logBytes = new byte[] {'o', 'k', (byte) 0xff, 0x1b, '[', '3', '1', 'm', (byte) 0xe2, 0x28};
    String text = (String) value("supervisor.readProcessStdoutLog", "web", 0, 0);
    assertEquals("ok\ufffd\ufffd[31m\ufffd(", text);
    List<?> tail = (List<?>) value("supervisor.tailProcessStdoutLog", "web", 0, 100);
    assertEquals(List.of("ok\ufffd\ufffd[31m\ufffd(", 5_000_000_000L, true), tail);
  }

  @Test
  void tendLogReadsCarryEveryByte() {
    byte[] raw = new byte[256];
    for (int i = 0; i < raw.length; i++) {
      raw[i] = (byte) i;
    }
    api.logBytes = raw;
    assertArrayEquals(raw, (byte[]) value("tend.readLog", 0L, 0));
    assertArrayEquals(raw, (byte[]) value("tend.readProcessLog", "web", "stderr", -10L, 0));
    List<?> tail = (List<?>) value("tend.tailProcessLog", "web", "stdout", 0L, 256);
    assertArrayEquals(raw, (byte[]) tail.get(0));
    assertEquals(5_000_000_000L, tail.get(1));
    assertEquals(true, tail.get(2));
    assertEquals("readProcessLog(web, STDERR, -10, 0)", api.calls.get(1));
    MethodResponse.Failure f = fault("tend.readProcessLog", "web", "stdin", 0L, 0);
    assertEquals(Fault.BAD_ARGUMENTS.code(), f.faultCode());
  }

  @Test
  void tendsGetAllProcessInfoHasTendsMembers() {
    List<?> all = (List<?>) value("tend.getAllProcessInfo");
    assertEquals("getAllProcessInfo()", api.calls.get(0));
    Map<?, ?> web = (Map<?, ?>) all.get(2);
    assertEquals("web", web.get("name"));
    assertEquals(3, web.get("restarts"));
    assertEquals("none", web.get("health"));
    assertEquals(List.of(), web.get("dependson"));
    assertEquals("", web.get("reason"));
  }

  @Test
  void capabilitiesNameTheVersionAlone() {
    assertEquals(
        Map.of(
            "version",
            "1.2.3",
            "pushesChanges",
            true,
            "processStats",
            true,
            "rawLogs",
            true,
            "followStream",
            true),
        value("tend.getCapabilities"));
  }

  @Test
  void waitForChangesParsesTheCursorAndCapsTheWait() {
    Map<?, ?> r = (Map<?, ?>) value("tend.waitForChanges", "12", 3600);
    assertEquals("waitForChanges(12, 60)", api.calls.get(0));
    assertEquals("7", r.get("cursor"));
    assertEquals(true, r.get("full"));
    assertEquals(1, r.get("state"));
    Map<?, ?> web = (Map<?, ?>) ((List<?>) r.get("processes")).get(0);
    assertEquals(3, web.get("restarts"));
    assertEquals(0, web.get("exitsignal"));
    value("tend.waitForChanges", "", -5);
    assertEquals("waitForChanges(0, 0)", api.calls.get(1));
    assertEquals(Fault.BAD_ARGUMENTS.code(), fault("tend.waitForChanges", "-1", 1).faultCode());
    assertEquals(Fault.BAD_ARGUMENTS.code(), fault("tend.waitForChanges", "x", 1).faultCode());
  }

  @Test
  void aDocumentThatIsNotACallIsRefused() {
    for (String doc :
        List.of(
            "",
            "garbage",
            "<methodCall><methodName>supervisor.getPID</methodName>",
            "<?xml version='1.0'?><!DOCTYPE x [<!ENTITY a 'b'>]><methodCall><methodName>a.b</methodName></methodCall>",
            "<methodResponse><params/></methodResponse>")) {
      byte[] b = doc.getBytes(StandardCharsets.UTF_8);
      assertThrows(XmlRpcParseException.class, () -> endpoint.handle(b, b.length), doc);
    }
  }
}
