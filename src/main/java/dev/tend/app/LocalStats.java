package dev.tend.app;

import dev.tend.api.ForwardingSupervisorApi;
import dev.tend.api.ProcessInfo;
import dev.tend.api.ProcessStats;
import dev.tend.api.SupervisorApi;
import dev.tend.api.SupervisorApi.Capabilities;
import dev.tend.platform.ProcessSampler;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * CPU and memory for a supervisor that does not report them (a real supervisord) but runs on this
 * machine (reached through a unix socket): the console samples /proc itself for the pids the
 * supervisor lists. Every other call goes to the supervisor unchanged.
 */
final class LocalStats extends ForwardingSupervisorApi {
  // Keeps the previous sample per pid, so CPU% is relative to the console's last look.
  private final ProcessSampler sampler = new ProcessSampler();

  private LocalStats(SupervisorApi remote) {
    super(remote);
  }

  /** {@code remote}, with getProcessStats answered from /proc when the server cannot answer it. */
  static SupervisorApi around(SupervisorApi remote) {
    return new LocalStats(remote);
  }

  @Override
  public List<ProcessStats> getProcessStats() {
    return delegate().capabilities().processStats() ? super.getProcessStats() : sample();
  }

  @Override
  public Capabilities capabilities() {
    Capabilities c = delegate().capabilities();
    return new Capabilities(c.server(), c.pushesChanges(), true, c.rawLogs());
  }

  private synchronized List<ProcessStats> sample() {
    Map<Integer, String> names = new LinkedHashMap<>();
    for (ProcessInfo p : delegate().getAllProcessInfo()) {
      if (p.pid() > 0) {
        names.put(p.pid(), p.namespec());
      }
    }
    Map<Integer, ProcessSampler.Usage> usage = sampler.sample(names.keySet());
    List<ProcessStats> stats = new ArrayList<>();
    names.forEach(
        (pid, name) -> {
          ProcessSampler.Usage u = usage.get(pid);
          if (u != null) {
            stats.add(new ProcessStats(name, pid, u.cpuPercent(), u.rssBytes(), u.processes()));
          }
        });
    return stats;
  }
}
