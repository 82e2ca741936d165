package dev.tend.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The short version of {@code bench/faults} against the built tend (issue 11): connection storms on
 * unix and TCP, new connection per call and kept alive; hostile HTTP and XML; slow senders; a
 * SIGHUP storm under load; descriptors exhausted; the daemon killed (-9) and started again. Every
 * broken expectation fails the build; the figures are printed.
 */
class FaultSuiteIT {
  @TempDir Path dir;

  @Test
  void tendSurvivesEveryFaultOfTheShortSuite() throws Exception {
    Faults.Report r =
        Faults.run(Path.of("."), dir, true, true, List.of(Contender.TEND), List.of(), System.out);
    assertEquals(List.of(), r.tendFailures());
  }
}
