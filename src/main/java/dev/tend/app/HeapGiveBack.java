package dev.tend.app;

import dev.tend.core.CoreLoop;

/**
 * Gives the daemon's Java heap back when it has grown far past what the daemon holds. Why: the
 * serial collector moves to the old generation whatever is live at each young collection and, when
 * the old generation is full, grows it rather than collecting it, up to {@code -Xmx}; only a full
 * collection returns memory, and a daemon that allocates steadily (a client polling {@code
 * getAllProcessInfo} of 400 programs twice a second) may never need one. Under the soak ({@code
 * bench/crash --soak --reload update}) the daemon's RSS went from 88 to 300 MiB in three minutes
 * with 18 MiB live. Once a minute, on the core loop, this looks at the heap and collects it fully
 * when its committed size is over {@link #FLOOR_BYTES} and over three times what was live after the
 * last collection it made; with {@code -XX:-ShrinkHeapInSteps} that collection gives the memory
 * back at once. An idle daemon's heap stays at its few MiB, so it never collects there.
 */
final class HeapGiveBack {
  static final long PERIOD_MILLIS = 60_000;
  static final long FLOOR_BYTES = 64L << 20;

  /** The heap as the JVM reports it, and a full collection; tests give their own. */
  interface Heap {
    long committed();

    long used();

    void collect();

    Heap RUNTIME =
        new Heap() {
          @Override
          public long committed() {
            return Runtime.getRuntime().totalMemory();
          }

          @Override
          public long used() {
            return Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory();
          }

          @Override
          public void collect() {
            System.gc();
          }
        };
  }

  private final CoreLoop loop;
  private final Heap heap;
  private long liveAfterCollect; // heap used right after this class's last collection; loop thread
  private int collections; // how many this class made; loop thread

  HeapGiveBack(CoreLoop loop, Heap heap) {
    this.loop = loop;
    this.heap = heap;
  }

  /** Starts the minute's checks. Any thread. */
  void start() {
    loop.execute(() -> loop.schedule(PERIOD_MILLIS, this::check));
  }

  private void check() {
    if (worthCollecting(heap.committed(), liveAfterCollect)) {
      heap.collect();
      liveAfterCollect = heap.used();
      collections++;
    }
    loop.schedule(PERIOD_MILLIS, this::check);
  }

  /** Collections made so far. Loop thread. */
  int collections() {
    return collections;
  }

  static boolean worthCollecting(long committed, long live) {
    return committed > Math.max(FLOOR_BYTES, 3 * live);
  }
}
