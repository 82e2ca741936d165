package dev.tend.platform;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Every process's stat line, read in one pass over /proc, with a parent-to-children index. */
final class ProcTable {
  static final Path PROC = Path.of("/proc");

  private final Map<Integer, ProcStat> byPid;
  private final Map<Integer, List<Integer>> children;

  private ProcTable(Map<Integer, ProcStat> byPid) {
    this.byPid = byPid;
    this.children = new HashMap<>();
    for (ProcStat s : byPid.values()) {
      children.computeIfAbsent(s.ppid(), k -> new ArrayList<>()).add(s.pid());
    }
  }

  static ProcTable read(Path procRoot) {
    Map<Integer, ProcStat> all = new HashMap<>();
    try (DirectoryStream<Path> dir = Files.newDirectoryStream(procRoot, ProcTable::isPidDir)) {
      for (Path p : dir) {
        readStat(p).ifPresent(s -> all.put(s.pid(), s));
      }
    } catch (IOException e) {
      // /proc itself unreadable: an empty table, so callers see no processes rather than fail.
    }
    return new ProcTable(all);
  }

  static Optional<ProcStat> readStat(Path pidDir) {
    try {
      return Optional.ofNullable(ProcStat.parse(Files.readString(pidDir.resolve("stat"))));
    } catch (IOException e) {
      return Optional.empty(); // it exited while we looked
    }
  }

  private static boolean isPidDir(Path p) {
    String name = p.getFileName().toString();
    return !name.isEmpty() && name.chars().allMatch(c -> c >= '0' && c <= '9');
  }

  Optional<ProcStat> get(int pid) {
    return Optional.ofNullable(byPid.get(pid));
  }

  List<Integer> childrenOf(int pid) {
    return children.getOrDefault(pid, Collections.emptyList());
  }

  /** {@code root} (when present) and all its descendants, parents before children. */
  Set<Integer> treeOf(int root) {
    Set<Integer> tree = new LinkedHashSet<>();
    ArrayDeque<Integer> todo = new ArrayDeque<>();
    if (byPid.containsKey(root)) {
      todo.add(root);
    }
    while (!todo.isEmpty()) {
      int pid = todo.poll();
      if (tree.add(pid)) {
        todo.addAll(childrenOf(pid));
      }
    }
    return tree;
  }
}
