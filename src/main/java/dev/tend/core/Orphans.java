package dev.tend.core;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The previous daemon's processes waiting for their programs to take them over when the groups are
 * added at start-up; each is claimed once. Loop thread only (filled before the supervisor starts).
 */
public final class Orphans {
  // By namespec; an entry leaves when claimed.
  private final Map<String, Orphan> waiting = new HashMap<>();

  /** No orphans: every program starts as its config says. */
  public static Orphans none() {
    return new Orphans(List.of());
  }

  public Orphans(List<Orphan> orphans) {
    for (Orphan o : orphans) {
      Orphan before = waiting.put(o.entry().namespec(), o);
      if (before != null) {
        before.discard(); // two recorded for one program: keep the later
      }
    }
  }

  /** The orphan of the process {@code name} in {@code group}, taken out; null when none waits. */
  @Nullable Orphan claim(String group, String name) {
    return waiting.remove(dev.tend.api.ProcessInfo.namespec(group, name));
  }

  /** Those never claimed (their program was not added), handed back and forgotten. */
  public List<Orphan> unclaimed() {
    List<Orphan> left = new ArrayList<>(waiting.values());
    waiting.clear();
    return left;
  }

  /** The {@code pid.startTime} of each waiting orphan. */
  public java.util.Set<String> keys() {
    java.util.Set<String> keys = new java.util.HashSet<>();
    waiting.values().forEach(o -> keys.add(o.entry().key()));
    return keys;
  }

  public boolean isEmpty() {
    return waiting.isEmpty();
  }
}
