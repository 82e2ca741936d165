package dev.tend.core;

import dev.tend.api.Fault;
import dev.tend.api.FaultException;
import dev.tend.api.ProcessState;
import dev.tend.config.Autorestart;
import dev.tend.config.DependencySpec;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;

/**
 * tend's {@code depends_on} at run time. A start (autostart, {@code start}, {@code start all},
 * reload) first starts what the process depends on and spawns it only once each of those is RUNNING
 * (ready); meanwhile it stays STOPPED with a reason ({@code waiting for broker}). A dependency that
 * ends FATAL, STOPPED or UNKNOWN (or EXITED for good) fails the wait: the process stays STOPPED
 * with a reason naming it ({@code waiting for broker: FATAL}), and so do the processes waiting for
 * it. A stop first stops the running dependants, and stops the process once they are all stopped.
 * Names are resolved against the groups loaded now. With no {@code depends_on} anywhere, every
 * method is a lookup in an empty map. Loop thread only.
 */
final class Dependencies {
  private static final MainLog log = MainLog.of(Dependencies.class);

  private final ProcessHost host;
  // Direct dependencies and dependants, resolved when the groups change.
  private final Map<ProcessRuntime, List<ProcessRuntime>> requires = new IdentityHashMap<>();
  private final Map<ProcessRuntime, List<ProcessRuntime>> requiredBy = new IdentityHashMap<>();
  // Starts waiting for dependencies, and stops waiting for dependants.
  private final Map<ProcessRuntime, CompletableFuture<Void>> pendingStarts =
      new IdentityHashMap<>();
  private final Map<ProcessRuntime, CompletableFuture<Void>> pendingStops = new IdentityHashMap<>();
  // Loaded processes that have a depends_on: 0 means requires and requiredBy are empty.
  private int dependents;

  Dependencies(ProcessHost host) {
    this.host = host;
  }

  /**
   * {@code group} was added to {@code groups}: resolves again when some loaded process has a {@code
   * depends_on}, the only way an addition can change what is resolved. Without one, adding the
   * groups of a thousand programs one by one at start-up walked every process a thousand times.
   */
  void added(GroupRuntime group, Collection<GroupRuntime> groups) {
    for (ProcessRuntime p : group.processesByName()) {
      if (!p.config().tend().dependsOn().isEmpty()) {
        dependents++;
      }
    }
    if (dependents > 0) {
      rebuild(groups);
    }
  }

  /** Resolves every {@code depends_on} against the groups now loaded. */
  void rebuild(Collection<GroupRuntime> groups) {
    requires.clear();
    requiredBy.clear();
    dependents = 0;
    List<ProcessRuntime> all = new ArrayList<>();
    groups.forEach(g -> all.addAll(g.processesByName()));
    for (ProcessRuntime p : all) {
      List<DependencySpec> specs = p.config().tend().dependsOn();
      if (specs.isEmpty()) {
        continue;
      }
      dependents++;
      Set<ProcessRuntime> found = new LinkedHashSet<>();
      for (DependencySpec spec : specs) {
        for (ProcessRuntime q : all) {
          if (q != p && spec.matches(q.group(), q.config())) {
            found.add(q);
          }
        }
      }
      requires.put(p, List.copyOf(found));
      found.forEach(q -> requiredBy.computeIfAbsent(q, k -> new ArrayList<>()).add(p));
      p.record().dependsOn(found.stream().map(ProcessRuntime::namespec).toList());
    }
    Set<ProcessRuntime> present = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
    present.addAll(all);
    forgetGone(pendingStarts, present);
    forgetGone(pendingStops, present);
  }

  /** Pending starts and stops of processes no longer loaded fail with BAD_NAME. */
  private static void forgetGone(
      Map<ProcessRuntime, CompletableFuture<Void>> pending, Set<ProcessRuntime> present) {
    for (ProcessRuntime p : new ArrayList<>(pending.keySet())) {
      if (!present.contains(p)) {
        CompletableFuture<Void> f = pending.remove(p);
        if (f != null) {
          f.completeExceptionally(new FaultException(Fault.BAD_NAME, p.namespec()));
        }
      }
    }
  }

  private List<ProcessRuntime> requires(ProcessRuntime p) {
    return requires.getOrDefault(p, List.of());
  }

  private List<ProcessRuntime> requiredBy(ProcessRuntime p) {
    return requiredBy.getOrDefault(p, List.of());
  }

  boolean waitsToStart(ProcessRuntime p) {
    return pendingStarts.containsKey(p);
  }

  // -- starting --

  /**
   * Starts {@code p} once what it depends on runs. The future completes when {@code p} was spawned,
   * or fails with SPAWN_ERROR when a dependency failed; at once when nothing has to be waited for.
   */
  CompletableFuture<Void> start(ProcessRuntime p) {
    CompletableFuture<Void> pending = pendingStarts.get(p);
    if (pending != null) {
      return pending;
    }
    List<ProcessRuntime> deps = requires(p);
    for (ProcessRuntime d : deps) {
      ProcessState s = d.state();
      if (s == ProcessState.UNKNOWN) {
        return failed(p, "waiting for " + d.namespec() + ": " + s);
      }
      if (s.isStopped() && !pendingStarts.containsKey(d)) {
        start(d);
      }
    }
    if (deps.stream().allMatch(d -> d.state() == ProcessState.RUNNING)) {
      p.start();
      return CompletableFuture.completedFuture(null);
    }
    CompletableFuture<Void> started = new CompletableFuture<>();
    pendingStarts.put(p, started);
    waiting(p, waitingFor(p));
    return started;
  }

  private String waitingFor(ProcessRuntime p) {
    List<String> names = new ArrayList<>();
    for (ProcessRuntime d : requires(p)) {
      if (d.state() != ProcessState.RUNNING) {
        names.add(d.namespec());
      }
    }
    return "waiting for " + String.join(", ", names);
  }

  /** Cancels the start {@code p} waits to make; true when there was one. */
  boolean cancelStart(ProcessRuntime p) {
    CompletableFuture<Void> pending = pendingStarts.remove(p);
    if (pending == null) {
      return false;
    }
    waiting(p, null);
    pending.completeExceptionally(
        new FaultException(Fault.SPAWN_ERROR, p.namespec() + ": start cancelled"));
    return true;
  }

  /** Shutdown or restart: nothing waiting to start will start. */
  void cancelAllStarts() {
    new ArrayList<>(pendingStarts.keySet()).forEach(this::cancelStart);
  }

  // -- stopping --

  /**
   * Stops the running dependants of {@code p}, then {@code p}; the future completes when {@code p}
   * is stopped. Null when {@code p} has no running dependant: the caller stops it as usual.
   */
  @Nullable CompletableFuture<Void> stopAfterDependants(ProcessRuntime p) {
    CompletableFuture<Void> pending = pendingStops.get(p);
    if (pending != null) {
      return pending;
    }
    List<ProcessRuntime> running = runningDependants(p);
    if (running.isEmpty()) {
      return null;
    }
    CompletableFuture<Void> stopped = new CompletableFuture<>();
    pendingStops.put(p, stopped);
    for (ProcessRuntime d : running) {
      if (stopAfterDependants(d) == null && !d.state().isStopped()) {
        stopNow(d);
      }
    }
    return stopped;
  }

  private List<ProcessRuntime> runningDependants(ProcessRuntime p) {
    return requiredBy(p).stream().filter(d -> !d.state().isStopped()).toList();
  }

  private static void stopNow(ProcessRuntime p) {
    ProcessState s = p.state();
    if (s.isRunning()) {
      String error = p.stop();
      if (error != null) {
        log.warn("cannot stop " + p.namespec() + ": " + error);
      }
    }
  }

  // -- what every change moves on --

  void stateChanged(ProcessRuntime p, StateChange change) {
    if (pendingStarts.isEmpty() && pendingStops.isEmpty()) {
      return;
    }
    if (change.to().isRunning() && pendingStarts.containsKey(p)) {
      CompletableFuture<Void> f = pendingStarts.remove(p); // started by someone else meanwhile
      if (f != null) {
        f.complete(null);
      }
    }
    for (ProcessRuntime d : requiredBy(p)) {
      if (pendingStarts.containsKey(d)) {
        dependencyChanged(d, p, change);
      }
    }
    if (change.to().isStopped()) {
      for (ProcessRuntime q : requires(p)) {
        if (pendingStops.containsKey(q) && runningDependants(q).isEmpty()) {
          stopNow(q);
        }
      }
      CompletableFuture<Void> f = pendingStops.remove(p);
      if (f != null) {
        f.complete(null);
      }
    }
  }

  private void dependencyChanged(ProcessRuntime waiter, ProcessRuntime dep, StateChange change) {
    ProcessState to = change.to();
    if (to == ProcessState.RUNNING) {
      if (requires(waiter).stream().allMatch(d -> d.state() == ProcessState.RUNNING)) {
        release(waiter);
      } else {
        waiting(waiter, waitingFor(waiter));
      }
    } else if (to == ProcessState.FATAL
        || to == ProcessState.UNKNOWN
        || to == ProcessState.STOPPED
        || (to == ProcessState.EXITED && !restarts(dep, change))) {
      fail(waiter, "waiting for " + dep.namespec() + ": " + condition(dep));
    }
  }

  private boolean restarts(ProcessRuntime p, StateChange change) {
    Autorestart a = p.config().autorestart();
    return host.mayStart()
        && (a == Autorestart.TRUE || (a == Autorestart.UNEXPECTED && !change.expected()));
  }

  /** A dependency's state, or the wait it failed itself. */
  private static String condition(ProcessRuntime d) {
    String why = d.record().waitReason();
    return why != null ? why : d.state().name();
  }

  private void release(ProcessRuntime p) {
    CompletableFuture<Void> f = pendingStarts.remove(p);
    if (f == null) {
      return;
    }
    if (!host.mayStart()) {
      waiting(p, null);
      f.completeExceptionally(
          new FaultException(Fault.SPAWN_ERROR, p.namespec() + ": shutting down"));
      return;
    }
    if (!p.state().isRunning()) {
      p.start();
    }
    f.complete(null);
  }

  /** The wait failed: {@code p} stays where it is, with the reason; so do those waiting for it. */
  private void fail(ProcessRuntime p, String reason) {
    CompletableFuture<Void> f = pendingStarts.remove(p);
    if (f == null) {
      return;
    }
    log.warn("not starting " + p.namespec() + ": " + reason);
    waiting(p, reason);
    f.completeExceptionally(new FaultException(Fault.SPAWN_ERROR, p.namespec() + ": " + reason));
    for (ProcessRuntime d : requiredBy(p)) {
      if (pendingStarts.containsKey(d)) {
        fail(d, "waiting for " + p.namespec() + ": " + reason);
      }
    }
  }

  private CompletableFuture<Void> failed(ProcessRuntime p, String reason) {
    waiting(p, reason);
    return CompletableFuture.failedFuture(
        new FaultException(Fault.SPAWN_ERROR, p.namespec() + ": " + reason));
  }

  private void waiting(ProcessRuntime p, @Nullable String reason) {
    p.record().waitReason(reason);
    host.infoChanged(p.info());
  }

  // -- orders --

  /** {@code processes} with every dependency before its dependants, otherwise in their order. */
  List<ProcessRuntime> startOrder(List<ProcessRuntime> processes) {
    return requires.isEmpty() ? processes : ordered(processes, this::requires);
  }

  /** {@code processes} with every dependant before its dependencies, otherwise in their order. */
  List<ProcessRuntime> stopOrder(List<ProcessRuntime> processes) {
    return requires.isEmpty() ? processes : ordered(processes, this::requiredBy);
  }

  /** A stable topological order: each process after those {@code before} names in the list. */
  private static List<ProcessRuntime> ordered(
      List<ProcessRuntime> processes,
      java.util.function.Function<ProcessRuntime, List<ProcessRuntime>> before) {
    Set<ProcessRuntime> in = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
    in.addAll(processes);
    Set<ProcessRuntime> placed = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
    List<ProcessRuntime> out = new ArrayList<>(processes.size());
    for (ProcessRuntime p : processes) {
      place(p, in, placed, out, before);
    }
    return out;
  }

  private static void place(
      ProcessRuntime p,
      Set<ProcessRuntime> in,
      Set<ProcessRuntime> placed,
      List<ProcessRuntime> out,
      java.util.function.Function<ProcessRuntime, List<ProcessRuntime>> before) {
    if (!placed.add(p)) {
      return; // placed already (the config check rules out cycles)
    }
    for (ProcessRuntime q : before.apply(p)) {
      if (in.contains(q)) {
        place(q, in, placed, out, before);
      }
    }
    out.add(p);
  }
}
