package dev.tend.tui.feed;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tend.api.LogStream;
import dev.tend.tui.state.LogLine;
import dev.tend.tui.state.StreamKey;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A pane's histories put in time order where the times are known, and said so where not. */
class HistoryMergeTest {
  private static final long U = HistoryMerge.UNTIMED;
  private final LineTimestamps stamps = new LineTimestamps(ZoneOffset.UTC, 0);

  private static HistoryMerge.Block block(String source, LogStream s, String why, Object... lt) {
    List<LogLine> lines = new java.util.ArrayList<>();
    long[] times = new long[lt.length / 2];
    for (int i = 0; i < lt.length; i += 2) {
      lines.add(new LogLine(0, LogLine.Kind.TEXT, s, source, 0, (String) lt[i], List.of(), 0));
      times[i / 2] = (Long) lt[i + 1];
    }
    return new HistoryMerge.Block(new StreamKey(source, s), lines, times, why);
  }

  private List<String> merge(HistoryMerge.Block... blocks) {
    return HistoryMerge.merge(List.of(blocks), stamps, 0).stream().map(LogLine::text).toList();
  }

  @Test
  void timedHistoriesInterleaveByTimeEachInItsOwnOrder() {
    assertEquals(
        List.of("a1", "b1", "a2", "b2", "b3", "a3"),
        merge(
            block("a", LogStream.STDOUT, "", "a1", 10L, "a2", 30L, "a3", 50L),
            block("b", LogStream.STDOUT, "", "b1", 20L, "b2", 40L, "b3", 40L)));
  }

  @Test
  void equalTimesPutTheEarlierStreamFirst() {
    assertEquals(
        List.of("a1", "a2", "b1"),
        merge(
            block("a", LogStream.STDOUT, "", "a1", 10L, "a2", 10L),
            block("b", LogStream.STDERR, "", "b1", 10L)));
  }

  @Test
  void linesOlderThanTheTimesComeFirstAsBlocksUnderANotice() {
    assertEquals(
        List.of(
            "earlier output of a, not interleaved: older than the daemon's line times",
            "a0",
            "a1",
            "b1",
            "a2"),
        merge(
            block(
                "a",
                LogStream.STDOUT,
                "older than the daemon's line times",
                "a0",
                U,
                "a1",
                10L,
                "a2",
                30L),
            block("b", LogStream.STDOUT, "", "b1", 20L)));
  }

  @Test
  void untimedHistoriesAreBlocksEachUnderANoticeSayingWhy() {
    String why = "supervisord keeps no line times";
    assertEquals(
        List.of(
            "earlier output of web:0, not interleaved: " + why,
            "w1",
            "w2",
            "earlier output of web:0 stderr, not interleaved: " + why,
            "e1"),
        merge(
            block("web:0", LogStream.STDOUT, why, "w1", U, "w2", U),
            block("web:0", LogStream.STDERR, why, "e1", U)));
  }

  @Test
  void untimedHistoriesWhoseEveryLineBeginsWithATimeMergeByIt() {
    String why = "supervisord keeps no line times";
    assertEquals(
        List.of(
            "2026-12-08 02:00:01,000 a", "2026-12-08 02:00:02,000 b", "2026-12-08 02:00:03,000 a"),
        merge(
            block(
                "a",
                LogStream.STDOUT,
                why,
                "2026-12-08 02:00:01,000 a",
                U,
                "2026-12-08 02:00:03,000 a",
                U),
            block("b", LogStream.STDOUT, why, "2026-12-08 02:00:02,000 b", U)));
  }

  @Test
  void oneLineWithoutATimeMakesItsHistoryABlock() {
    String why = "supervisord keeps no line times";
    assertEquals(
        List.of(
            "earlier output of a, not interleaved: " + why,
            "2026-12-08 02:00:03,000 a",
            "traceback",
            "2026-12-08 02:00:02,000 b"),
        merge(
            block("a", LogStream.STDOUT, why, "2026-12-08 02:00:03,000 a", U, "traceback", U),
            block("b", LogStream.STDOUT, why, "2026-12-08 02:00:02,000 b", U)));
  }

  @Test
  void oneHistoryAloneIsShownAsItIsWithoutANotice() {
    assertEquals(
        List.of("x", "y"),
        merge(
            block("a", LogStream.STDOUT, "why", "x", U, "y", U),
            block("a", LogStream.STDERR, "why")));
  }
}
