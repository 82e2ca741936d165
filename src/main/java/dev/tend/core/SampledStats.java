package dev.tend.core;

import dev.tend.api.ProcessStats;
import dev.tend.platform.ProcessSampler;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** {@link StatsSource} over /proc: CPU since the previous sample and RSS, descendants included. */
public final class SampledStats implements StatsSource {
  // Its per-pid history makes CPU% relative to the previous call; one sample at a time.
  private final ProcessSampler sampler = new ProcessSampler();

  @Override
  public synchronized List<ProcessStats> sample(Map<String, Integer> pids) {
    Map<Integer, ProcessSampler.Usage> usage = sampler.sample(pids.values());
    List<ProcessStats> out = new ArrayList<>();
    for (Map.Entry<String, Integer> e : pids.entrySet()) {
      ProcessSampler.Usage u = usage.get(e.getValue());
      if (u != null) {
        out.add(
            new ProcessStats(
                e.getKey(), e.getValue(), u.cpuPercent(), u.rssBytes(), u.processes()));
      }
    }
    return out;
  }
}
