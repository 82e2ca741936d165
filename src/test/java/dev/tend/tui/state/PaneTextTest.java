package dev.tend.tui.state;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tend.api.LogStream;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class PaneTextTest {

  private static LogLine text(String source, String text, int cut) {
    return new LogLine(
        0, LogLine.Kind.TEXT, LogStream.STDOUT, source, 3_600_000, text, List.of(), cut);
  }

  @Test
  void linesAreWrittenAsThePaneShowsThem() {
    LogPane p = new LogPane(2, new PaneSource.Group("web"), 100, 100_000);
    p.setMembers(List.of("web:a", "web:bb"), List.of("web:a", "web:bb"));
    p.append(text("web:a", "hello", 0));
    p.append(
        new LogLine(0, LogLine.Kind.MARKER, null, "", 3_600_000, "marker 01:00:00", List.of(), 0));
    p.append(text("web:bb", "long", 12));
    p.toggleTimestamps();
    assertEquals(
        List.of(
            "01:00:00 web:a  hello",
            "01:00:00 -- marker 01:00:00 --",
            "01:00:00 web:bb long [+12 chars cut]"),
        PaneText.lines(p, p.startPos(), p.endPos() - 1, ZoneOffset.UTC));
  }

  @Test
  void aRangeTakesOnlyTheShownLinesInIt() {
    LogPane p = new LogPane(1, new PaneSource.Process("p"), 100, 100_000);
    for (int i = 0; i < 5; i++) {
      p.append(text("p", (i % 2 == 0 ? "even " : "odd ") + i, 0));
    }
    p.setFilter(LogQuery.of("even", false, LogQuery.CaseMode.SMART));
    assertEquals(List.of("even 2", "even 4"), PaneText.lines(p, 1, 4, ZoneOffset.UTC));
  }
}
