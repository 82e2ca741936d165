package dev.tend.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The lost-bytes count of DaemonCrashIT finds what is cut out, and what is there twice. */
class NumberedLogTest {
  private static String stream(int from, int to) {
    StringBuilder b = new StringBuilder();
    for (int i = from; i <= to; i++) {
      b.append("w ").append(i).append('\n');
    }
    return b.toString();
  }

  private static NumberedLog of(String log) {
    return NumberedLog.of("w", log.getBytes(StandardCharsets.ISO_8859_1));
  }

  @Test
  void aWholeStreamLosesNothing() {
    NumberedLog log = of(stream(1, 5000));
    assertEquals(List.of(), log.gaps());
    assertEquals(5000, log.lines());
    assertEquals(-1, log.mismatch());
  }

  @Test
  void piecesCutInsideLinesAreCountedToTheByte() {
    String all = stream(1, 5000);
    String cut = all.substring(0, 1003) + all.substring(1003 + 777, 30_001) + all.substring(30_050);
    NumberedLog log = of(cut);
    assertEquals(List.of(777, 49), log.gaps());
    assertEquals(826, log.lostBytes());
    assertEquals(-1, log.mismatch());
  }

  @Test
  void bytesThereTwiceAreAMismatch() {
    String all = stream(1, 5000);
    NumberedLog log = of(all.substring(0, 20_000) + all.substring(19_000));
    assertEquals(20_000, log.mismatch());
  }
}
