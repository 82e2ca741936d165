package dev.tend.tui.state;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tend.api.ProcessInfo;
import dev.tend.api.ProcessState;
import org.junit.jupiter.api.Test;

class ObservedRestartsTest {
  private final ObservedRestarts restarts = new ObservedRestarts();

  private static ProcessInfo seen(ProcessState s, long start, int reported) {
    return new ProcessInfo("p", "p", "", start, 0, start, s, "", 0, "", "", 0, reported, 0);
  }

  @Test
  void aNewSpawnAfterARunOrAnExitCountsAsARestart() {
    assertEquals(
        new ObservedRestarts.Restarts(0, 0), restarts.observe(seen(ProcessState.RUNNING, 100, -1)));
    restarts.observe(seen(ProcessState.EXITED, 100, -1));
    assertEquals(
        new ObservedRestarts.Restarts(1, 130),
        restarts.observe(seen(ProcessState.STARTING, 130, -1)));
    // missed the exit between two polls: still a restart
    assertEquals(
        new ObservedRestarts.Restarts(2, 160),
        restarts.observe(seen(ProcessState.RUNNING, 160, -1)));
  }

  @Test
  void aStartAfterAStopOrAGiveUpIsNotARestart() {
    restarts.observe(seen(ProcessState.STOPPED, 100, -1));
    assertEquals(0, restarts.observe(seen(ProcessState.RUNNING, 120, -1)).count());
    restarts.observe(seen(ProcessState.FATAL, 120, -1));
    assertEquals(0, restarts.observe(seen(ProcessState.RUNNING, 140, -1)).count());
  }

  @Test
  void aServerThatCountsIsBelieved() {
    assertEquals(
        new ObservedRestarts.Restarts(7, 500),
        restarts.observe(seen(ProcessState.RUNNING, 500, 7)));
    assertEquals(
        new ObservedRestarts.Restarts(0, 0), restarts.observe(seen(ProcessState.RUNNING, 600, 0)));
  }
}
