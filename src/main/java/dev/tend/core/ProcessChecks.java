package dev.tend.core;

import dev.tend.api.Health;
import dev.tend.api.ProcessState;
import dev.tend.config.Probe;
import dev.tend.config.ProcessConfig;
import dev.tend.config.TendSettings;
import dev.tend.platform.ChildProcess;
import dev.tend.platform.OutputSink;
import dev.tend.platform.Signal;
import java.util.Objects;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A process's readiness and health checks (tend's {@code ready_*} and {@code health_*} keys), run
 * by run: a readiness check from the spawn until it passes, health checks while RUNNING. It tells
 * its process when it is ready, when it is not ready in time, and when it became unhealthy; the
 * process decides what that does to its state. A process without these keys shares {@link #NONE},
 * which does nothing and costs nothing. Loop thread only, but for the output taps of {@code
 * ready_log}, which run on the I/O thread and post here.
 */
class ProcessChecks {
  private static final MainLog log = MainLog.of(ProcessChecks.class);
  private static final String TOO_QUICK = "Exited too quickly (process log may have details)";

  /** A process without readiness or health check: ready at startsecs, health NONE. */
  static final ProcessChecks NONE = new ProcessChecks();

  private ProcessChecks() {}

  static ProcessChecks of(
      CoreContext ctx, ProcessHost host, ProcessRuntime process, ProcessConfig config) {
    TendSettings t = config.tend();
    if (t.readiness() == null && t.health() == null) {
      return NONE;
    }
    return new Configured(ctx, host, process, config);
  }

  /** The stdout or stderr sink of a new run, with a {@code ready_log} watch when there is one. */
  OutputSink tap(OutputSink sink) {
    return sink;
  }

  /** {@link #tap}, for a stderr that may be joined to stdout (null). */
  @Nullable OutputSink tapOrNull(@Nullable OutputSink sink) {
    return sink == null ? null : tap(sink);
  }

  /** A run was spawned: its readiness check starts. */
  void spawned() {}

  /** Whether this run passed its readiness check (always, without one). */
  boolean ready() {
    return true;
  }

  /** After each transition of the process. */
  void stateChanged(ProcessState to) {}

  /**
   * The spawnerr of a run that ended while STARTING: too quick, not ready in time, or gone before
   * it was ready.
   */
  String failedStartReason(boolean tooQuick) {
    return TOO_QUICK;
  }

  /** Whether a STARTING process that exits now failed its start (it was not ready yet). */
  boolean startFailedIfExitedNow() {
    return false;
  }

  Health health() {
    return Health.NONE;
  }

  /** Why a STARTING process is not RUNNING yet; empty when nothing is awaited. */
  String reason(ProcessState state) {
    return "";
  }

  /** The checks of a process that has readiness or health keys. */
  private static final class Configured extends ProcessChecks {
    private final CoreContext ctx;
    private final ProcessHost host;
    private final ProcessRuntime process;
    private final ProcessConfig config;
    private final TendSettings.@Nullable Readiness readiness;
    private final TendSettings.@Nullable Health healthSettings;
    private final @Nullable Pattern readyLine;
    // Loop thread only: this run's checks, and what they found.
    private @Nullable ReadinessWatch readinessWatch;
    private boolean ready;
    private @Nullable String notReady;
    private @Nullable HealthWatch healthWatch;
    private Health health;
    // The SIGKILL that follows a not-ready stop, if still pending.
    private CoreLoop.@Nullable Timer killTimer;

    Configured(CoreContext ctx, ProcessHost host, ProcessRuntime process, ProcessConfig config) {
      this.ctx = ctx;
      this.host = host;
      this.process = process;
      this.config = config;
      this.readiness = config.tend().readiness();
      this.healthSettings = config.tend().health();
      this.readyLine =
          readiness != null && readiness.probe() instanceof Probe.LogLine l
              ? Pattern.compile(l.regex())
              : null;
      this.health =
          healthSettings == null ? Health.NONE : new Health(Health.Status.UNKNOWN, 0, "", 0);
    }

    @Override
    OutputSink tap(OutputSink sink) {
      Pattern p = readyLine;
      if (p == null) {
        return sink;
      }
      return new LogLineWatch(sink, p, line -> ctx.loop().execute(() -> matched(line)));
    }

    /**
     * A line matched. It is this run's: a run's output is read before its exit is reported, and the
     * next run starts only after that.
     */
    private void matched(String line) {
      ReadinessWatch w = readinessWatch;
      if (w != null) {
        w.logMatched(line);
      }
    }

    @Override
    void spawned() {
      endRun();
      notReady = null;
      TendSettings.Readiness r = readiness;
      ready = r == null;
      if (r != null) {
        readinessWatch =
            new ReadinessWatch(
                ctx, ctx.probes(), config, process.group(), r, this::isReady, this::isNotReady);
      }
    }

    private void isReady(String how) {
      readinessWatch = null;
      ready = true;
      log.info("ready: " + process.name() + " (" + how + ")");
      ctx.events().readiness(process, true, how);
      process.readinessPassed();
      host.infoChanged(process.info());
    }

    /**
     * Not ready by ready_timeout: a failed start. It stays STARTING while it is stopped
     * (stopsignal, then SIGKILL after stopwaitsecs), then goes to BACKOFF as if it had exited too
     * quickly.
     */
    private void isNotReady(String why) {
      readinessWatch = null;
      notReady = why;
      ctx.events().readiness(process, false, why);
      ChildProcess c = process.startingChild();
      if (c == null) {
        return;
      }
      log.warn("not ready: " + process.name() + " " + why);
      c.signal(config.stopsignal(), config.stopasgroup());
      killTimer =
          ctx.loop()
              .schedule(
                  config.stopwaitsecs() * 1000L,
                  () -> {
                    killTimer = null;
                    if (process.startingChild() == c) {
                      c.signal(Signal.KILL, config.killasgroup());
                    }
                  });
    }

    @Override
    boolean ready() {
      return ready;
    }

    @Override
    void stateChanged(ProcessState to) {
      if (to == ProcessState.RUNNING) {
        TendSettings.Health h = healthSettings;
        if (h != null && healthWatch == null) {
          healthWatch =
              new HealthWatch(ctx, ctx.probes(), config, process.group(), h, health, this::checked);
        }
      } else if (to != ProcessState.STARTING) {
        endRun();
      }
    }

    private void checked(Health now, boolean act) {
      Health before = health;
      health = now;
      TendSettings.Health h = healthSettings;
      if (now.status() != before.status() || act) {
        // an event when the health changes, and each time the action is taken; a failure below
        // health_retries changes the count only
        ctx.events().health(process, now, act ? h : null);
      }
      if (now.status() != before.status() || now.failures() != before.failures()) {
        host.infoChanged(process.info());
      } else {
        host.infoRefreshed(process.info());
      }
      if (act && h != null) {
        act(h.action());
      }
    }

    /** Unhealthy: restart it, signal it, or only say so, as {@code health_action} says. */
    private void act(TendSettings.HealthAction action) {
      if (process.state() != ProcessState.RUNNING) {
        return;
      }
      log.warn(
          "unhealthy: " + process.name() + " (" + health.message() + "), health_action " + action);
      switch (action.kind()) {
        case RESTART -> process.restartForHealth();
        case SIGNAL -> process.signal(Objects.requireNonNull(action.signal()));
        case NONE -> {}
      }
    }

    /** Ends this run's checks; the last health result stays, its status becomes UNKNOWN. */
    private void endRun() {
      if (killTimer != null) {
        killTimer.cancel();
        killTimer = null;
      }
      if (readinessWatch != null) {
        readinessWatch.cancel();
        readinessWatch = null;
      }
      if (healthWatch != null) {
        healthWatch.cancel();
        healthWatch = null;
      }
      if (healthSettings != null) {
        health = new Health(Health.Status.UNKNOWN, health.checked(), health.message(), 0);
      }
    }

    @Override
    String failedStartReason(boolean tooQuick) {
      String why = notReady;
      if (why != null) {
        return why;
      }
      return tooQuick || ready
          ? TOO_QUICK
          : "Exited before it was ready (process log may have details)";
    }

    @Override
    boolean startFailedIfExitedNow() {
      return !ready;
    }

    @Override
    Health health() {
      return health;
    }

    @Override
    String reason(ProcessState state) {
      ReadinessWatch w = readinessWatch;
      return state == ProcessState.STARTING && w != null ? w.waitingFor() : "";
    }
  }
}
