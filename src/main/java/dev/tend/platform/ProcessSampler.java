package dev.tend.platform;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * CPU and memory of programs including everything they started, from one pass over /proc per sample
 * whatever the number of programs. CPU is a percentage of one core (a process tree busy on two
 * cores reads 200), over the time since the previous sample of the same process, or since it
 * started on the first sample. Not thread-safe: one caller samples.
 */
public final class ProcessSampler {
  private static final double TICKS_PER_SECOND = 100.0; // USER_HZ: fixed at 100 for /proc on Linux

  /**
   * One program's usage.
   *
   * @param cpuPercent CPU of the tree as a percentage of one core
   * @param rssBytes resident memory of the tree (shared pages count once per process)
   * @param processes how many processes the tree holds
   */
  public record Usage(double cpuPercent, long rssBytes, int processes) {}

  private record Previous(long startTime, long ticks, long atNanos) {}

  private final Path procRoot;
  private final long pageSize;
  private final LongSupplier nanoClock;
  private Map<Integer, Previous> previous = new HashMap<>(); // root pid -> last sample; caller's

  public ProcessSampler() {
    this(ProcTable.PROC, LibC.sysconf(LibC.SC_PAGESIZE), System::nanoTime);
  }

  ProcessSampler(Path procRoot, long pageSize, LongSupplier nanoClock) {
    this.procRoot = procRoot;
    this.pageSize = pageSize;
    this.nanoClock = nanoClock;
  }

  /** Usage of each root that is alive, keyed by root pid; roots that are gone are left out. */
  public Map<Integer, Usage> sample(Collection<Integer> roots) {
    long now = nanoClock.getAsLong();
    ProcTable table = ProcTable.read(procRoot);
    double uptimeTicks = uptimeSeconds() * TICKS_PER_SECOND;
    Map<Integer, Usage> usage = new LinkedHashMap<>();
    Map<Integer, Previous> next = new HashMap<>();
    for (int root : roots) {
      ProcStat rootStat = table.get(root).orElse(null);
      if (rootStat == null || rootStat.isZombie()) {
        continue;
      }
      long ticks = 0;
      long rssPages = 0;
      int count = 0;
      for (int pid : table.treeOf(root)) {
        ProcStat s = table.get(pid).orElseThrow();
        ticks += s.cpuTicks();
        rssPages += s.rssPages();
        count++;
      }
      Previous before = previous.get(root);
      double percent;
      if (before != null && before.startTime() == rootStat.startTime()) {
        double seconds = (now - before.atNanos()) / 1e9;
        percent = seconds <= 0 ? 0 : Math.max(0, ticks - before.ticks()) / seconds;
      } else {
        double lived = uptimeTicks - rootStat.startTime();
        percent = lived <= 0 ? 0 : ticks * TICKS_PER_SECOND / lived;
      }
      usage.put(root, new Usage(percent, rssPages * pageSize, count));
      next.put(root, new Previous(rootStat.startTime(), ticks, now));
    }
    previous = next;
    return usage;
  }

  private double uptimeSeconds() {
    try {
      String s = Files.readString(procRoot.resolve("uptime")).trim();
      return Double.parseDouble(s.substring(0, s.indexOf(' ')));
    } catch (IOException | RuntimeException e) {
      return 0;
    }
  }
}
