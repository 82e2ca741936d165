package dev.tend.platform;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * How many output pipes may be grown to {@link OutputPipe#BULK_PIPE_SIZE} at once. The kernel
 * counts pipe pages per user, and an unprivileged user past {@code
 * /proc/sys/fs/pipe-user-pages-soft} (16,384 pages, 64 MiB: a thousand default pipes already hold
 * 16,000) gets 8 KiB for every new pipe; a few big pipes serve the few programs that write in bulk
 * without starving every other one.
 */
final class PipeGrowth {
  private final int max;
  private final AtomicInteger grown = new AtomicInteger(); // pipes grown and not yet closed

  PipeGrowth(int max) {
    this.max = max;
  }

  /** Takes one of the grown-pipe places; false when all are taken. */
  boolean take() {
    while (true) {
      int now = grown.get();
      if (now >= max) {
        return false;
      }
      if (grown.compareAndSet(now, now + 1)) {
        return true;
      }
    }
  }

  /** Gives back a place taken by {@link #take} (its pipe closed). */
  void giveBack() {
    grown.decrementAndGet();
  }
}
