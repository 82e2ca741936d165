package dev.tend.tui.view;

import java.util.function.LongSupplier;

/**
 * Gives the operating system back the heap a burst of log lines grew, once the burst is over. With
 * Serial GC (the console's, {@code bin/lib/jvm-options.sh}) the heap shrinks only at a full
 * collection, which an idle console rarely makes: a 10 MB/s log followed for a while left the
 * console holding the grown heap for as long as it ran. Checked once a second on the UI thread (a
 * Serial collection stops every thread anyway); collects when the committed heap is well above
 * where it last settled and the console has been quiet for a few checks, so never during a burst,
 * and only once per growth when what the panes hold really needs the room.
 */
final class HeapAfterBurst {
  /** The committed heap this far above where it settled is worth a collection. */
  static final long SLACK_BYTES = 16L << 20;

  /** Checks in a row with the used heap growing less than this each are quiet. */
  static final long QUIET_GROWTH_BYTES = 2L << 20;

  static final int QUIET_CHECKS = 3;

  private final LongSupplier committed;
  private final LongSupplier used;
  private final Runnable collect;
  // the committed heap after the last collection asked for, or its least since; UI thread
  private long floor;
  // the used heap at the previous check; UI thread
  private long lastUsed;
  // quiet checks in a row up to this one; UI thread
  private int quiet;

  HeapAfterBurst(LongSupplier committed, LongSupplier used, Runnable collect) {
    this.committed = committed;
    this.used = used;
    this.collect = collect;
    this.floor = committed.getAsLong();
    this.lastUsed = used.getAsLong();
  }

  /** This JVM's heap, collected with {@link System#gc()}. */
  static HeapAfterBurst ofThisJvm() {
    Runtime r = Runtime.getRuntime();
    return new HeapAfterBurst(r::totalMemory, () -> r.totalMemory() - r.freeMemory(), System::gc);
  }

  /** Looks once; collects when the heap grew and the console has since been quiet. */
  void check() {
    long heap = committed.getAsLong();
    long now = used.getAsLong();
    floor = Math.min(floor, heap);
    long grew = now - lastUsed;
    lastUsed = now;
    quiet = grew >= 0 && grew < QUIET_GROWTH_BYTES ? quiet + 1 : 0;
    if (heap > floor + SLACK_BYTES && quiet >= QUIET_CHECKS) {
      collect.run();
      floor = committed.getAsLong();
      lastUsed = used.getAsLong();
      quiet = 0;
    }
  }
}
