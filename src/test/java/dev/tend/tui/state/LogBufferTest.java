package dev.tend.tui.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.tend.api.LogStream;
import java.util.List;
import org.junit.jupiter.api.Test;

public class LogBufferTest {

  public static LogLine line(String text) {
    return new LogLine(0, LogLine.Kind.TEXT, LogStream.STDOUT, "p", 0, text, List.of(), 0);
  }

  @Test
  void numbersLinesAndDropsTheOldestWhenFull() {
    LogBuffer b = new LogBuffer(3, 1000);
    for (int i = 0; i < 5; i++) {
      assertEquals(i, b.add(line("l" + i)).seq());
    }
    assertEquals(2, b.first());
    assertEquals(5, b.next());
    assertEquals(3, b.size());
    assertEquals(2, b.dropped());
    assertNull(b.get(1));
    assertEquals("l4", b.get(4).text());
  }

  @Test
  void aCharacterBudgetBoundsMemoryToo() {
    LogBuffer b = new LogBuffer(100, 10);
    b.add(line("12345"));
    b.add(line("12345"));
    b.add(line("123"));
    assertEquals(1, b.first());
    assertEquals(2, b.size());
  }

  @Test
  void clearForgetsButNumberingGoesOn() {
    LogBuffer b = new LogBuffer(3, 1000);
    b.add(line("a"));
    b.clear();
    assertEquals(0, b.size());
    assertEquals(1, b.add(line("b")).seq());
  }
}
