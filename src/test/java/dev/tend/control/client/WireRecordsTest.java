package dev.tend.control.client;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.tend.api.ConnectionException;
import dev.tend.api.ConnectionException.Kind;
import dev.tend.api.LogTail;
import dev.tend.api.ProcessState;
import dev.tend.api.ReloadDiff;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Wire values of the wrong shape are the server breaking the protocol, and say where. */
class WireRecordsTest {

  private static Map<String, Object> process() {
    Map<String, Object> p = new HashMap<>();
    p.put("name", "web");
    p.put("group", "grp");
    p.put("description", "");
    p.put("start", 1);
    p.put("stop", 2);
    p.put("now", 3);
    p.put("state", 20);
    p.put("statename", "RUNNING");
    p.put("spawnerr", "");
    p.put("exitstatus", 0);
    p.put("stdout_logfile", "/o");
    p.put("stderr_logfile", "/e");
    p.put("pid", 7);
    return p;
  }

  private static void protocolError(String message, Executable e) {
    ConnectionException c = assertThrows(ConnectionException.class, e);
    assertEquals(Kind.PROTOCOL, c.kind());
    assertEquals(message, c.getMessage());
  }

  @Test
  void processInfoFromSupervisordLacksTendsFields() {
    var info = WireRecords.processInfo(process(), "getProcessInfo");
    assertEquals("grp:web", info.namespec());
    assertEquals(ProcessState.RUNNING, info.state());
    assertEquals(-1, info.restarts());
    assertEquals(0, info.exitSignal());
  }

  @Test
  void anUnknownStateCodeFromANewerServerIsUnknown() {
    Map<String, Object> p = process();
    p.put("state", 555);
    assertEquals(ProcessState.UNKNOWN, WireRecords.processInfo(p, "x").state());
  }

  @Test
  void missingOrMistypedMembersNameTheMethodAndField() {
    Map<String, Object> p = process();
    p.remove("pid");
    protocolError(
        "getAllProcessInfo[1] has no 'pid' member",
        () -> WireRecords.processInfos(List.of(process(), p), "getAllProcessInfo"));
    p.put("pid", "7");
    protocolError(
        "getProcessInfo.pid should be an int, got a string '7'",
        () -> WireRecords.processInfo(p, "getProcessInfo"));
    protocolError(
        "getProcessInfo should be a struct, got an array of 0",
        () -> WireRecords.processInfo(List.of(), "getProcessInfo"));
  }

  @Test
  void reloadConfigHasItsExtraNesting() {
    assertEquals(
        new ReloadDiff(List.of("a"), List.of(), List.of("c")),
        WireRecords.reloadDiff(List.of(List.of(List.of("a"), List.of(), List.of("c"))), "r"));
    protocolError(
        "r should be [[added, changed, removed]], got an array of 3",
        () -> WireRecords.reloadDiff(List.of(List.of("a"), List.of(), List.of()), "r"));
  }

  @Test
  void logTailsAreStringsFromSupervisordAndBytesFromTend() {
    assertEquals(
        new LogTail("\u00e9".getBytes(StandardCharsets.UTF_8), 40, false),
        WireRecords.logTail(List.of("\u00e9", 40, false), "t"));
    assertEquals(
        new LogTail(new byte[] {0, -1}, 1L << 40, true),
        WireRecords.logTail(List.of(new byte[] {0, -1}, 1L << 40, true), "t"));
    protocolError(
        "t[2] should be a boolean, got an int '0'",
        () -> WireRecords.logTail(List.of("", 0, 0), "t"));
  }

  @Test
  void cursorsAreNonNegativeDecimals() {
    assertEquals(42L, WireRecords.cursor("42", "w"));
    protocolError(
        "w.cursor should be a non-negative decimal, got a string '-1'",
        () -> WireRecords.cursor("-1", "w"));
    protocolError(
        "w.cursor should be a non-negative decimal, got a string 'abc'",
        () -> WireRecords.cursor("abc", "w"));
  }

  @Test
  void configInfoReadsNoneAsNull() {
    Map<String, Object> c = new HashMap<>();
    for (String k : List.of("name", "group", "command", "serverurl")) {
      c.put(k, k);
    }
    c.put("directory", "none");
    c.put("uid", "none");
    for (String k : List.of("inuse", "autostart", "killasgroup", "redirect_stderr")) {
      c.put(k, true);
    }
    for (String k :
        List.of("group_prio", "process_prio", "startretries", "startsecs", "stopsignal")) {
      c.put(k, 1);
    }
    c.put("stopwaitsecs", 10);
    c.put("exitcodes", List.of(0, 2));
    for (String s : List.of("stdout", "stderr")) {
      c.put(s + "_logfile", "auto");
      c.put(s + "_logfile_maxbytes", 52428800);
      c.put(s + "_logfile_backups", 10);
      c.put(s + "_capture_maxbytes", 0);
      c.put(s + "_events_enabled", false);
      c.put(s + "_syslog", false);
    }
    var info = WireRecords.configInfo(c, "getAllConfigInfo[0]");
    assertEquals(null, info.directory());
    assertEquals(null, info.uid());
    assertEquals(List.of(0, 2), info.exitcodes());
    assertEquals("auto", info.stdout().logfile());
    c.put("uid", 1000);
    c.put("directory", "/srv");
    var owned = WireRecords.configInfo(c, "getAllConfigInfo[0]");
    assertEquals(1000, owned.uid());
    assertEquals("/srv", owned.directory());
  }

  @Test
  void percentEncodingKeepsNamespecsReadable() {
    assertEquals("grp:web_1.a-b~", RemoteSupervisor.percentEncode("grp:web_1.a-b~"));
    assertEquals("a%20b%2Fc%C3%A9", RemoteSupervisor.percentEncode("a b/c\u00e9"));
  }

  @Test
  void bytesSurviveBase64ButStringsAreUtf8() {
    assertArrayEquals(new byte[] {1}, WireRecords.logBytes(new byte[] {1}, "x"));
    assertArrayEquals(new byte[] {'a'}, WireRecords.logBytes("a", "x"));
  }
}
