package dev.tend.tui.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tend.tui.state.LogQuery.CaseMode;
import java.util.List;
import org.junit.jupiter.api.Test;

class LogQueryTest {

  @Test
  void literalTextMatchesItselfNotAsARegex() {
    LogQuery q = LogQuery.of("a.b(", false, CaseMode.SMART);
    assertTrue(q.matches("x a.b( y"));
    assertFalse(q.matches("axb("));
    assertEquals(List.of(new LogQuery.Match(2, 6)), q.find("x a.b( y"));
  }

  @Test
  void smartCaseIgnoresCaseUntilTheTextHasAnUpperCaseLetter() {
    assertTrue(LogQuery.of("error", false, CaseMode.SMART).matches("ERROR: disk"));
    assertFalse(LogQuery.of("Error", false, CaseMode.SMART).matches("ERROR: disk"));
    assertTrue(LogQuery.of("Error", false, CaseMode.SMART).matches("Error: disk"));
    assertFalse(LogQuery.of("error", false, CaseMode.SENSITIVE).matches("ERROR"));
    assertTrue(LogQuery.of("Error", false, CaseMode.IGNORE).matches("ERROR"));
  }

  @Test
  void regexFindsEveryMatchAndSkipsEmptyOnes() {
    LogQuery q = LogQuery.of("\\d+ms", true, CaseMode.SMART);
    assertEquals(
        List.of(new LogQuery.Match(4, 8), new LogQuery.Match(10, 13)), q.find("GET 33ms, 7ms"));
    assertEquals(List.of(), LogQuery.of("x*", true, CaseMode.SMART).find("abc"));
  }

  @Test
  void aBadRegexIsRefusedSayingWhatAndWhere() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> LogQuery.of("(oops", true, CaseMode.SMART));
    assertTrue(e.getMessage().startsWith("bad regex /(oops/: "), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> LogQuery.of("", false, CaseMode.SMART));
  }

  @Test
  void describesItselfAsThePaneTitleShowsIt() {
    assertEquals("\"err\"", LogQuery.of("err", false, CaseMode.SMART).describe());
    assertEquals("/e.r/ ignore case", LogQuery.of("e.r", true, CaseMode.IGNORE).describe());
    assertEquals(LogQuery.of("a", true, CaseMode.IGNORE), LogQuery.of("a", true, CaseMode.IGNORE));
  }
}
