package dev.tend.api;

import java.util.List;

/**
 * One process as {@code getProcessInfo} describes it (spec §3.4), plus what only tend reports: how
 * often the supervisor restarted it, the signal that ended it last, its health, why it waits, and
 * what it depends on (docs/PROTOCOL.md).
 *
 * @param start epoch seconds of the last spawn attempt, 0 if never started
 * @param stop epoch seconds of the last exit, 0 if never stopped
 * @param now epoch seconds when this record was made
 * @param exitstatus last exit code; -1 when killed by a signal
 * @param stdoutLogfile path, or empty when there is none
 * @param stderrLogfile path, or empty when there is none
 * @param pid 0 when not running
 * @param restarts automatic restarts since the process was added; -1 when the server does not say
 * @param exitSignal the signal number that ended the last run, 0 when none or not known
 * @param health the last health check's result; {@link Health#NONE} without a check
 * @param reason why the process is not (yet) running although asked to: the dependency it waits for
 *     or that failed ({@code waiting for broker: FATAL}), or the readiness check it waits for;
 *     empty otherwise
 * @param dependsOn the namespecs it depends on (its {@code depends_on}, resolved)
 */
public record ProcessInfo(
    String name,
    String group,
    String description,
    long start,
    long stop,
    long now,
    ProcessState state,
    String spawnerr,
    int exitstatus,
    String stdoutLogfile,
    String stderrLogfile,
    int pid,
    int restarts,
    int exitSignal,
    Health health,
    String reason,
    List<String> dependsOn) {

  public ProcessInfo {
    dependsOn = List.copyOf(dependsOn);
  }

  /** supervisord's fields and tend's restart count and exit signal; no health, reason or deps. */
  public ProcessInfo(
      String name,
      String group,
      String description,
      long start,
      long stop,
      long now,
      ProcessState state,
      String spawnerr,
      int exitstatus,
      String stdoutLogfile,
      String stderrLogfile,
      int pid,
      int restarts,
      int exitSignal) {
    this(
        name,
        group,
        description,
        start,
        stop,
        now,
        state,
        spawnerr,
        exitstatus,
        stdoutLogfile,
        stderrLogfile,
        pid,
        restarts,
        exitSignal,
        Health.NONE,
        "",
        List.of());
  }

  /** {@code name} when the process is alone in a group of its name, else {@code group:name}. */
  public String namespec() {
    return namespec(group, name);
  }

  public String statename() {
    return state.name();
  }

  public static String namespec(String group, String name) {
    return group.equals(name) ? name : group + ":" + name;
  }
}
