package dev.tend.tui.state;

import dev.tend.api.ChangeBatch;
import dev.tend.api.ProcessInfo;
import dev.tend.api.ProcessState;
import dev.tend.api.SupervisorState;
import java.util.List;

/** Small builders of API records for model tests. */
public final class Infos {
  public static final long NOW = 1_700_000_000L;

  private Infos() {}

  public static ProcessInfo info(String group, String name, ProcessState state) {
    return info(group, name, state, 0);
  }

  public static ProcessInfo info(String group, String name, ProcessState state, long start) {
    int pid = state.isRunning() && state != ProcessState.BACKOFF ? 100 + name.length() : 0;
    return new ProcessInfo(name, group, "", start, 0, NOW, state, "", 0, "", "", pid, -1, 0);
  }

  public static ProcessInfo exited(String name, int code, int signal) {
    return new ProcessInfo(
        name,
        name,
        "",
        NOW - 100,
        NOW - 10,
        NOW,
        ProcessState.EXITED,
        "",
        code,
        "",
        "",
        0,
        -1,
        signal);
  }

  public static ProcessInfo fatal(String name, String spawnerr) {
    return new ProcessInfo(
        name, name, spawnerr, NOW - 5, 0, NOW, ProcessState.FATAL, spawnerr, 0, "", "", 0, -1, 0);
  }

  public static ChangeBatch full(ProcessInfo... infos) {
    return new ChangeBatch(1, true, SupervisorState.RUNNING, List.of(infos), List.of());
  }

  public static ChangeBatch delta(List<ProcessInfo> changed, List<String> removed) {
    return new ChangeBatch(2, false, SupervisorState.RUNNING, changed, removed);
  }
}
