package dev.tend.platform;

import dev.tend.testing.Await;
import java.util.Set;
import java.util.TreeSet;

/** Test helper: waits on process states seen in /proc. */
final class Awaited {
  private Awaited() {}

  /** Waits until the process group {@code pgid} has at least {@code count} live members. */
  static Set<Integer> groupMembers(int pgid, int count) {
    return Await.value(
        count + " live members of process group " + pgid,
        () -> {
          Set<Integer> members = new TreeSet<>();
          for (int pid : ProcFs.allPids()) {
            ProcFs.stat(pid)
                .filter(f -> f[2].equals(Integer.toString(pgid)) && !f[0].equals("Z"))
                .ifPresent(f -> members.add(pid));
          }
          return members;
        },
        m -> m.size() >= count);
  }

  /** Waits until none of {@code pids} is alive (gone, or a zombie waiting for its reaper). */
  static void gone(Set<Integer> pids) {
    Await.value(
        "processes " + pids + " to end",
        () -> pids.stream().filter(ProcFs::alive).toList(),
        java.util.List::isEmpty);
  }
}
