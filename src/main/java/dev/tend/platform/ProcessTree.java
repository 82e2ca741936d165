package dev.tend.platform;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A process and its descendants as /proc shows them at one moment, found by parent links, so it
 * includes those that left the process group or the session (a {@code setsid}'d daemon). Each
 * member is remembered with its start time: a pid reused later by an unrelated process is never
 * signalled.
 *
 * <p>Meant for "stopping a program leaves nothing of its tree alive": snapshot with {@link #of}
 * when the stop begins (while the program still holds its descendants; once it dies they are
 * re-parented and no longer traceable to it), then after the stop {@link #refresh()} and {@link
 * #signal} what remains.
 */
public final class ProcessTree {
  private final Path procRoot;
  private final Map<Integer, Long> members; // pid -> start time (clock ticks after boot)

  private ProcessTree(Path procRoot, Map<Integer, Long> members) {
    this.procRoot = procRoot;
    this.members = Collections.unmodifiableMap(members);
  }

  /** {@code root} and its descendants now; empty if {@code root} is gone. */
  public static ProcessTree of(int root) {
    return of(ProcTable.PROC, root);
  }

  static ProcessTree of(Path procRoot, int root) {
    ProcTable table = ProcTable.read(procRoot);
    Map<Integer, Long> members = new LinkedHashMap<>();
    for (int pid : table.treeOf(root)) {
      table.get(pid).filter(s -> !s.isZombie()).ifPresent(s -> members.put(pid, s.startTime()));
    }
    return new ProcessTree(procRoot, members);
  }

  /** The members' pids, parents before children. */
  public Set<Integer> pids() {
    return members.keySet();
  }

  public boolean isEmpty() {
    return members.isEmpty();
  }

  /**
   * The members still alive (same pid, same start time, not a zombie), plus every process
   * descending from them now (children they started since the snapshot).
   */
  public ProcessTree refresh() {
    ProcTable table = ProcTable.read(procRoot);
    Map<Integer, Long> next = new LinkedHashMap<>();
    for (Map.Entry<Integer, Long> m : members.entrySet()) {
      if (sameLiveProcess(table, m.getKey(), m.getValue())) {
        for (int pid : table.treeOf(m.getKey())) {
          table
              .get(pid)
              .filter(s -> !s.isZombie())
              .ifPresent(s -> next.putIfAbsent(pid, s.startTime()));
        }
      }
    }
    return new ProcessTree(procRoot, next);
  }

  /**
   * Sends {@code signal} to every member that is still the same process, through a pidfd opened
   * before its identity is checked (so the check cannot race a pid reuse). Returns the pids
   * signalled.
   */
  public List<Integer> signal(Signal signal) {
    List<Integer> signalled = new ArrayList<>();
    for (Map.Entry<Integer, Long> m : members.entrySet()) {
      int pid = m.getKey();
      int pidfd = Pidfd.open(pid);
      if (pidfd < 0) {
        continue;
      }
      try {
        boolean same =
            ProcTable.readStat(procRoot.resolve(Integer.toString(pid)))
                .filter(s -> s.startTime() == m.getValue() && !s.isZombie())
                .isPresent();
        if (same && Pidfd.sendSignal(pidfd, signal.number()) == 0) {
          signalled.add(pid);
        }
      } finally {
        LibC.close(pidfd);
      }
    }
    return signalled;
  }

  private static boolean sameLiveProcess(ProcTable table, int pid, long startTime) {
    return table.get(pid).filter(s -> s.startTime() == startTime && !s.isZombie()).isPresent();
  }

  @Override
  public String toString() {
    return "ProcessTree" + members.keySet();
  }
}
