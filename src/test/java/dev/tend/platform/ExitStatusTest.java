package dev.tend.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Raw wait(2) statuses decoded as supervisord reports them. */
class ExitStatusTest {
  @Test
  void decodesExitCodesSignalsAndCoreDumps() {
    assertEquals(ExitStatus.exited(0), ExitStatus.fromWaitStatus(0));
    assertEquals(ExitStatus.exited(127), ExitStatus.fromWaitStatus(127 << 8));
    assertEquals(ExitStatus.killed(9, false), ExitStatus.fromWaitStatus(9));
    assertEquals(ExitStatus.killed(11, true), ExitStatus.fromWaitStatus(0x80 | 11));
    assertEquals("exit status 127", ExitStatus.fromWaitStatus(127 << 8).describe());
    assertEquals("terminated by SIGKILL", ExitStatus.fromWaitStatus(9).describe());
  }

  @Test
  void anEndNobodyCanTellIsSaidToBeUnknown() {
    assertEquals("exit status unknown", ExitStatus.UNKNOWN.describe());
    assertEquals(-1, ExitStatus.UNKNOWN.code());
  }
}
