package dev.tend.tui.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tend.api.LogStream;
import java.util.List;
import org.junit.jupiter.api.Test;

class LogPaneTest {
  private final LogPane pane = new LogPane(1, new PaneSource.Process("p"), 1000, 100_000);

  private static LogLine line(String text, LogStream s) {
    return new LogLine(0, LogLine.Kind.TEXT, s, "p", 0, text, List.of(), 0);
  }

  private void lines(int from, int to) {
    for (int i = from; i < to; i++) {
      pane.append(line("line " + i, i % 5 == 4 ? LogStream.STDERR : LogStream.STDOUT));
    }
  }

  private List<String> shown(int width, int height) {
    return pane.viewport(width, height).stream()
        .map(r -> r.line().text().substring(r.start(), r.end()))
        .toList();
  }

  @Test
  void followingShowsTheNewestLines() {
    lines(0, 20);
    assertEquals(List.of("line 17", "line 18", "line 19"), shown(40, 3));
    lines(20, 21);
    assertEquals(List.of("line 18", "line 19", "line 20"), shown(40, 3));
  }

  @Test
  void scrollingUpPausesAndTheViewStaysPutWhileLinesArrive() {
    lines(0, 20);
    shown(40, 3);
    pane.scroll(-2);
    assertFalse(pane.following());
    assertEquals(List.of("line 15", "line 16", "line 17"), shown(40, 3));
    lines(20, 30);
    assertEquals(List.of("line 15", "line 16", "line 17"), shown(40, 3));
  }

  @Test
  void scrollingBackToTheEndResumesFollowAndGDoesToo() {
    lines(0, 20);
    shown(40, 3);
    pane.scroll(-5);
    pane.scroll(5);
    assertTrue(pane.following());
    pane.toTop();
    assertEquals(List.of("line 0", "line 1", "line 2"), shown(40, 3));
    pane.toBottom();
    assertEquals(List.of("line 17", "line 18", "line 19"), shown(40, 3));
  }

  @Test
  void wrappedLinesTakeSeveralRowsAndScrollByRows() {
    pane.append(line("abcdefghij", LogStream.STDOUT));
    pane.append(line("klm", LogStream.STDOUT));
    assertEquals(List.of("abcd", "efgh", "ij", "klm"), shown(4, 5));
    assertEquals(List.of("ij", "klm"), shown(4, 2));
    pane.scroll(-1);
    assertEquals(List.of("efgh", "ij"), shown(4, 2));
    pane.toggleWrap();
    assertEquals(List.of("abcdefghij", "klm"), shown(4, 2));
  }

  @Test
  void wideCharactersAreNeverSplit() {
    pane.append(line("ab\u65e5\u672c", LogStream.STDOUT));
    assertEquals(List.of("ab\u65e5", "\u672c"), shown(4, 3));
  }

  @Test
  void streamsFilterHidesTheOtherStream() {
    lines(0, 10);
    pane.cycleStreams(); // stdout only
    assertEquals(List.of("line 6", "line 7", "line 8"), shown(40, 3));
    pane.cycleStreams(); // stderr only
    assertEquals(List.of("line 4", "line 9"), shown(40, 3));
  }

  @Test
  void theUnfinishedLineShowsLastAndIsReplacedWhenItEnds() {
    lines(0, 3);
    pane.setPartial(new StreamKey("p", LogStream.STDOUT), line("progr", LogStream.STDOUT));
    assertEquals(List.of("line 2", "progr"), shown(40, 2));
    pane.append(line("progress done", LogStream.STDOUT));
    assertEquals(List.of("line 2", "progress done"), shown(40, 2));
  }

  @Test
  void pagesUseTheLastRenderedHeight() {
    lines(0, 50);
    shown(40, 10);
    pane.pageUp();
    assertEquals("line 31", shown(40, 10).get(0));
    pane.halfPageDown();
    assertEquals("line 36", shown(40, 10).get(0));
  }

  @Test
  void whenTheAnchorFallsOutOfTheRingTheViewStartsAtTheOldestKept() {
    LogPane small = new LogPane(1, new PaneSource.Process("p"), 5, 100_000);
    for (int i = 0; i < 5; i++) {
      small.append(line("l" + i, LogStream.STDOUT));
    }
    small.viewport(40, 2);
    small.toTop();
    for (int i = 5; i < 12; i++) {
      small.append(line("l" + i, LogStream.STDOUT));
    }
    List<LogRow> rows = small.viewport(40, 2);
    assertEquals("7 older lines let go: the pane's buffer is full", rows.get(0).line().text());
    assertEquals("l7", rows.get(1).line().text());
  }
}
