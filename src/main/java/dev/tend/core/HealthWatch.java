package dev.tend.core;

import dev.tend.api.Health;
import dev.tend.config.ProcessConfig;
import org.jspecify.annotations.Nullable;

/**
 * One run's health checks, while RUNNING: the probe every {@code health_interval}, each attempt
 * bounded by {@code health_timeout}; {@code health_retries} failures in a row make the process
 * unhealthy, then the failures count again from zero (so a {@code signal:} action is repeated every
 * {@code health_retries} failures, not at every one). Loop thread only.
 */
final class HealthWatch {
  /** Told each result: the new health, and whether the process just became unhealthy. */
  interface Listener {
    void checked(Health health, boolean act);
  }

  private final CoreLoop loop;
  private final CoreClock clock;
  private final Probes probes;
  private final ProcessConfig config;
  private final String group;
  private final dev.tend.config.TendSettings.Health settings;
  private final Listener listener;
  // Loop thread only.
  private boolean active = true;
  private Health health;
  private CoreLoop.@Nullable Timer next;
  private Probes.@Nullable Attempt attempt;

  /** The first check runs one interval after RUNNING. */
  HealthWatch(
      CoreContext ctx,
      Probes probes,
      ProcessConfig config,
      String group,
      dev.tend.config.TendSettings.Health settings,
      Health health,
      Listener listener) {
    this.loop = ctx.loop();
    this.clock = ctx.clock();
    this.probes = probes;
    this.config = config;
    this.group = group;
    this.settings = settings;
    this.listener = listener;
    this.health = health;
    schedule();
  }

  private void schedule() {
    next = loop.schedule(settings.intervalSecs() * 1000L, this::attempt);
  }

  private void attempt() {
    next = null;
    attempt =
        probes.run(settings.probe(), config, group, settings.timeoutSecs() * 1000L, this::result);
  }

  private void result(ProbeResult r) {
    attempt = null;
    if (!active) {
      return;
    }
    long now = clock.wallMillis() / 1000;
    boolean act = false;
    if (r.ok()) {
      health = new Health(Health.Status.HEALTHY, now, r.message(), 0);
    } else {
      int failures = health.failures() + 1;
      act = failures % settings.retries() == 0;
      Health.Status status =
          act || health.status() == Health.Status.UNHEALTHY
              ? Health.Status.UNHEALTHY
              : health.status();
      health = new Health(status, now, r.message(), failures);
    }
    listener.checked(health, act);
    if (active) {
      schedule();
    }
  }

  void cancel() {
    active = false;
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
