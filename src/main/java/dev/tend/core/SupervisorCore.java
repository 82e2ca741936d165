package dev.tend.core;

import dev.tend.api.Fault;
import dev.tend.api.FaultException;
import dev.tend.api.ProcessInfo;
import dev.tend.api.ProcessResult;
import dev.tend.api.ProcessState;
import dev.tend.api.SupervisorState;
import dev.tend.config.EventListenerConfig;
import dev.tend.config.FcgiSocketConfig;
import dev.tend.config.GroupConfig;
import dev.tend.config.ProcessConfig;
import dev.tend.platform.Signal;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * The supervisor's state: groups, their processes, the mood; the operations of the API on them, and
 * the ordered stop of shutdown and restart. Confined to the loop thread; {@link Supervisor} is the
 * thread-safe face.
 */
final class SupervisorCore implements ProcessHost {
  private static final MainLog log = MainLog.of(SupervisorCore.class);

  private final CoreContext ctx;
  private final ProcessOutputsFactory outputsFactory;
  // Told of every state change, then of every other change of what a process reports.
  private final StateListener published;
  private final Consumer<ProcessInfo> infoPublished;
  private final Consumer<ProcessInfo> infoRefreshed;
  // Groups by name (lexical, as the API lists them). Loop thread only.
  private final Map<String, GroupRuntime> groups = new TreeMap<>();
  // Loop thread writes; read through mood() by the loop thread only.
  private SupervisorState mood = SupervisorState.RUNNING;
  // The ordered stop in progress (shutdown or restart), or null.
  private @Nullable OrderedStop orderedStop;
  // tend's depends_on: the resolved graph, starts waiting for dependencies, stops for dependants.
  private final Dependencies dependencies = new Dependencies(this);

  /**
   * @param published told of every state change, on the loop, before the ordered stop looks at it
   * @param infoPublished told when a process's info changed without a state change
   * @param infoRefreshed told when only a detail changed that wakes nobody
   */
  SupervisorCore(
      CoreContext ctx,
      ProcessOutputsFactory outputsFactory,
      StateListener published,
      Consumer<ProcessInfo> infoPublished,
      Consumer<ProcessInfo> infoRefreshed) {
    this.ctx = ctx;
    this.outputsFactory = outputsFactory;
    this.published = published;
    this.infoPublished = infoPublished;
    this.infoRefreshed = infoRefreshed;
  }

  SupervisorState mood() {
    return mood;
  }

  // -- what the processes tell their host --

  @Override
  public boolean mayStart() {
    return mood == SupervisorState.RUNNING;
  }

  @Override
  public void stateChanged(StateChange change) {
    published.onStateChange(change);
    ProcessRuntime p = find(change.info().group(), change.info().name());
    if (p != null) {
      dependencies.stateChanged(p, change);
    }
    OrderedStop stop = orderedStop;
    if (stop != null) {
      stop.advance(); // the ordered stop may move to the next level
    }
  }

  @Override
  public void infoChanged(ProcessInfo info) {
    infoPublished.accept(info);
  }

  @Override
  public void infoRefreshed(ProcessInfo info) {
    infoRefreshed.accept(info);
  }

  void setMood(SupervisorState newMood) {
    mood = newMood;
  }

  // -- groups --

  boolean hasGroup(String name) {
    return groups.containsKey(name);
  }

  List<GroupRuntime> groupsByName() {
    return new ArrayList<>(groups.values());
  }

  /** Ascending (priority, name), as supervisord starts them. */
  List<GroupRuntime> groupsByPriority() {
    List<GroupRuntime> list = new ArrayList<>(groups.values());
    list.sort(Comparator.comparingInt(GroupRuntime::priority).thenComparing(GroupRuntime::name));
    return list;
  }

  /** Adds a group and starts its autostart processes; returns the new processes' info. */
  List<ProcessInfo> addGroup(GroupConfig config) {
    if (groups.containsKey(config.name())) {
      throw new FaultException(Fault.ALREADY_ADDED, config.name());
    }
    List<ProcessOutputs> opened = openOutputs(config);
    FcgiSocketConfig socketConfig = config.socket();
    GroupSocket socket = socketConfig == null ? null : GroupSocket.open(socketConfig);
    List<ProcessRuntime> members = new ArrayList<>();
    for (ProcessOutputs outputs : opened) {
      ProcessConfig pc = config.processes().get(members.size());
      members.add(new ProcessRuntime(ctx, this, config.name(), pc, outputs, socket));
    }
    GroupRuntime group = new GroupRuntime(config, members, socket);
    groups.put(config.name(), group);
    dependencies.added(group, groups.values());
    EventListenerConfig listener = config.listener();
    if (config.kind() == dev.tend.config.GroupKind.EVENT_LISTENER && listener != null) {
      ctx.events().addPool(config, listener, members);
    }
    ctx.events().groupAdded(config.name());
    List<ProcessInfo> added = new ArrayList<>();
    for (ProcessRuntime p : group.processesByName()) {
      added.add(p.info());
    }
    return added;
  }

  /**
   * The outputs of each process of a group, in config order. Their events find the process by name
   * when they are published: the outputs are made before the processes that own them.
   */
  private List<ProcessOutputs> openOutputs(GroupConfig config) {
    List<ProcessOutputs> opened = new ArrayList<>();
    try {
      for (ProcessConfig pc : config.processes()) {
        String group = config.name();
        String name = pc.name();
        opened.add(
            outputsFactory.open(config, pc, ctx.events().logEventsFor(() -> find(group, name))));
      }
    } catch (IOException e) {
      opened.forEach(ProcessOutputs::close);
      throw new FaultException(
          Fault.FAILED, "cannot open the logs of group " + config.name() + ": " + e.getMessage());
    }
    return opened;
  }

  private @Nullable ProcessRuntime find(String group, String name) {
    GroupRuntime g = groups.get(group);
    return g == null ? null : g.process(name);
  }

  /** The group's autostart: each process that autostarts, after what it depends on. */
  void autostart(String groupName) {
    GroupRuntime g = groups.get(groupName);
    if (g != null) {
      for (ProcessRuntime p : g.processesByPriority()) {
        Orphan orphan = p.takeOverOrphan();
        if (orphan != null && orphan.replace()) {
          replace(p);
        } else if (orphan == null && p.autostarts()) {
          dependencies.start(p);
        }
      }
    }
  }

  /** An adopted process to be replaced: stopped, then started anew (after its dependencies). */
  private void replace(ProcessRuntime p) {
    StateWaiter gone = StateWaiter.untilStopped(p.namespec());
    p.addWaiter(gone);
    gone.done.whenComplete(
        (v, t) ->
            ctx.loop()
                .execute(
                    () -> {
                      if (p.state().isStopped() && p.config().autostart()) {
                        dependencies.start(p);
                      }
                    }));
    p.stop();
  }

  /** Removes a stopped group; returns the namespecs that went away. */
  List<String> removeGroup(String name) {
    GroupRuntime g = group(name);
    if (!g.allStopped()) {
      throw new FaultException(Fault.STILL_RUNNING, name);
    }
    groups.remove(name);
    g.closeSocket();
    dependencies.rebuild(groups.values());
    ctx.events().removePool(name);
    ctx.events().groupRemoved(name);
    List<String> gone = new ArrayList<>();
    for (ProcessRuntime p : g.processesByName()) {
      p.abandonWaiters(new FaultException(Fault.BAD_NAME, p.namespec()));
      p.outputs().close();
      gone.add(p.namespec());
    }
    return gone;
  }

  GroupRuntime group(String name) {
    GroupRuntime g = groups.get(name);
    if (g == null) {
      throw new FaultException(Fault.BAD_NAME, name);
    }
    return g;
  }

  /** supervisord's _getGroupAndProcess for a single process; BAD_NAME for group specs too. */
  ProcessRuntime process(String namespec) {
    Namespec n = Namespec.parse(namespec);
    GroupRuntime g = groups.get(n.group());
    ProcessRuntime p = g == null || n.process() == null ? null : g.process(n.process());
    if (p == null) {
      throw new FaultException(Fault.BAD_NAME, namespec);
    }
    return p;
  }

  List<ProcessInfo> allInfo() {
    List<ProcessInfo> all = new ArrayList<>();
    for (GroupRuntime g : groups.values()) {
      for (ProcessRuntime p : g.processesByName()) {
        all.add(p.info());
      }
    }
    return all;
  }

  /** namespec to pid of every process that has one, for the stats. */
  Map<String, Integer> runningPids() {
    Map<String, Integer> pids = new LinkedHashMap<>();
    for (GroupRuntime g : groups.values()) {
      for (ProcessRuntime p : g.processesByName()) {
        if (p.pid() != 0) {
          pids.put(p.namespec(), p.pid());
        }
      }
    }
    return pids;
  }

  /** Every process in (group priority, process priority) order, as the "all" verbs act. */
  List<ProcessRuntime> allByPriority() {
    List<ProcessRuntime> all = new ArrayList<>();
    for (GroupRuntime g : groupsByPriority()) {
      all.addAll(g.processesByPriority());
    }
    return all;
  }

  /** {@code processes} with dependencies before their dependants: the order starts go in. */
  List<ProcessRuntime> startOrder(List<ProcessRuntime> processes) {
    return dependencies.startOrder(processes);
  }

  /** {@code processes} with dependants before their dependencies: the order stops go in. */
  List<ProcessRuntime> stopOrder(List<ProcessRuntime> processes) {
    return dependencies.stopOrder(processes);
  }

  /** A stop in an ordered stop: after the process's running dependants, if it has any. */
  void stopAfterDependants(ProcessRuntime p) {
    if (dependencies.stopAfterDependants(p) == null) {
      p.stop();
    }
  }

  // -- start, stop, signal --

  /** startProcess for one process: completes when the wait (if any) is over. */
  CompletableFuture<Void> startProcess(ProcessRuntime p, boolean wait) {
    ctx.spawner().checkCommand(p.config(), p.group());
    if (p.state().isRunning()) {
      throw new FaultException(Fault.ALREADY_STARTED, p.namespec());
    }
    if (p.state() == ProcessState.UNKNOWN) {
      throw new FaultException(Fault.FAILED, p.namespec() + " is in an unknown process state");
    }
    CompletableFuture<Void> spawned = dependencies.start(p);
    if (!spawned.isDone()) { // waits for its dependencies
      return wait
          ? spawned.thenCompose(v -> runningAfterSpawn(p))
          : CompletableFuture.completedFuture(null);
    }
    try {
      spawned.join(); // a dependency that cannot start fails here
    } catch (java.util.concurrent.CompletionException e) {
      throw e.getCause() instanceof FaultException f ? f : e;
    }
    if (p.spawnerr() != null) {
      throw new FaultException(Fault.SPAWN_ERROR, p.namespec());
    }
    return wait ? runningAfterSpawn(p) : CompletableFuture.completedFuture(null);
  }

  /** startProcess(wait=true) once spawned: RUNNING, or supervisord's fault. */
  private static CompletableFuture<Void> runningAfterSpawn(ProcessRuntime p) {
    if (p.spawnerr() != null && p.state() != ProcessState.RUNNING) {
      return CompletableFuture.failedFuture(new FaultException(Fault.SPAWN_ERROR, p.namespec()));
    }
    if (p.state() == ProcessState.RUNNING) {
      return CompletableFuture.completedFuture(null);
    }
    StateWaiter w = StateWaiter.untilRunning(p.namespec());
    p.addWaiter(w);
    return w.done;
  }

  CompletableFuture<Void> stopProcess(ProcessRuntime p, boolean wait) {
    if (dependencies.cancelStart(p)) {
      return CompletableFuture.completedFuture(null); // it was waiting to start: not any more
    }
    if (!p.state().isRunning()) {
      throw new FaultException(Fault.NOT_RUNNING, p.namespec());
    }
    CompletableFuture<Void> afterDependants = dependencies.stopAfterDependants(p);
    if (afterDependants != null) {
      return wait ? afterDependants : CompletableFuture.completedFuture(null);
    }
    String error = p.stop();
    if (error != null) {
      throw new FaultException(Fault.FAILED, error);
    }
    if (!wait || p.state().isStopped()) {
      return CompletableFuture.completedFuture(null);
    }
    StateWaiter w = StateWaiter.untilStopped(p.namespec());
    p.addWaiter(w);
    return w.done;
  }

  void signalProcess(ProcessRuntime p, Signal signal) {
    if (!p.state().isSignallable()) {
      throw new FaultException(Fault.NOT_RUNNING, p.namespec());
    }
    String error = p.signal(signal);
    if (error != null) {
      throw new FaultException(Fault.FAILED, error);
    }
  }

  static Signal parseSignal(String signal) {
    return Signal.parse(signal).orElseThrow(() -> new FaultException(Fault.BAD_SIGNAL, signal));
  }

  /**
   * supervisord parses the signal once per process, so a bad name gives one BAD_SIGNAL result per
   * signallable process rather than a single fault.
   */
  CompletableFuture<List<ProcessResult>> signalEach(List<ProcessRuntime> processes, String signal) {
    return forEach(
            processes,
            p -> p.state().isSignallable(),
            p -> {
              signalProcess(p, parseSignal(signal));
              return CompletableFuture.completedFuture(null);
            })
        .all();
  }

  /** make_allfunc over {@code processes}: acts on those {@code predicate} accepts. */
  ProcessResults forEach(
      List<ProcessRuntime> processes,
      Predicate<ProcessRuntime> predicate,
      java.util.function.Function<ProcessRuntime, CompletableFuture<Void>> action) {
    ProcessResults results = new ProcessResults();
    for (ProcessRuntime p : processes) {
      if (!predicate.test(p)) {
        continue;
      }
      CompletableFuture<Void> done;
      try {
        done = action.apply(p);
      } catch (FaultException e) {
        results.failure(p, e);
        continue;
      }
      if (done.isDone() && !done.isCompletedExceptionally()) {
        results.success(p);
      } else {
        results.await(p, done);
      }
    }
    return results;
  }

  // -- shutdown and restart --

  /**
   * Stops everything for shutdown or restart: priority levels in descending order, every group of a
   * level at once, the next level only when the previous one is fully stopped. {@code whenStopped}
   * runs on the loop when the last process has stopped.
   */
  void stopEverything(SupervisorState newMood, Runnable whenStopped) {
    mood = newMood;
    dependencies.cancelAllStarts();
    if (orderedStop != null) {
      return;
    }
    orderedStop = new OrderedStop(this, ctx.loop(), whenStopped);
    orderedStop.advance();
  }

  /** At shutdown, once everything stopped: the fcgi-program sockets go (their files too). */
  void closeSockets() {
    groups.values().forEach(GroupRuntime::closeSocket);
  }

  void orderedStopFinished() {
    orderedStop = null;
  }

  boolean stopping() {
    return orderedStop != null;
  }

  /** Drops every group (they must be stopped); for a restart. */
  List<String> removeAllGroups() {
    List<String> gone = new ArrayList<>();
    for (String name : new ArrayList<>(groups.keySet())) {
      gone.addAll(removeGroup(name));
    }
    return gone;
  }

  void logWaiting(List<ProcessRuntime> unstopped) {
    log.info(
        "waiting for "
            + String.join(", ", unstopped.stream().map(ProcessRuntime::name).toList())
            + " to die");
  }
}
