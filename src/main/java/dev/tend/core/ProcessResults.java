package dev.tend.core;

import dev.tend.api.Fault;
import dev.tend.api.FaultException;
import dev.tend.api.ProcessResult;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * supervisord's {@code make_allfunc}: acts on each process of a list, records an immediate result
 * for those that finished at once (in list order) and, for those that must be waited for, a result
 * when each finishes (in completion order). Loop thread builds it; futures complete on the loop.
 */
final class ProcessResults {
  // Appended on the loop thread only (immediate results, then waiter completions).
  private final List<ProcessResult> results = Collections.synchronizedList(new ArrayList<>());
  private final List<CompletableFuture<Void>> pending = new ArrayList<>();

  void success(ProcessRuntime p) {
    results.add(new ProcessResult(p.name(), p.group(), Fault.SUCCESS.code(), "OK"));
  }

  void failure(ProcessRuntime p, FaultException e) {
    results.add(new ProcessResult(p.name(), p.group(), e.code(), e.faultString()));
  }

  /** A process whose outcome is known when {@code done} completes. */
  void await(ProcessRuntime p, CompletableFuture<Void> done) {
    pending.add(
        done.handle(
            (ok, error) -> {
              if (error == null) {
                success(p);
              } else {
                Throwable cause = error instanceof CompletionException ? error.getCause() : error;
                if (cause instanceof FaultException f) {
                  failure(p, f);
                } else {
                  failure(p, new FaultException(Fault.FAILED, String.valueOf(cause)));
                }
              }
              return null;
            }));
  }

  CompletableFuture<List<ProcessResult>> all() {
    return CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new))
        .thenApply(v -> List.copyOf(results));
  }

  /** {@code clearAllProcessLogs}: each process's logs cleared, its failure reported, in order. */
  static List<ProcessResult> clearLogs(List<ProcessRuntime> processes) {
    List<ProcessResult> results = new ArrayList<>();
    for (ProcessRuntime p : processes) {
      try {
        p.outputs().clear();
        results.add(new ProcessResult(p.name(), p.group(), Fault.SUCCESS.code(), "OK"));
      } catch (FaultException e) {
        results.add(new ProcessResult(p.name(), p.group(), e.code(), e.faultString()));
      }
    }
    return results;
  }
}
