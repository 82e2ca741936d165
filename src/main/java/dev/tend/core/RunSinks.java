package dev.tend.core;

import dev.tend.platform.ChildProcess;
import dev.tend.platform.OutputSink;
import java.io.IOException;

/**
 * Where a run's output goes (its logs, the PROCESS_LOG events, a {@code ready_log} watch) and how
 * its exit reaches the loop: made the same way for a spawned child and an adopted one.
 */
final class RunSinks {
  private RunSinks() {}

  static ChildProcess attach(
      CoreContext ctx,
      ProcessRuntime process,
      ProcessChecks checks,
      ProcessOutputs outputs,
      ChildBirth birth)
      throws Spawner.Refused {
    OutputSink stdoutSink;
    OutputSink stderrSink;
    try {
      stdoutSink = checks.tap(ctx.events().stdoutFor(process, outputs.stdoutSink()));
      stderrSink = checks.tapOrNull(outputs.stderrSink());
    } catch (IOException e) {
      throw new Spawner.Refused(
          "unknown error making dispatchers for '" + process.name() + "': " + e.getMessage());
    }
    return birth.of(
        stdoutSink,
        stderrSink,
        (exitedPid, status) -> ctx.loop().execute(() -> process.onExit(exitedPid, status)));
  }
}
