package dev.tend.core;

import dev.tend.api.Fault;
import dev.tend.api.FaultException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.Supplier;

/**
 * Calls from any thread into the loop: the work runs on the loop thread and the caller waits for
 * its answer; a RuntimeException thrown there is thrown to the caller. Called on the loop itself,
 * the work runs at once. Thread-safe.
 */
final class LoopCalls {
  private final CoreLoop loop;

  LoopCalls(CoreLoop loop) {
    this.loop = loop;
  }

  <T> T call(Supplier<T> action) {
    if (loop.inLoop()) {
      return action.get();
    }
    CompletableFuture<T> f = new CompletableFuture<>();
    loop.execute(
        () -> {
          try {
            f.complete(action.get());
          } catch (RuntimeException e) {
            f.completeExceptionally(e);
          }
        });
    return await(f);
  }

  /** Runs {@code action} on the loop, then waits (off the loop) until its future completes. */
  <T> T callAndWait(Supplier<CompletableFuture<T>> action) {
    return await(call(action));
  }

  /** Runs {@code action} on the loop, waiting for it to have run. */
  void run(Runnable action) {
    call(
        () -> {
          action.run();
          return Boolean.TRUE;
        });
  }

  /** Posts {@code action} without waiting. */
  void post(Runnable action) {
    loop.execute(action);
  }

  static <T> T await(CompletableFuture<T> f) {
    try {
      return f.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new FaultException(Fault.FAILED, "interrupted");
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw new FaultException(Fault.FAILED, String.valueOf(e.getCause()));
    }
  }
}
