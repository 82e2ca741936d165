package dev.tend.tui.state;

import static dev.tend.tui.state.Infos.NOW;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tend.api.ProcessInfo;
import dev.tend.api.ProcessState;
import dev.tend.tui.text.Durations;
import org.junit.jupiter.api.Test;

class ProcessRowTest {

  private static ProcessRow row(ProcessInfo i) {
    return new ProcessRow(i, 0, 0, null);
  }

  @Test
  void reasonIsTheSpawnErrorTheExitCodeOrTheSignal() {
    assertEquals(
        "can't find command 'x'", row(Infos.fatal("api", "can't find command 'x'")).reason());
    assertEquals("exit 3", row(Infos.exited("job", 3, 0)).reason());
    assertEquals("SIGKILL", row(Infos.exited("job", -1, 9)).reason());
    assertEquals("killed by a signal", row(Infos.exited("job", -1, 0)).reason());
    assertEquals("not started", row(Infos.info("a", "a", ProcessState.STOPPED)).reason());
    assertEquals("", row(Infos.info("a", "a", ProcessState.RUNNING, NOW - 3)).reason());
  }

  @Test
  void failingMeansNeedsAttention() {
    assertTrue(row(Infos.fatal("a", "x")).failing());
    assertTrue(row(Infos.exited("a", 1, 0)).failing());
    assertTrue(row(Infos.exited("a", -1, 9)).failing());
    assertFalse(row(Infos.exited("a", 0, 0)).failing());
    assertFalse(row(Infos.info("a", "a", ProcessState.RUNNING)).failing());
  }

  @Test
  void cells() {
    ProcessRow r =
        new ProcessRow(
            Infos.info("web", "w1", ProcessState.RUNNING, NOW - 3725), 4, NOW - 300, null);
    assertEquals("web:w1", Column.NAME.cell(r, NOW));
    assertEquals("RUNNING", Column.STATE.cell(r, NOW));
    assertEquals("102", Column.PID.cell(r, NOW));
    assertEquals("1h02m", Column.UPTIME.cell(r, NOW));
    assertEquals("4 (5m)", Column.RESTARTS.cell(r, NOW));
    assertEquals("-", Column.RSS.cell(r, NOW));
    ProcessRow stopped = row(Infos.info("a", "a", ProcessState.STOPPED));
    assertEquals("-", Column.PID.cell(stopped, NOW));
    assertEquals("-", Column.UPTIME.cell(stopped, NOW));
    assertEquals("0", Column.RESTARTS.cell(stopped, NOW));
  }

  @Test
  void durationsAndSizes() {
    assertEquals("59s", Durations.compact(59));
    assertEquals("4m07s", Durations.compact(247));
    assertEquals("2h05m", Durations.compact(7500));
    assertEquals("3d04h", Durations.compact(3 * 86400 + 4 * 3600 + 5));
    assertEquals("3h", Durations.coarse(3 * 3600 + 59));
    assertEquals("812K", Durations.bytes(812 * 1024));
    assertEquals("12.4M", Durations.bytes((long) (12.4 * 1024 * 1024)));
    assertEquals("1.5G", Durations.bytes(3L << 29));
  }

  @Test
  void signalNames() {
    assertEquals("SIGTERM", Signals.describe(15));
    assertEquals("signal 64", Signals.describe(64));
    assertEquals("HUP", Signals.canonical("sighup").orElseThrow());
    assertEquals("KILL", Signals.canonical("9").orElseThrow());
    assertTrue(Signals.canonical("NOPE").isEmpty());
  }
}
