package dev.tend.core;

import dev.tend.api.Health;
import dev.tend.api.LogStream;
import dev.tend.api.ProcessInfo;
import dev.tend.api.ProcessState;
import dev.tend.config.ProcessConfig;
import dev.tend.platform.ExitStatus;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What a process reports of its last run: when it started and stopped, how it ended, why it could
 * not start, how often it was restarted; and of tend's dependencies, what it depends on and why it
 * waits. Written by its {@link ProcessRuntime} and by {@link Dependencies}; loop thread only.
 */
final class RunRecord {
  private final CoreClock clock;
  // Wall and monotonic time of the last spawn attempt; 0 = never started.
  private long laststartWall;
  private long laststartMono;
  // Wall time of the last reap; 0 = never.
  private long laststopWall;
  // Exit code of the last run; null after a too-quick exit (reported as 0).
  private @Nullable Integer exitstatus;
  // The signal that ended the last run, 0 if none.
  private int exitSignal;
  private @Nullable String spawnerr;
  // Automatic restarts (autorestart and backoff retries) since the process was made.
  private int restarts;
  // Why it waits (for a dependency, or the one that failed); null when it does not.
  private @Nullable String waitReason;
  // Its dependencies, resolved to namespecs.
  private List<String> dependsOn = List.of();

  RunRecord(CoreClock clock) {
    this.clock = clock;
  }

  /** A spawn attempt begins: the last run's outcome is forgotten. */
  void started(boolean automatic) {
    spawnerr = null;
    waitReason = null;
    exitstatus = null;
    exitSignal = 0;
    laststartWall = clock.wallMillis();
    laststartMono = clock.monotonicMillis();
    if (automatic) {
      restarts++;
    }
  }

  /** The child was reaped; returns how long it ran (monotonic). */
  long reaped(ExitStatus status) {
    laststopWall = clock.wallMillis();
    exitSignal = status.signal();
    return upMillis();
  }

  /** Since the last spawn attempt (monotonic). */
  long upMillis() {
    return clock.monotonicMillis() - laststartMono;
  }

  boolean everStarted() {
    return laststartWall != 0;
  }

  @Nullable String spawnerr() {
    return spawnerr;
  }

  void spawnerr(@Nullable String why) {
    spawnerr = why;
  }

  void exitstatus(@Nullable Integer code) {
    exitstatus = code;
  }

  void waitReason(@Nullable String why) {
    waitReason = why;
  }

  @Nullable String waitReason() {
    return waitReason;
  }

  void dependsOn(List<String> namespecs) {
    dependsOn = List.copyOf(namespecs);
  }

  /**
   * @param health tend's last health check result
   * @param checkReason what a readiness check waits for; empty when nothing
   */
  ProcessInfo info(
      ProcessConfig config,
      String group,
      ProcessState state,
      int pid,
      ProcessOutputs outputs,
      ZoneId zone,
      Health health,
      String checkReason) {
    long now = clock.wallMillis() / 1000;
    long start = laststartWall / 1000;
    long stop = laststopWall / 1000;
    String err = spawnerr == null ? "" : spawnerr;
    String reason = waitReason != null ? waitReason : checkReason;
    // A reason says more than supervisord's words, but for a running process's pid and uptime.
    String description =
        reason.isEmpty() || state == ProcessState.RUNNING || state == ProcessState.BACKOFF
            ? ProcessDescriptions.describe(state, start, stop, now, pid, err, config.name(), zone)
            : reason;
    return new ProcessInfo(
        config.name(),
        group,
        description,
        capped(start),
        capped(stop),
        capped(now),
        state,
        err,
        exitstatus == null ? 0 : exitstatus,
        pathOrEmpty(outputs.logfile(LogStream.STDOUT)),
        pathOrEmpty(outputs.logfile(LogStream.STDERR)),
        pid,
        restarts,
        exitSignal,
        health,
        reason,
        dependsOn);
  }

  private static String pathOrEmpty(@Nullable Path p) {
    return p == null ? "" : p.toString();
  }

  private static long capped(long seconds) {
    return Math.min(seconds, Integer.MAX_VALUE);
  }
}
