package dev.tend.control.client.ssh;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/** Waiting for a task that reports its failure as its value, not by throwing. */
final class Futures {
  private Futures() {}

  static <T> T value(Future<T> f) {
    try {
      return f.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for ssh", e);
    } catch (ExecutionException e) {
      Throwable c = e.getCause();
      if (c instanceof RuntimeException r) {
        throw r;
      }
      if (c instanceof Error err) {
        throw err;
      }
      throw new IllegalStateException(c);
    }
  }
}
