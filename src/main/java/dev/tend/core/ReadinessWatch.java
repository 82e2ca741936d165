package dev.tend.core;

import dev.tend.config.Probe;
import dev.tend.config.ProcessConfig;
import dev.tend.config.TendSettings.Readiness;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * One run's readiness check: the probe every {@code ready_interval} until it succeeds, or (for
 * {@code ready_log}) a matching line, until {@code ready_timeout} after the spawn. Ends once:
 * ready, not ready, or cancelled when the run ends. Loop thread only.
 */
final class ReadinessWatch {
  private final CoreLoop loop;
  private final CoreClock clock;
  private final Probes probes;
  private final ProcessConfig config;
  private final String group;
  private final Readiness readiness;
  private final Consumer<String> onReady;
  private final Consumer<String> onNotReady;
  // Loop thread only: while neither ready, timed out nor cancelled.
  private boolean active = true;
  private final long deadlineMillis;
  private CoreLoop.@Nullable Timer deadline;
  private CoreLoop.@Nullable Timer next;
  private Probes.@Nullable Attempt attempt;
  // What the last failed attempt said; empty before one.
  private String lastFailure = "";

  /**
   * Starts watching at once.
   *
   * @param onReady told how readiness was shown ({@code connected to 127.0.0.1:80})
   * @param onNotReady told why the process is not ready by the deadline
   */
  ReadinessWatch(
      CoreContext ctx,
      Probes probes,
      ProcessConfig config,
      String group,
      Readiness readiness,
      Consumer<String> onReady,
      Consumer<String> onNotReady) {
    this.loop = ctx.loop();
    this.clock = ctx.clock();
    this.probes = probes;
    this.config = config;
    this.group = group;
    this.readiness = readiness;
    this.onReady = onReady;
    this.onNotReady = onNotReady;
    this.deadlineMillis = clock.monotonicMillis() + readiness.timeoutSecs() * 1000L;
    this.deadline = loop.schedule(readiness.timeoutSecs() * 1000L, this::timedOut);
    if (!(readiness.probe() instanceof Probe.LogLine)) {
      attempt();
    }
  }

  /** What it waits for, for the process's reason: {@code ready_tcp 127.0.0.1:80: refused}. */
  String waitingFor() {
    return "waiting to be ready (ready_"
        + readiness.probe().describe()
        + (lastFailure.isEmpty() ? "" : ": " + lastFailure)
        + ")";
  }

  private void attempt() {
    next = null;
    long left = Math.max(1, deadlineMillis - clock.monotonicMillis());
    attempt = probes.run(readiness.probe(), config, group, left, this::result);
  }

  private void result(ProbeResult r) {
    attempt = null;
    if (!active) {
      return;
    }
    if (r.ok()) {
      end();
      onReady.accept(r.message());
    } else {
      lastFailure = r.message();
      next = loop.schedule(readiness.intervalSecs() * 1000L, this::attempt);
    }
  }

  /** A line of output matched {@code ready_log}. */
  void logMatched(String line) {
    if (active) {
      end();
      onReady.accept("log line " + line);
    }
  }

  private void timedOut() {
    deadline = null;
    if (active) {
      end();
      onNotReady.accept(
          "not ready after "
              + readiness.timeoutSecs()
              + " s (ready_"
              + readiness.probe().describe()
              + (lastFailure.isEmpty() ? "" : ": " + lastFailure)
              + ")");
    }
  }

  /** The run ended: no more attempts, no result. */
  void cancel() {
    end();
  }

  private void end() {
    active = false;
    if (deadline != null) {
      deadline.cancel();
      deadline = null;
    }
    if (next != null) {
      next.cancel();
      next = null;
    }
    if (attempt != null) {
      attempt.cancel();
      attempt = null;
    }
  }
}
