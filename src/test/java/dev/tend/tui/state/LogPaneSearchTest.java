package dev.tend.tui.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tend.api.LogStream;
import dev.tend.tui.state.LogQuery.CaseMode;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A pane's filter, search (n/N), wrap, sideways scrolling and merged streams. */
class LogPaneSearchTest {
  private final LogPane pane = new LogPane(1, new PaneSource.Process("p"), 100, 1_000_000);

  private static LogLine line(String source, String text, LogStream s) {
    return new LogLine(0, LogLine.Kind.TEXT, s, source, 0, text, List.of(), 0);
  }

  private static LogLine line(String text) {
    return line("p", text, LogStream.STDOUT);
  }

  private static LogLine notice(String text) {
    return new LogLine(0, LogLine.Kind.NOTICE, null, "", 0, text, List.of(), 0);
  }

  private List<String> shown(int width, int height) {
    return pane.viewport(width, height).stream()
        .map(r -> r.line().text().substring(r.start(), r.end()))
        .toList();
  }

  private static LogQuery q(String text) {
    return LogQuery.of(text, false, CaseMode.SMART);
  }

  @Test
  void aFilterShowsOnlyMatchingLinesButKeepsNoticesAndMarkers() {
    for (int i = 0; i < 30; i++) {
      pane.append(line((i % 10 == 0 ? "ERROR " : "ok ") + i));
    }
    pane.append(notice("2K of stdout lost"));
    pane.setFilter(q("error"));
    assertEquals(List.of("ERROR 0", "ERROR 10", "ERROR 20", "2K of stdout lost"), shown(40, 10));
    pane.append(line("ERROR 30"));
    pane.append(line("ok 31"));
    assertEquals(List.of("ERROR 20", "2K of stdout lost", "ERROR 30"), shown(40, 3));
    pane.setFilter(null);
    assertEquals(List.of("2K of stdout lost", "ERROR 30", "ok 31"), shown(40, 3));
  }

  @Test
  void aFilterKeepsWorkingAsTheRingWrapsAround() {
    LogPane small = new LogPane(1, new PaneSource.Process("p"), 5, 1_000_000);
    small.setFilter(q("keep"));
    for (int i = 0; i < 23; i++) {
      small.append(line((i % 2 == 0 ? "keep " : "drop ") + i));
      small.viewport(40, 10); // every line is judged (and its verdict cached) as it arrives
    }
    List<String> texts = small.viewport(40, 10).stream().map(r -> r.line().text()).toList();
    assertEquals(
        List.of(
            "18 older lines let go: the pane's buffer is full", "keep 18", "keep 20", "keep 22"),
        texts);
  }

  @Test
  void searchGoesToTheNewestMatchThenOlderAndNewerAndWrapsAround() {
    for (int i = 0; i < 40; i++) {
      pane.append(line((i % 10 == 3 ? "hit " : "line ") + i));
    }
    shown(40, 5);
    pane.setSearch(q("hit"));
    assertEquals(LogPane.Jump.FOUND, pane.jumpToMatch(false));
    assertEquals(33, pane.searchPosition());
    assertFalse(pane.following(), "a search holds the view still");
    assertTrue(shown(40, 5).contains("hit 33"));
    assertEquals(LogPane.Jump.FOUND, pane.jumpToMatch(false));
    assertEquals(23, pane.searchPosition());
    assertEquals(List.of("line 22", "hit 23"), shown(40, 5).subList(0, 2), "context above it");
    pane.jumpToMatch(false);
    pane.jumpToMatch(false);
    assertEquals(3, pane.searchPosition());
    assertEquals(LogPane.Jump.WRAPPED, pane.jumpToMatch(false));
    assertEquals(33, pane.searchPosition());
    assertEquals(LogPane.Jump.WRAPPED, pane.jumpToMatch(true));
    assertEquals(3, pane.searchPosition());
    pane.setSearch(q("nothing like this"));
    assertEquals(LogPane.Jump.NONE, pane.jumpToMatch(true));
  }

  @Test
  void aMatchAlreadyOnScreenDoesNotMoveTheView() {
    for (int i = 0; i < 10; i++) {
      pane.append(line("line " + i));
    }
    List<String> before = shown(40, 5);
    pane.setSearch(q("line 7"));
    pane.jumpToMatch(false);
    assertEquals(before, shown(40, 5));
    pane.append(line("line 10"));
    assertEquals(before, shown(40, 5), "and it stays put while lines arrive");
  }

  @Test
  void searchSkipsLinesTheFilterOrTheStreamChoiceHides() {
    pane.append(line("p", "needle out", LogStream.STDOUT));
    pane.append(line("p", "needle err", LogStream.STDERR));
    pane.append(line("p", "hay", LogStream.STDOUT));
    pane.setStreams(LogPane.Streams.STDOUT);
    pane.setSearch(q("needle"));
    pane.jumpToMatch(false);
    assertEquals(0, pane.searchPosition());
  }

  @Test
  void wrappingOffShowsOneRowPerLineAndScrollsSideways() {
    pane.append(line("0123456789abcdefghij"));
    assertEquals(List.of("0123456789", "abcdefghij"), shown(10, 5));
    pane.toggleWrap();
    assertEquals(List.of("0123456789abcdefghij"), shown(10, 5), "the view clips the row");
    assertTrue(pane.scrollSideways(8));
    assertEquals(List.of("89abcdefghij"), shown(10, 5));
    assertTrue(pane.scrollSideways(-20));
    assertEquals(0, pane.hscroll());
    pane.toggleWrap();
    assertFalse(pane.scrollSideways(8), "nothing to scroll when wrapping");
  }

  @Test
  void eachProcessOfAMergedPaneHasItsOwnUnfinishedLine() {
    LogPane merged = new LogPane(2, new PaneSource.Group("web"), 100, 1_000_000);
    merged.setMembers(List.of("web:a", "web:b"), List.of("web:a", "web:b"));
    merged.setPartial(
        new StreamKey("web:a", LogStream.STDOUT), line("web:a", "a-part", LogStream.STDOUT));
    merged.setPartial(
        new StreamKey("web:b", LogStream.STDOUT), line("web:b", "b-part", LogStream.STDOUT));
    merged.append(line("web:b", "b done", LogStream.STDOUT));
    List<String> texts = merged.viewport(40, 5).stream().map(r -> r.line().text()).toList();
    assertEquals(List.of("b done", "a-part"), texts);
    assertEquals(6, merged.prefixWidth(), "the longest name and a space");
    assertEquals(merged.sourceSlot("web:a"), merged.sourceSlot("web:a"));
    assertTrue(merged.sourceSlot("web:a") != merged.sourceSlot("web:b"));
  }

  @Test
  void clearingTheViewForgetsLinesAndTheSearchPosition() {
    pane.append(line("hit"));
    pane.setSearch(q("hit"));
    pane.jumpToMatch(false);
    pane.clearView();
    assertEquals(List.of(), shown(40, 5));
    assertEquals(-1, pane.searchPosition());
    assertTrue(pane.following());
    assertNull(pane.filter());
  }
}
