package dev.tend.core;

import dev.tend.api.ChangeBatch;
import dev.tend.api.ConfigInfo;
import dev.tend.api.Fault;
import dev.tend.api.FaultException;
import dev.tend.api.LogFollow;
import dev.tend.api.LogListener;
import dev.tend.api.LogStream;
import dev.tend.api.LogTail;
import dev.tend.api.ProcessInfo;
import dev.tend.api.ProcessResult;
import dev.tend.api.ProcessStats;
import dev.tend.api.ReloadDiff;
import dev.tend.api.SupervisorApi;
import dev.tend.api.SupervisorState;
import dev.tend.config.ConfigException;
import dev.tend.config.GroupConfig;
import dev.tend.config.SupervisorConfig;
import dev.tend.platform.Signal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The supervisor in-process: {@link SupervisorApi} over the core. Thread-safe: every call is
 * carried out on the loop thread and the caller waits for its answer; log reads run on the caller's
 * thread so a slow disk never stalls supervision.
 */
public final class Supervisor implements SupervisorApi {
  private static final MainLog log = MainLog.of(Supervisor.class);
  static final String API_VERSION = "3.0";
  static final String SUPERVISOR_VERSION = "4.2.5";

  /** What {@code -v} prints: the supervisord version tend answers as. */
  public static final String SUPERVISOR_VERSION_TEXT = SUPERVISOR_VERSION;

  private final CoreServices services;
  private final SupervisorCore core;
  private final ChangeJournal journal = new ChangeJournal(4096);
  // supervisord's events for event listener pools. Loop thread only.
  private final EventHub events;
  private final List<StateListener> listeners = new CopyOnWriteArrayList<>();
  // The config the running groups came from, and the last one read (reread). Loop thread only.
  private SupervisorConfig active;
  private SupervisorConfig available;
  // Told when a shutdown has stopped every process. Set before start().
  private final AtomicReference<Runnable> onShutdown = new AtomicReference<>(() -> {});
  // Told during a restart, after every group was removed and before the new ones are added.
  private final AtomicReference<Consumer<SupervisorConfig>> beforeRestart =
      new AtomicReference<>(c -> {});
  // Told after a restart re-read the config and started again. Set before start().
  private final AtomicReference<Consumer<SupervisorConfig>> onRestart =
      new AtomicReference<>(c -> {});

  public Supervisor(SupervisorConfig config, CoreServices services) {
    this.services = services;
    this.active = config;
    this.available = config;
    ChildEnvironment env =
        new ChildEnvironment(
            services.daemonEnvironment(), config.supervisord().environment(), services.serverUrl());
    SupervisorCore[] holder = new SupervisorCore[1];
    this.events =
        new EventHub(services.loop(), services.clock(), config.supervisord().identifier());
    CoreContext ctx =
        new CoreContext(
            services.loop(),
            services.clock(),
            services.launcher(),
            services.preparer(),
            services.users(),
            env,
            change -> onStateChange(change, holder[0]),
            journal::put,
            () -> holder[0].mayStart(),
            services.zone(),
            services.trees(),
            events);
    this.core = new SupervisorCore(ctx, services.outputs());
    holder[0] = core;
  }

  /** Adds every group of the config and starts what autostarts, in priority order. */
  public void start() {
    run(
        () -> {
          addAllGroups(active);
          return null;
        });
  }

  /** Adds the groups, says the supervisor runs, then starts what autostarts. */
  private void addAllGroups(SupervisorConfig config) {
    for (GroupConfig g : config.groups()) {
      core.addGroup(g).forEach(journal::put);
    }
    events.supervisorRunning();
    for (GroupConfig g : config.groups()) {
      core.autostart(g.name());
    }
  }

  /** For tests in this package: the loop-confined state. */
  SupervisorCore core() {
    return core;
  }

  public void addStateListener(StateListener listener) {
    listeners.add(listener);
  }

  public void onShutdownComplete(Runnable action) {
    onShutdown.set(action);
  }

  /** Runs on the loop during a restart, between removing the old groups and adding the new. */
  public void beforeRestartAdds(Consumer<SupervisorConfig> action) {
    beforeRestart.set(action);
  }

  public void onRestarted(Consumer<SupervisorConfig> action) {
    onRestart.set(action);
  }

  private void onStateChange(StateChange change, SupervisorCore c) {
    journal.put(change.info());
    for (StateListener l : listeners) {
      l.onStateChange(change);
    }
    c.onStateChange();
  }

  // -- running things on the loop --

  private <T> T run(Supplier<T> action) {
    if (services.loop().inLoop()) {
      return action.get();
    }
    CompletableFuture<T> f = new CompletableFuture<>();
    services
        .loop()
        .execute(
            () -> {
              try {
                f.complete(action.get());
              } catch (RuntimeException e) {
                f.completeExceptionally(e);
              }
            });
    return await(f);
  }

  private <T> T runAndWait(Supplier<CompletableFuture<T>> action) {
    return await(run(action));
  }

  private static <T> T await(CompletableFuture<T> f) {
    try {
      return f.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new FaultException(Fault.FAILED, "interrupted");
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw new FaultException(Fault.FAILED, String.valueOf(e.getCause()));
    }
  }

  private void checkMood() {
    if (core.mood().code() < SupervisorState.RUNNING.code()) {
      throw new FaultException(Fault.SHUTDOWN_STATE);
    }
  }

  // -- the supervisor itself --

  @Override
  public String getAPIVersion() {
    return API_VERSION;
  }

  @Override
  public String getSupervisorVersion() {
    return SUPERVISOR_VERSION;
  }

  @Override
  public String getIdentification() {
    return run(() -> active.supervisord().identifier());
  }

  @Override
  public SupervisorState getState() {
    return run(core::mood);
  }

  @Override
  public int getPID() {
    return (int) ProcessHandle.current().pid();
  }

  @Override
  public byte[] readLog(long offset, long length) {
    run(this::checkMoodValue);
    return services.mainLog().read(offset, length);
  }

  @Override
  public void clearLog() {
    run(this::checkMoodValue);
    services.mainLog().clear();
  }

  private Void checkMoodValue() {
    checkMood();
    return null;
  }

  @Override
  public void shutdown() {
    run(
        () -> {
          checkMood();
          log.warn("received shutdown request");
          beginStop(SupervisorState.SHUTDOWN);
          return null;
        });
  }

  @Override
  public void restart() {
    SupervisorConfig next = loadOrFault();
    run(
        () -> {
          checkMood();
          log.warn("received restart request");
          available = next;
          beginStop(SupervisorState.RESTARTING);
          return null;
        });
  }

  /** SIGUSR2: every log file is reopened (after an outside rotation such as logrotate). */
  public void reopenLogs() {
    List<ProcessRuntime> all = run(core::allByPriority);
    for (ProcessRuntime p : all) {
      try {
        p.outputs().reopen();
      } catch (FaultException e) {
        log.error("cannot reopen the logs of " + p.namespec() + ": " + e.faultString());
      }
    }
  }

  /** The config the running groups came from. */
  public SupervisorConfig activeConfig() {
    return run(() -> active);
  }

  /** SIGTERM, SIGINT, SIGQUIT: as the shutdown call, but quietly idempotent. */
  public void shutdownFromSignal() {
    services.loop().execute(() -> beginStop(SupervisorState.SHUTDOWN));
  }

  /**
   * SIGHUP: restart with the config read again. Unlike supervisord, a config that no longer loads
   * leaves everything running (and is logged), instead of stopping every program and exiting.
   */
  public void restartFromSignal() {
    SupervisorConfig next;
    try {
      next = services.configSource().load();
    } catch (ConfigException e) {
      log.error(
          "not restarting: the config no longer loads: "
              + e.errors().get(0).describe()
              + "; everything keeps running");
      return;
    }
    services
        .loop()
        .execute(
            () -> {
              if (core.mood() == SupervisorState.RUNNING) {
                available = next;
                beginStop(SupervisorState.RESTARTING);
              }
            });
  }

  private void beginStop(SupervisorState mood) {
    if (core.stopping()) {
      if (mood == SupervisorState.SHUTDOWN) {
        core.setMood(mood); // a shutdown during a restart wins
        journal.state(mood);
      }
      return;
    }
    journal.state(mood);
    events.supervisorStopping();
    core.stopEverything(mood, this::afterEverythingStopped);
  }

  private void afterEverythingStopped() {
    if (core.mood() == SupervisorState.SHUTDOWN) {
      onShutdown.get().run();
      return;
    }
    for (String gone : core.removeAllGroups()) {
      journal.remove(gone);
    }
    active = available;
    beforeRestart.get().accept(active);
    core.setMood(SupervisorState.RUNNING);
    journal.state(SupervisorState.RUNNING);
    addAllGroups(active);
    onRestart.get().accept(active);
  }

  // -- configuration --

  private SupervisorConfig loadOrFault() {
    try {
      return services.configSource().load();
    } catch (ConfigException e) {
      throw new FaultException(Fault.CANT_REREAD, e.errors().get(0).message());
    }
  }

  @Override
  public ReloadDiff reloadConfig() {
    run(this::checkMoodValue);
    SupervisorConfig next = loadOrFault();
    return run(
        () -> {
          checkMood();
          available = next;
          return diff(next);
        });
  }

  private ReloadDiff diff(SupervisorConfig next) {
    Map<String, GroupRuntime> current = new LinkedHashMap<>();
    for (GroupRuntime g : core.groupsByPriority()) {
      current.put(g.name(), g);
    }
    List<String> added = new ArrayList<>();
    List<String> changed = new ArrayList<>();
    List<String> removed = new ArrayList<>();
    for (GroupConfig g : next.groups()) {
      GroupRuntime running = current.get(g.name());
      if (running == null) {
        added.add(g.name());
      } else if (!running.config().sameSettings(g)) {
        changed.add(g.name());
      }
    }
    for (String name : current.keySet()) {
      if (next.group(name).isEmpty()) {
        removed.add(name);
      }
    }
    return new ReloadDiff(added, changed, removed);
  }

  @Override
  public void addProcessGroup(String name) {
    run(
        () -> {
          checkMood();
          GroupConfig g =
              available.group(name).orElseThrow(() -> new FaultException(Fault.BAD_NAME, name));
          core.addGroup(g).forEach(journal::put);
          core.autostart(name);
          return null;
        });
  }

  @Override
  public void removeProcessGroup(String name) {
    run(
        () -> {
          checkMood();
          core.removeGroup(name).forEach(journal::remove);
          return null;
        });
  }

  @Override
  public List<ConfigInfo> getAllConfigInfo() {
    return run(
        () -> {
          checkMood();
          return ConfigInfos.of(available, core);
        });
  }

  // -- processes --

  @Override
  public ProcessInfo getProcessInfo(String namespec) {
    return run(
        () -> {
          checkMood();
          return core.process(namespec).info();
        });
  }

  @Override
  public List<ProcessInfo> getAllProcessInfo() {
    return run(
        () -> {
          checkMood();
          return core.allInfo();
        });
  }

  @Override
  public void startProcess(String namespec, boolean wait) {
    runAndWait(
        () -> {
          checkMood();
          return core.startProcess(core.process(namespec), wait);
        });
  }

  @Override
  public List<ProcessResult> startProcessGroup(String group, boolean wait) {
    return runAndWait(
        () -> {
          checkMood();
          return core.forEach(
                  core.group(group).processesByPriority(),
                  p -> !p.state().isRunning(),
                  p -> core.startProcess(p, wait))
              .all();
        });
  }

  @Override
  public List<ProcessResult> startAllProcesses(boolean wait) {
    return runAndWait(
        () -> {
          checkMood();
          return core.forEach(
                  core.allByPriority(),
                  p -> !p.state().isRunning(),
                  p -> core.startProcess(p, wait))
              .all();
        });
  }

  @Override
  public void stopProcess(String namespec, boolean wait) {
    runAndWait(
        () -> {
          checkMood();
          return core.stopProcess(core.process(namespec), wait);
        });
  }

  @Override
  public List<ProcessResult> stopProcessGroup(String group, boolean wait) {
    return runAndWait(
        () -> {
          checkMood();
          return core.forEach(
                  core.group(group).processesByPriority(),
                  p -> p.state().isRunning(),
                  p -> core.stopProcess(p, wait))
              .all();
        });
  }

  @Override
  public List<ProcessResult> stopAllProcesses(boolean wait) {
    return runAndWait(
        () -> {
          checkMood();
          return core.forEach(
                  core.allByPriority(), p -> p.state().isRunning(), p -> core.stopProcess(p, wait))
              .all();
        });
  }

  private static Signal parseSignal(String signal) {
    return Signal.parse(signal).orElseThrow(() -> new FaultException(Fault.BAD_SIGNAL, signal));
  }

  @Override
  public void signalProcess(String namespec, String signal) {
    run(
        () -> {
          checkMood();
          ProcessRuntime p = core.process(namespec);
          core.signalProcess(p, parseSignal(signal));
          return null;
        });
  }

  @Override
  public List<ProcessResult> signalProcessGroup(String group, String signal) {
    return runAndWait(
        () -> {
          GroupRuntime g = core.group(group);
          checkMood();
          return signalEach(g.processesByPriority(), signal);
        });
  }

  @Override
  public List<ProcessResult> signalAllProcesses(String signal) {
    return runAndWait(() -> signalEach(core.allByPriority(), signal));
  }

  /**
   * supervisord parses the signal once per process, so a bad name gives one BAD_SIGNAL result per
   * signallable process rather than a single fault.
   */
  private CompletableFuture<List<ProcessResult>> signalEach(
      List<ProcessRuntime> processes, String signal) {
    return core.forEach(
            processes,
            p -> p.state().isSignallable(),
            p -> {
              core.signalProcess(p, parseSignal(signal));
              return CompletableFuture.completedFuture(null);
            })
        .all();
  }

  @Override
  public void sendProcessStdin(String namespec, String chars) {
    run(
        () -> {
          checkMood();
          core.process(namespec).writeStdin(chars.getBytes(StandardCharsets.UTF_8));
          return null;
        });
  }

  @Override
  public void sendRemoteCommEvent(String type, String data) {
    // supervisord accepts it even while shutting down.
    run(
        () -> {
          events.remoteCommunication(type, data);
          return null;
        });
  }

  // -- logs --

  private ProcessOutputs outputsOf(String namespec) {
    return run(
        () -> {
          checkMood();
          return core.process(namespec).outputs();
        });
  }

  @Override
  public byte[] readProcessLog(String namespec, LogStream stream, long offset, long length) {
    return outputsOf(namespec).read(stream, offset, length);
  }

  @Override
  public LogTail tailProcessLog(String namespec, LogStream stream, long offset, long length) {
    return outputsOf(namespec).tail(stream, offset, length);
  }

  @Override
  public void clearProcessLogs(String namespec) {
    outputsOf(namespec).clear();
  }

  @Override
  public List<ProcessResult> clearAllProcessLogs() {
    List<ProcessRuntime> all =
        run(
            () -> {
              checkMood();
              return core.allByPriority();
            });
    List<ProcessResult> results = new ArrayList<>();
    for (ProcessRuntime p : all) {
      try {
        p.outputs().clear();
        results.add(new ProcessResult(p.name(), p.group(), Fault.SUCCESS.code(), "OK"));
      } catch (FaultException e) {
        results.add(new ProcessResult(p.name(), p.group(), e.code(), e.faultString()));
      }
    }
    return results;
  }

  @Override
  public LogFollow followProcessLog(
      String namespec, LogStream stream, long historyBytes, LogListener listener) {
    return outputsOf(namespec).follow(stream, historyBytes, listener);
  }

  // -- tend's additions --

  @Override
  public Capabilities capabilities() {
    return new Capabilities("tend " + services.version(), true, true, true);
  }

  @Override
  public ChangeBatch waitForChanges(long cursor, Duration timeout) {
    try {
      return journal.since(cursor, timeout.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new FaultException(Fault.FAILED, "interrupted");
    }
  }

  @Override
  public List<ProcessStats> getProcessStats() {
    Map<String, Integer> pids =
        run(
            () -> {
              Map<String, Integer> m = new LinkedHashMap<>();
              for (ProcessInfo info : core.allInfo()) {
                if (info.pid() != 0) {
                  m.put(info.namespec(), info.pid());
                }
              }
              return m;
            });
    return services.stats().sample(pids);
  }
}
