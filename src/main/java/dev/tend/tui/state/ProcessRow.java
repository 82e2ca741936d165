package dev.tend.tui.state;

import dev.tend.api.Health;
import dev.tend.api.ProcessInfo;
import dev.tend.api.ProcessState;
import dev.tend.api.ProcessStats;
import org.jspecify.annotations.Nullable;

/**
 * One line of the process table: what the server said, plus what the console derived (restarts and
 * when the last was, resource use). Immutable; a new row replaces the old on every change.
 *
 * @param server the server it runs on, as the console names it ("" when there is one server)
 * @param restarts automatic restarts, as the server reports them or as observed
 * @param lastRestartAt epoch seconds of the last restart, 0 when none is known
 * @param stats CPU and memory, null when the server does not sample them
 */
public record ProcessRow(
    String server,
    ProcessInfo info,
    int restarts,
    long lastRestartAt,
    @Nullable ProcessStats stats) {

  /** A row of the one server. */
  public ProcessRow(
      ProcessInfo info, int restarts, long lastRestartAt, @Nullable ProcessStats stats) {
    this("", info, restarts, lastRestartAt, stats);
  }

  /** Its key in the console's state: {@link ServerKey} ({@code namespec@server}). */
  public String namespec() {
    return ServerKey.of(server, info.namespec());
  }

  /** Its namespec as its server knows it. */
  public String localNamespec() {
    return info.namespec();
  }

  public String group() {
    return info.group();
  }

  public ProcessState state() {
    return info.state();
  }

  public ProcessRow withStats(@Nullable ProcessStats s) {
    return new ProcessRow(server, info, restarts, lastRestartAt, s);
  }

  /** Seconds since the last spawn while a process exists, else -1. */
  public long uptimeSeconds(long nowEpochSeconds) {
    boolean alive = info.pid() > 0 || info.state() == ProcessState.STARTING;
    return alive && info.start() > 0 ? Math.max(0, nowEpochSeconds - info.start()) : -1;
  }

  /**
   * The server's description, its uptime brought to {@code nowEpochSeconds} while the process runs:
   * the server words it when asked (as supervisorctl asks at each status), and a pushed change
   * carries the uptime of the moment it happened.
   */
  public String description(long nowEpochSeconds) {
    String said = info.description();
    long up = uptimeSeconds(nowEpochSeconds);
    if (info.state() == ProcessState.RUNNING
        && up >= 0
        && said.startsWith("pid " + info.pid() + ", uptime ")) {
      return ProcessInfo.runningDescription(info.pid(), up);
    }
    return said;
  }

  /**
   * Why the process is in its state, in a few words: the spawn error of a BACKOFF or FATAL process,
   * the exit code or killing signal of an EXITED or STOPPED one, or what tend says it waits for
   * ({@code waiting for broker: FATAL}); empty when there is nothing to say.
   */
  public String reason() {
    String waits = info.reason();
    if (!waits.isEmpty() && info.state() != ProcessState.RUNNING) {
      return waits; // tend's: the dependency or readiness check it waits for, or that failed
    }
    String spawnerr = info.spawnerr();
    return switch (info.state()) {
      case BACKOFF, FATAL, UNKNOWN -> spawnerr.isEmpty() ? exitText() : spawnerr;
      case EXITED -> exitText();
      case STOPPED -> info.start() == 0 ? "not started" : info.exitSignal() > 0 ? exitText() : "";
      case STARTING, RUNNING, STOPPING -> "";
    };
  }

  private String exitText() {
    if (info.exitSignal() > 0) {
      return Signals.describe(info.exitSignal());
    }
    if (info.stop() == 0 && info.start() == 0) {
      return "";
    }
    return info.exitstatus() == -1 ? "killed by a signal" : "exit " + info.exitstatus();
  }

  /** The health column's word: {@code healthy}, {@code unhealthy}, {@code unknown}. */
  public String healthWord() {
    return info.health().status().word();
  }

  /** Whether tend's health check found the process unhealthy. */
  public boolean unhealthy() {
    return info.health().status() == Health.Status.UNHEALTHY;
  }

  /**
   * Whether the process needs attention: FATAL, BACKOFF, UNKNOWN, EXITED by a signal or with a
   * non-zero code, or unhealthy ({@code !} jumps between these).
   */
  public boolean failing() {
    if (unhealthy()) {
      return true;
    }
    return switch (info.state()) {
      case FATAL, BACKOFF, UNKNOWN -> true;
      case EXITED -> info.exitSignal() > 0 || info.exitstatus() != 0;
      default -> false;
    };
  }
}
