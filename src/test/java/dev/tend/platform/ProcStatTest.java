package dev.tend.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class ProcStatTest {
  static String line(int pid, String comm, char state, int ppid, long utime, long start, long rss) {
    return pid
        + " ("
        + comm
        + ") "
        + state
        + " "
        + ppid
        + " "
        + pid
        + " "
        + pid
        + " 0 -1 4194304 100 0 0 0 "
        + utime
        + " 7 3 4 20 0 1 0 "
        + start
        + " 1000 "
        + rss
        + " 18446744073709551615 0 0 0 0 0 0 0 0 0 0 0 0 17 1 0 0 0 0 0\n";
  }

  @Test
  void parsesACommandNameHoldingSpacesAndParentheses() {
    ProcStat s = ProcStat.parse(line(42, "my (odd) name", 'S', 7, 11, 999, 55));
    assertNotNull(s);
    assertEquals(42, s.pid());
    assertEquals('S', s.state());
    assertEquals(7, s.ppid());
    assertEquals(42, s.pgid());
    assertEquals(11 + 7 + 3 + 4, s.cpuTicks());
    assertEquals(999, s.startTime());
    assertEquals(55, s.rssPages());
  }

  @Test
  void rejectsWhatIsNotAStatLine() {
    assertNull(ProcStat.parse(""));
    assertNull(ProcStat.parse("12 (x) S 1 2"));
    assertNull(ProcStat.parse("x (y) S a b c d e f g h i j k l m n o p q r s t u v w"));
  }
}
