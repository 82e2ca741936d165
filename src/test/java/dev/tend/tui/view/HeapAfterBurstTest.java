package dev.tend.tui.view;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** When the console asks for a collection to give a burst's heap back, over a fake heap. */
class HeapAfterBurstTest {
  private static final long MB = 1L << 20;
  private long committed = 16 * MB;
  private long used = 8 * MB;
  private int collections;
  // what a collection leaves: the committed heap after it
  private long shrinksTo = 16 * MB;

  private final HeapAfterBurst giveBack =
      new HeapAfterBurst(
          () -> committed,
          () -> used,
          () -> {
            collections++;
            committed = shrinksTo;
            used = Math.min(used, 6 * MB);
          });

  private void checks(int n) {
    for (int i = 0; i < n; i++) {
      giveBack.check();
    }
  }

  private void burst() {
    for (int i = 0; i < 10; i++) {
      committed = Math.min(committed + 20 * MB, 200 * MB);
      used = i % 2 == 0 ? used + 18 * MB : 9 * MB; // grows, then a young collection
      giveBack.check();
    }
  }

  @Test
  void aHeapABurstGrewIsCollectedOnceTheConsoleIsQuiet() {
    burst();
    assertEquals(0, collections, "never during the burst");
    checks(HeapAfterBurst.QUIET_CHECKS);
    assertEquals(1, collections);
    assertEquals(16 * MB, committed);
    checks(20);
    assertEquals(1, collections, "once: the heap is back where it settled");
  }

  @Test
  void aHeapThatStaysBigAfterACollectionIsNotCollectedAgain() {
    shrinksTo = 120 * MB; // the panes' history really holds that much
    burst();
    checks(HeapAfterBurst.QUIET_CHECKS + 30);
    assertEquals(1, collections);
  }

  @Test
  void aQuietConsoleWhoseHeapNeverGrewIsNotCollected() {
    for (int i = 0; i < 50; i++) {
      used += MB / 4;
      giveBack.check();
    }
    assertEquals(0, collections);
  }
}
