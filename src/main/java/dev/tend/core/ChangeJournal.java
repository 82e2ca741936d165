package dev.tend.core;

import dev.tend.api.ChangeBatch;
import dev.tend.api.ProcessInfo;
import dev.tend.api.SupervisorState;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The latest info of every process plus a bounded history of which changed when, so {@code
 * tend.waitForChanges} can answer "what changed since cursor N" without polling. Written by the
 * loop thread, read by any number of waiting callers.
 */
final class ChangeJournal {
  private static final Comparator<ProcessInfo> API_ORDER =
      Comparator.comparing(ProcessInfo::group).thenComparing(ProcessInfo::name);

  private final int capacity;
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition changed = lock.newCondition();
  // Guarded by lock: the latest info per namespec.
  private final Map<String, ProcessInfo> latest = new TreeMap<>();
  // Guarded by lock: (sequence, namespec) of recent changes, oldest first, at most capacity.
  private final ArrayDeque<Entry> history = new ArrayDeque<>();
  // Guarded by lock: sequence number of the newest change; 0 = none yet.
  private long sequence;
  // Guarded by lock.
  private SupervisorState state = SupervisorState.RUNNING;

  private record Entry(long seq, String namespec) {}

  ChangeJournal(int capacity) {
    this.capacity = capacity;
  }

  void put(ProcessInfo info) {
    lock.lock();
    try {
      latest.put(info.namespec(), info);
      record(info.namespec());
    } finally {
      lock.unlock();
    }
  }

  /** Keeps {@code info} as the latest without announcing a change (nobody is woken). */
  void refresh(ProcessInfo info) {
    lock.lock();
    try {
      latest.computeIfPresent(info.namespec(), (k, old) -> info);
    } finally {
      lock.unlock();
    }
  }

  void remove(String namespec) {
    lock.lock();
    try {
      if (latest.remove(namespec) != null) {
        record(namespec);
      }
    } finally {
      lock.unlock();
    }
  }

  void state(SupervisorState newState) {
    lock.lock();
    try {
      if (state != newState) {
        state = newState;
        record("");
      }
    } finally {
      lock.unlock();
    }
  }

  private void record(String namespec) {
    sequence++;
    history.addLast(new Entry(sequence, namespec));
    while (history.size() > capacity) {
      history.removeFirst();
    }
    changed.signalAll();
  }

  /** Changes after {@code cursor}, waiting up to {@code timeoutMillis} for the first one. */
  ChangeBatch since(long cursor, long timeoutMillis) throws InterruptedException {
    lock.lock();
    try {
      long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
      while (cursor > 0 && cursor == sequence) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          return new ChangeBatch(sequence, false, state, List.of(), List.of());
        }
        changed.awaitNanos(left);
      }
      boolean full =
          cursor <= 0
              || cursor > sequence
              || history.isEmpty()
              || history.peekFirst().seq() > cursor + 1;
      if (full) {
        List<ProcessInfo> all = new ArrayList<>(latest.values());
        all.sort(API_ORDER);
        return new ChangeBatch(sequence, true, state, all, List.of());
      }
      Set<String> names = new LinkedHashSet<>();
      for (Entry e : history) {
        if (e.seq() > cursor && !e.namespec().isEmpty()) {
          names.add(e.namespec());
        }
      }
      List<ProcessInfo> infos = new ArrayList<>();
      List<String> removed = new ArrayList<>();
      Map<String, ProcessInfo> snapshot = new LinkedHashMap<>(latest);
      for (String n : names) {
        ProcessInfo info = snapshot.get(n);
        if (info == null) {
          removed.add(n);
        } else {
          infos.add(info);
        }
      }
      infos.sort(API_ORDER);
      return new ChangeBatch(sequence, false, state, infos, removed);
    } finally {
      lock.unlock();
    }
  }
}
