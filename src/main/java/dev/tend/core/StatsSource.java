package dev.tend.core;

import dev.tend.api.ProcessStats;
import java.util.List;
import java.util.Map;

/** CPU and memory of running processes and their descendants. Any thread. */
@FunctionalInterface
public interface StatsSource {
  /**
   * @param pids namespec to pid of every running process
   */
  List<ProcessStats> sample(Map<String, Integer> pids);

  StatsSource NONE = pids -> List.of();
}
