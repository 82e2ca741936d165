package dev.tend.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tend.testing.ManualLoop;
import org.junit.jupiter.api.Test;

class HeapGiveBackTest {
  private static final long MIB = 1L << 20;

  /** A heap whose committed size the test sets; a collection shrinks it to the live bytes. */
  private static final class GrowingHeap implements HeapGiveBack.Heap {
    long committed = 8 * MIB;
    long live = 4 * MIB;

    @Override
    public long committed() {
      return committed;
    }

    @Override
    public long used() {
      return live;
    }

    @Override
    public void collect() {
      committed = Math.max(8 * MIB, live * 10 / 7);
    }
  }

  @Test
  void aHeapThatStaysSmallIsNeverCollected() {
    ManualLoop loop = new ManualLoop();
    GrowingHeap heap = new GrowingHeap();
    HeapGiveBack g = new HeapGiveBack(loop, heap);
    g.start();
    loop.runPending();
    heap.committed = 60 * MIB;
    loop.advance(10 * HeapGiveBack.PERIOD_MILLIS);
    assertEquals(0, g.collections());
  }

  @Test
  void aHeapGrownPastThreeTimesWhatIsLiveIsCollectedWithinAMinuteAndOnlyOnce() {
    ManualLoop loop = new ManualLoop();
    GrowingHeap heap = new GrowingHeap();
    HeapGiveBack g = new HeapGiveBack(loop, heap);
    g.start();
    loop.runPending();
    heap.live = 18 * MIB;
    heap.committed = 247 * MIB; // what the soak saw: 18 MiB live in a 247 MiB heap
    loop.advance(HeapGiveBack.PERIOD_MILLIS);
    assertEquals(1, g.collections());
    assertEquals(18 * MIB * 10 / 7, heap.committed);
    loop.advance(5 * HeapGiveBack.PERIOD_MILLIS);
    assertEquals(1, g.collections(), "nothing grew: no second collection");
  }

  @Test
  void aDaemonThatHoldsMoreMayGrowMoreBeforeItIsCollectedAgain() {
    ManualLoop loop = new ManualLoop();
    GrowingHeap heap = new GrowingHeap();
    HeapGiveBack g = new HeapGiveBack(loop, heap);
    g.start();
    loop.runPending();
    heap.live = 60 * MIB; // thousands of programs
    heap.committed = 200 * MIB;
    loop.advance(HeapGiveBack.PERIOD_MILLIS);
    assertEquals(1, g.collections());
    heap.committed = 170 * MIB; // under 3 x 60 MiB: what it holds, with room to work
    loop.advance(HeapGiveBack.PERIOD_MILLIS);
    assertEquals(1, g.collections());
    heap.committed = 190 * MIB;
    loop.advance(HeapGiveBack.PERIOD_MILLIS);
    assertEquals(2, g.collections());
  }
}
