package dev.tend.testing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tend.api.ChangeBatch;
import dev.tend.api.ConnectionException;
import dev.tend.api.Fault;
import dev.tend.api.FaultException;
import dev.tend.api.LogFollow;
import dev.tend.api.LogListener;
import dev.tend.api.LogStream;
import dev.tend.api.LogTail;
import dev.tend.api.ProcessResult;
import dev.tend.api.ProcessState;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The fake answers like supervisord, so tests written against it mean something. */
class FakeSupervisorApiTest {
  private final FakeSupervisorApi api = new FakeSupervisorApi();

  @Test
  void faultsAreSupervisordsCodesAndWords() {
    api.add("web", "w1").running(10);
    FaultException e = assertThrows(FaultException.class, () -> api.startProcess("web:w1", true));
    assertEquals("ALREADY_STARTED: web:w1", e.faultString());
    assertTrue(
        assertThrows(FaultException.class, () -> api.stopProcess("nope", true)).is(Fault.BAD_NAME));
    assertTrue(
        assertThrows(FaultException.class, () -> api.signalProcess("web:w1", "NOPE"))
            .is(Fault.BAD_SIGNAL));
    api.stopProcess("web:w1", true);
    assertTrue(
        assertThrows(FaultException.class, () -> api.stopProcess("web:w1", true))
            .is(Fault.NOT_RUNNING));
  }

  @Test
  void groupOperationsSkipWhatTheyNeedNotTouchAndReportEachProcess() {
    api.add("web", "w1").running(10);
    api.add("web", "w2");
    api.add("web", "w3").onStart(FakeProcess.OnStart.FAILS_TO_SPAWN);
    List<ProcessResult> r = api.startProcessGroup("web", true);
    assertEquals(List.of("web:w2", "web:w3"), r.stream().map(ProcessResult::namespec).toList());
    assertEquals(Fault.SPAWN_ERROR.code(), r.get(1).status());
    assertEquals(ProcessState.FATAL, api.process("web:w3").state());
    assertEquals("can't find command '/usr/local/bin/w3'", api.getProcessInfo("web:w3").spawnerr());
  }

  @Test
  void waitForChangesGivesAFullSetThenDeltasAndRemovals() {
    api.add("a", "a").running(10);
    api.add("b", "b");
    ChangeBatch first = api.waitForChanges(0, Duration.ZERO);
    assertTrue(first.full());
    assertEquals(2, first.processes().size());
    ChangeBatch none = api.waitForChanges(first.cursor(), Duration.ofMillis(20));
    assertEquals(List.of(), none.processes());
    api.process("a").exited(1);
    api.remove("b");
    ChangeBatch delta = api.waitForChanges(first.cursor(), Duration.ofSeconds(5));
    assertEquals(List.of("a"), delta.processes().stream().map(p -> p.namespec()).toList());
    assertEquals(List.of("b"), delta.removed());
  }

  @Test
  void tailHasSupervisordsOffsetsAndOverflow() {
    api.add("a", "a");
    api.log("a", LogStream.STDOUT, "0123456789");
    LogTail t = api.tailProcessLog("a", LogStream.STDOUT, 0, 4);
    assertEquals(new LogTail("6789".getBytes(StandardCharsets.UTF_8), 10, true), t);
    assertEquals(
        new LogTail(new byte[0], 10, false), api.tailProcessLog("a", LogStream.STDOUT, 10, 4));
    assertArrayEquals(
        "89".getBytes(StandardCharsets.UTF_8), api.readProcessLog("a", LogStream.STDOUT, -2, 0));
  }

  @Test
  void followGivesHistoryThenLiveThenGapsAndEndsWhenTheServerGoes() {
    api.add("a", "a");
    api.log("a", LogStream.STDERR, "old\n");
    List<String> got = new ArrayList<>();
    LogFollow f =
        api.followProcessLog(
            "a",
            LogStream.STDERR,
            100,
            new LogListener() {
              @Override
              public void onData(byte[] data) {
                got.add(new String(data, StandardCharsets.UTF_8));
              }

              @Override
              public void onGap(long bytes) {
                got.add("gap " + bytes);
              }

              @Override
              public void onClosed(String reason) {
                got.add("closed: " + reason);
              }
            });
    api.log("a", LogStream.STDERR, "new\n");
    api.log("a", LogStream.STDOUT, "not this stream\n");
    api.loseLog("a", LogStream.STDERR, 7);
    api.goAway(ConnectionException.Kind.REFUSED);
    assertEquals(List.of("old\n", "new\n", "gap 7", "closed: connection lost"), got);
    f.close();
    assertThrows(ConnectionException.class, () -> api.getAllProcessInfo());
    api.comeBack();
    assertEquals(1, api.getAllProcessInfo().size());
  }

  @Test
  void scriptedFaultsAndRecordedCalls() {
    api.add("a", "a");
    api.failNext("getAllProcessInfo", new FaultException(Fault.SHUTDOWN_STATE));
    assertThrows(FaultException.class, () -> api.getAllProcessInfo());
    api.getAllProcessInfo();
    assertEquals(List.of("getAllProcessInfo", "getAllProcessInfo"), api.calls("getAll"));
  }
}
