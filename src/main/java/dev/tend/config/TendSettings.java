package dev.tend.config;

import dev.tend.platform.Signal;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The keys only tend reads in a program section (supervisord ignores them, docs/CONFIG.md): what
 * the process depends on, when it is ready, how its health is checked, how its restarts back off.
 * {@link #NONE} when the section sets none of them.
 *
 * @param dependsOn {@code depends_on}, in the order written, without repeats
 * @param readiness {@code ready_*}; null: RUNNING after {@code startsecs}, as supervisord
 * @param health {@code health_*}; null: no health check
 * @param backoff {@code backoff*}; null: supervisord's retry rule
 */
public record TendSettings(
    List<DependencySpec> dependsOn,
    @Nullable Readiness readiness,
    @Nullable Health health,
    @Nullable Backoff backoff) {

  /** A section without tend's keys. */
  public static final TendSettings NONE = new TendSettings(List.of(), null, null, null);

  public TendSettings {
    dependsOn = List.copyOf(dependsOn);
  }

  /**
   * A process stays STARTING until {@code probe} succeeds (and startsecs passed); not ready after
   * {@code timeoutSecs} is a failed start.
   *
   * @param intervalSecs between the end of one attempt and the next (not for a log probe)
   */
  public record Readiness(Probe probe, int timeoutSecs, int intervalSecs) {}

  /**
   * While RUNNING, {@code probe} runs every {@code intervalSecs}; {@code retries} failures in a row
   * make the process unhealthy and {@code action} is taken.
   *
   * @param timeoutSecs how long one attempt may take before it counts as a failure
   */
  public record Health(
      Probe probe, int intervalSecs, int timeoutSecs, int retries, HealthAction action) {}

  /**
   * What is done to an unhealthy process.
   *
   * @param signal for {@link Kind#SIGNAL} only
   */
  public record HealthAction(Kind kind, @Nullable Signal signal) {
    public static final HealthAction RESTART = new HealthAction(Kind.RESTART, null);
    public static final HealthAction NONE = new HealthAction(Kind.NONE, null);

    /** Restart it, send it a signal, or only report it. */
    public enum Kind {
      RESTART,
      SIGNAL,
      NONE
    }

    /** As written in the config: {@code restart}, {@code signal:HUP}, {@code none}. */
    @Override
    public String toString() {
      return switch (kind) {
        case RESTART -> "restart";
        case NONE -> "none";
        case SIGNAL -> "signal:" + (signal == null ? "?" : signal.name());
      };
    }
  }

  /**
   * How long a process waits before it is started again after a failure.
   *
   * @param initialSecs the first wait
   * @param maxSecs no wait is longer
   * @param resetAfterSecs a run this long forgets the failures; a shorter one counts as one
   */
  public record Backoff(Kind kind, int initialSecs, int maxSecs, int resetAfterSecs) {

    /** {@code initial × n} or {@code initial × 2^(n-1)} for the n-th failure in a row. */
    public enum Kind {
      LINEAR,
      EXPONENTIAL
    }
  }

  /** The tend keys this section uses, for {@code --check}'s note that supervisord ignores them. */
  public List<String> keysInUse() {
    List<String> keys = new ArrayList<>();
    if (!dependsOn.isEmpty()) {
      keys.add("depends_on");
    }
    if (readiness != null) {
      keys.add("ready_" + readiness.probe().describe().split(" ", 2)[0]);
    }
    if (health != null) {
      keys.add("health_" + health.probe().describe().split(" ", 2)[0]);
    }
    if (backoff != null) {
      keys.add("backoff");
    }
    return keys;
  }
}
