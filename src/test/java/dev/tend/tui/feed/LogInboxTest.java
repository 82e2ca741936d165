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
}
