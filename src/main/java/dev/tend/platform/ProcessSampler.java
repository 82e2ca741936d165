package dev.tend.platform;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongSupplier;

/**
 * CPU and memory of programs including everything they started. CPU is a percentage of one core (a
 * process tree busy on two cores reads 200), over the time since the previous sample of the same
 * process, or since it started on the first sample. Not thread-safe: one caller samples.
 *
 * <p>Which processes make up each tree comes from a pass over all of /proc (every process's stat,
 * ~700 files on a loaded machine) only every {@link #FULL_SCAN_EVERY} samples, or sooner when a
 * root is new or a member of a tree is gone; the samples between read only the trees' own stat
 * files. Watching 400 idle supervisord programs, the full pass every 2 s was most of what the
 * console's sampler cost. The price: a process a program starts counts from the next full pass
 * (within {@code FULL_SCAN_EVERY} samples). The kernel's {@code /proc/PID/task/TID/children} would
 * name new children at once, but it needs CONFIG_PROC_CHILDREN, which kernels often lack.
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

  /** A full pass over /proc at least once in this many samples. */
  static final int FULL_SCAN_EVERY = 5;

  private record Previous(long startTime, long ticks, long atNanos) {}

  private final Path procRoot;
  private final long pageSize;
  private final LongSupplier nanoClock;
  private Map<Integer, Previous> previous = new HashMap<>(); // root pid -> last sample; caller's
  // root pid -> its tree's pids at the last full pass, parents first; the caller's thread
  private Map<Integer, List<Integer>> trees = new HashMap<>();
  // samples since the last full pass; FULL_SCAN_EVERY forces one; the caller's thread
  private int sinceScan = FULL_SCAN_EVERY;

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
    Map<Integer, List<ProcStat>> found =
        sinceScan >= FULL_SCAN_EVERY - 1 || !trees.keySet().containsAll(roots)
            ? scan(roots)
            : reread(roots);
    double uptimeTicks = uptimeSeconds() * TICKS_PER_SECOND;
    Map<Integer, Usage> usage = new LinkedHashMap<>();
    Map<Integer, Previous> next = new HashMap<>();
    found.forEach(
        (root, tree) -> {
          ProcStat rootStat = tree.get(0);
          long ticks = 0;
          long rssPages = 0;
          for (ProcStat s : tree) {
            ticks += s.cpuTicks();
            rssPages += s.rssPages();
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
          usage.put(root, new Usage(percent, rssPages * pageSize, tree.size()));
          next.put(root, new Previous(rootStat.startTime(), ticks, now));
        });
    previous = next;
    return usage;
  }

  /** Every live root's tree, root first, from one pass over all of /proc. */
  private Map<Integer, List<ProcStat>> scan(Collection<Integer> roots) {
    ProcTable table = ProcTable.read(procRoot);
    Map<Integer, List<ProcStat>> found = new LinkedHashMap<>();
    Map<Integer, List<Integer>> members = new HashMap<>();
    for (int root : roots) {
      ProcStat rootStat = table.get(root).orElse(null);
      if (rootStat == null || rootStat.isZombie()) {
        members.put(root, List.of()); // gone: no pass over /proc for it until the next full one
        continue;
      }
      List<ProcStat> tree = new ArrayList<>();
      for (int pid : table.treeOf(root)) {
        tree.add(table.get(pid).orElseThrow());
      }
      found.put(root, tree);
      members.put(root, tree.stream().map(ProcStat::pid).toList());
    }
    trees = members;
    sinceScan = 0;
    return found;
  }

  /**
   * The trees of the last full pass, read again pid by pid. A member that is gone or whose parent
   * is no longer in the tree (its pid reused) is left out, and the next sample passes over all of
   * /proc again.
   */
  private Map<Integer, List<ProcStat>> reread(Collection<Integer> roots) {
    sinceScan++;
    Map<Integer, List<ProcStat>> found = new LinkedHashMap<>();
    for (int root : roots) {
      List<ProcStat> tree = new ArrayList<>();
      Set<Integer> kept = new HashSet<>();
      for (int pid : trees.getOrDefault(root, List.of())) {
        ProcStat s = ProcTable.readStat(procRoot.resolve(Integer.toString(pid))).orElse(null);
        boolean belongs = s != null && (pid == root ? !s.isZombie() : kept.contains(s.ppid()));
        if (belongs) {
          tree.add(s);
          kept.add(pid);
        } else {
          sinceScan = FULL_SCAN_EVERY;
        }
      }
      if (kept.contains(root)) {
        found.put(root, tree);
      }
    }
    return found;
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
