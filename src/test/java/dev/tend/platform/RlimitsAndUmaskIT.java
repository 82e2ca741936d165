package dev.tend.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Process-wide settings: limits raised as supervisord raises them, the umask. */
class RlimitsAndUmaskIT {
  @Test
  void raisingToWhatIsAlreadyAllowedChangesNothing() throws Exception {
    Rlimits.Limit now = Rlimits.openFiles();
    assertEquals(Optional.empty(), Rlimits.raiseOpenFiles(Math.min(now.soft(), 64)));
    assertEquals(now, Rlimits.openFiles());
  }

  @Test
  void raisingTheSoftLimitReportsItTheSupervisordWay() throws Exception {
    Rlimits.Limit before = Rlimits.openFiles();
    long target = before.soft() - 5;
    assertEquals(0, LibC.setrlimit(LibC.RLIMIT_NOFILE, new long[] {target - 5, before.hard()}));
    try {
      assertEquals(
          Optional.of("Increased RLIMIT_NOFILE limit to " + target),
          Rlimits.raiseOpenFiles(target));
      assertEquals(target, Rlimits.openFiles().soft());
    } finally {
      LibC.setrlimit(LibC.RLIMIT_NOFILE, new long[] {before.soft(), Rlimits.openFiles().hard()});
    }
  }

  @Test
  void aLimitBeyondWhatTheKernelAllowsFailsWithSupervisordsMessage() {
    long huge = 1L << 40;
    Rlimits.LimitException e =
        assertThrows(Rlimits.LimitException.class, () -> Rlimits.raiseOpenFiles(huge));
    assertEquals(
        "The minimum number of file descriptors required to run this process is "
            + huge
            + " as per the \"minfds\" command-line argument or config file setting. The current"
            + " environment will only allow you to open "
            + huge
            + " file descriptors.  Either"
            + " raise the number of usable file descriptors in your environment (see README.rst)"
            + " or lower the minfds setting in the config file to allow the process to start.",
        e.getMessage());
  }

  @Test
  void umaskIsSetAndTheOldOneReturned() {
    int old = ProcessUmask.set(027);
    try {
      assertEquals(027, ProcessUmask.set(old));
    } finally {
      ProcessUmask.set(old);
    }
    assertThrows(IllegalArgumentException.class, () -> ProcessUmask.set(01000));
  }
}
