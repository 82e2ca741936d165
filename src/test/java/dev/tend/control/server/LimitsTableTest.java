package dev.tend.control.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** docs/COMPATIBILITY.md's table of limits says the values the server runs with (issue 11). */
class LimitsTableTest {
  private static final String HEADER = "| limit | value | a client over it gets |\n";

  @Test
  void theDocsTableIsTheOneMadeFromTheDefaults() throws Exception {
    String doc = Files.readString(Path.of("docs", "COMPATIBILITY.md"));
    int start = doc.indexOf(HEADER);
    assertTrue(start >= 0, "no limits table in docs/COMPATIBILITY.md");
    int end = doc.indexOf("\n\n", start);
    String inDoc = doc.substring(start, end + 1);
    assertEquals(LimitsTable.markdown(ServerLimits.DEFAULTS), inDoc);
  }

  @Test
  void theTableFollowsTheLimits() {
    String t =
        LimitsTable.markdown(
            ServerLimits.DEFAULTS.withIdleTimeout(Duration.ofMillis(1500)).withMaxConnections(7));
    assertTrue(t.contains("| keep-alive: idle between requests | 1500 ms |"), t);
    assertTrue(t.contains("| open connections, all listeners | 7 |"), t);
    assertTrue(t.contains("| request line and headers | 8 KiB, 64 fields |"), t);
    assertTrue(t.contains("| request body | 4 MiB |"), t);
  }

  @Test
  void sizesAreSaidInWholeUnits() {
    assertEquals("8 KiB", LimitsTable.size(8192));
    assertEquals("64 MiB", LimitsTable.size(64L << 20));
    assertEquals("1,500 bytes", LimitsTable.size(1500));
  }
}
