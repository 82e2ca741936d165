package dev.tend.tui.feed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.tend.api.LogStream;
import dev.tend.tui.state.LogBufferTest;
import dev.tend.tui.state.LogLine;
import dev.tend.tui.state.StreamKey;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LogInboxTest {
  private final List<ConsoleEvent> posted = new ArrayList<>();
  private final LogInbox inbox = new LogInbox(1, 3, posted::add);

  @Test
  void postsOnceUntilDrained() {
    long g = inbox.newGeneration();
    inbox.offer(g, LogBufferTest.line("a"));
    inbox.offer(g, LogBufferTest.line("b"));
    assertEquals(List.of(new ConsoleEvent.LogReady(1)), posted);
    assertEquals(2, inbox.drain().lines().size());
    inbox.offer(g, LogBufferTest.line("c"));
    assertEquals(2, posted.size());
  }

  @Test
  void dropsTheOldestWhenTheUiFallsBehindAndCountsThem() {
    long g = inbox.newGeneration();
    for (int i = 0; i < 5; i++) {
      inbox.offer(g, LogBufferTest.line("l" + i));
    }
    LogInbox.Drained d = inbox.drain();
    assertEquals(List.of("l2", "l3", "l4"), d.lines().stream().map(LogLine::text).toList());
    assertEquals(2, d.dropped());
  }

  @Test
  void linesOfAnOlderGenerationAreIgnored() {
    long old = inbox.newGeneration();
    inbox.newGeneration();
    inbox.offer(old, LogBufferTest.line("stale"));
    assertEquals(0, inbox.drain().lines().size());
  }

  @Test
  void aCompleteLineClearsItsStreamsUnfinishedLine() {
    long g = inbox.newGeneration();
    StreamKey key = new StreamKey("p", LogStream.STDOUT);
    inbox.offer(g, java.util.List.of(), key, LogBufferTest.line("par"));
    inbox.offer(g, LogBufferTest.line("partial done"));
    LogInbox.Drained d = inbox.drain();
    assertEquals(1, d.partials().size());
    assertNull(d.partials().get(key));
  }

  private static LogLine text(String source, String text) {
    return new LogLine(0, LogLine.Kind.TEXT, LogStream.STDOUT, source, 0, text, List.of(), 0);
  }

  private static HistoryMerge.Block history(String source, String[] texts, long[] times) {
    List<LogLine> lines = java.util.Arrays.stream(texts).map(t -> text(source, t)).toList();
    return new HistoryMerge.Block(new StreamKey(source, LogStream.STDOUT), lines, times, "why");
  }

  @Test
  void aMergedPaneHoldsItsLinesUntilEveryHistoryCameThenGivesThemInTimeOrder() {
    LogInbox big = new LogInbox(1, 100, posted::add);
    long g = big.newGeneration();
    StreamKey a = new StreamKey("a", LogStream.STDOUT);
    StreamKey b = new StreamKey("b", LogStream.STDOUT);
    big.expectHistory(g, List.of(a, b));
    big.offerHistory(g, history("a", new String[] {"a1", "a2"}, new long[] {10, 30}), null);
    big.offer(g, List.of(text("a", "a-live")), a, null);
    assertEquals(List.of(), big.drain().lines(), "held while b's history is awaited");
    big.offerHistory(g, history("b", new String[] {"b1"}, new long[] {20}), null);
    assertEquals(
        List.of("a1", "b1", "a2", "a-live"),
        big.drain().lines().stream().map(LogLine::text).toList());
  }

  @Test
  void aHistoryThatSaysNoneComesEndsTheWaitForIt() {
    LogInbox big = new LogInbox(1, 100, posted::add);
    long g = big.newGeneration();
    StreamKey a = new StreamKey("a", LogStream.STDOUT);
    StreamKey e = new StreamKey("a", LogStream.STDERR);
    big.expectHistory(g, List.of(a, e));
    big.offerHistory(g, history("a", new String[] {"a1"}, new long[] {HistoryMerge.UNTIMED}), null);
    big.offerHistory(g, new HistoryMerge.Block(e, List.of(), new long[0], ""), null);
    assertEquals(List.of("a1"), big.drain().lines().stream().map(LogLine::text).toList());
  }
}
