package dev.tend.control.server;

import java.time.Duration;

/**
 * XML-RPC answers the server owes: calls read and not yet answered to the end, long-polls aside. A
 * server that closes waits for them first, or the answer to the very {@code supervisor.shutdown} or
 * {@code supervisor.restart} that closes it is cut off ({@code supervisorctl shutdown} then fails
 * with "Remote end closed connection without response").
 */
final class PendingAnswers {
  private int owed; // guarded by this

  synchronized void begin() {
    owed++;
  }

  synchronized void end() {
    owed--;
    if (owed == 0) {
      notifyAll();
    }
  }

  /** Waits until no answer is owed, at most {@code max}; whether none is. */
  synchronized boolean awaitNone(Duration max) throws InterruptedException {
    long deadline = System.nanoTime() + max.toNanos();
    while (owed > 0) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        return false;
      }
      wait(Math.max(1, left / 1_000_000));
    }
    return true;
  }
}
