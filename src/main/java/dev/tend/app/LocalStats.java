package dev.tend.app;

import dev.tend.api.ChangeBatch;
import dev.tend.api.ForwardingSupervisorApi;
import dev.tend.api.ProcessInfo;
import dev.tend.api.ProcessStats;
import dev.tend.api.SupervisorApi;
import dev.tend.api.SupervisorApi.Capabilities;
import dev.tend.platform.ProcessSampler;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * CPU and memory for a supervisor that does not report them (a real supervisord) but runs on this
 * machine (reached through a unix socket): the console samples /proc itself for the pids the
 * supervisor lists. The pids come from the change feed's batches as they pass through (asking
 * supervisord for every process at each sample doubled what watching it cost it), or from {@code
 * getAllProcessInfo} before the first batch. Every other call goes to the supervisor unchanged.
 */
final class LocalStats extends ForwardingSupervisorApi {
  // Keeps the previous sample per pid, so CPU% is relative to the console's last look.
  private final ProcessSampler sampler = new ProcessSampler();
  // namespec -> pid (0: not running) as the change feed last saw it, in the server's order;
  // guarded by itself (the feed thread writes, the stats thread reads); empty until a full batch
  private final Map<String, Integer> pids = new LinkedHashMap<>();
  // guarded by pids: whether a full batch has been seen since the feed (re)connected
  private boolean tracking;

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

  @Override
  public ChangeBatch waitForChanges(long cursor, Duration timeout) {
    ChangeBatch b = super.waitForChanges(cursor, timeout);
    synchronized (pids) {
      if (b.full()) {
        pids.clear();
        tracking = true;
      }
      for (ProcessInfo p : b.processes()) {
        pids.put(p.namespec(), p.pid());
      }
      b.removed().forEach(pids::remove);
    }
    return b;
  }

  private synchronized List<ProcessStats> sample() {
    Map<Integer, String> names = new LinkedHashMap<>();
    boolean known;
    synchronized (pids) {
      known = tracking;
      if (known) {
        pids.forEach(
            (name, pid) -> {
              if (pid > 0) {
                names.put(pid, name);
              }
            });
      }
    }
    if (!known) {
      for (ProcessInfo p : delegate().getAllProcessInfo()) {
        if (p.pid() > 0) {
          names.put(p.pid(), p.namespec());
        }
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
