package dev.tend.tui.feed;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class LogResumeTest {

  @Test
  void theHistoryGoesOnAfterTheLinesThePaneHas() {
    assertEquals(2, LogResume.after(List.of("a", "b"), List.of("a", "b", "c", "d")));
    assertEquals(3, LogResume.after(List.of("b", "c"), List.of("a", "b", "c")));
  }

  @Test
  void aPaneWithoutLinesTakesTheWholeHistory() {
    assertEquals(0, LogResume.after(List.of(), List.of("a", "b")));
  }

  @Test
  void repeatedLinesResumeAfterTheLatestPlaceThatHoldsAllOfThem() {
    assertEquals(5, LogResume.after(List.of("x", "y"), List.of("x", "y", "z", "x", "y", "n")));
  }

  @Test
  void aLastLineCutWhenTheConnectionDroppedComesAgainWhole() {
    assertEquals(1, LogResume.after(List.of("a", "half"), List.of("a", "half a line", "b")));
  }

  @Test
  void aLogThatMovedOnBeyondTheHistoryIsAGap() {
    assertEquals(-1, LogResume.after(List.of("a", "b"), List.of("x", "y", "z")));
    assertEquals(-1, LogResume.after(List.of("a"), List.of()));
  }
}
