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
import dev.tend.config.GroupConfig;
import dev.tend.config.ProcessConfig;
import dev.tend.config.SupervisorConfig;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;
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
  private final LoopCalls loop;
  private final ChangeJournal journal = new ChangeJournal(4096);
  private final List<StateListener> listeners = new CopyOnWriteArrayList<>();
  // supervisord's events for event listener pools. Loop thread only.
  private final EventHub events;
  private final SupervisorCore core;
  private final Lifecycle lifecycle;

  /**
   * Builds the core bottom-up: the parts that know nothing of processes first (events, the child
   * spawner), then the state that owns the processes; nothing is handed a part that is not built.
   */
  public Supervisor(SupervisorConfig config, CoreServices services) {
    this(config, services, StartRetryPolicy::of);
  }

  /** With another rule for choosing each process's retry policy (tests of the policy seam). */
  Supervisor(
      SupervisorConfig config,
      CoreServices services,
      Function<ProcessConfig, StartRetryPolicy> retryPolicies) {
    this.services = services;
    this.loop = new LoopCalls(services.loop());
    this.events =
        new EventHub(services.loop(), services.clock(), config.supervisord().identifier());
    ChildEnvironment env =
        new ChildEnvironment(
            services.daemonEnvironment(), config.supervisord().environment(), services.serverUrl());
    Spawner spawner = new Spawner(services.launcher(), services.preparer(), services.users(), env);
    Probes probes = new Probes(services.loop(), services.network(), spawner);
    CoreContext ctx =
        new CoreContext(
            services.loop(),
            services.clock(),
            services.zone(),
            spawner,
            services.trees(),
            events,
            retryPolicies,
            probes);
    this.core =
        new SupervisorCore(
            ctx, services.outputs(), publisher(journal, listeners), journal::put, journal::refresh);
    this.lifecycle = new Lifecycle(config, core, journal, events, services.configSource());
  }

  /** Each state change into the journal (for long-polls), then to each listener. */
  private static StateListener publisher(ChangeJournal journal, List<StateListener> listeners) {
    return change -> {
      journal.put(change.info());
      for (StateListener l : listeners) {
        l.onStateChange(change);
      }
    };
  }

  /** Adds every group of the config and starts what autostarts, in priority order. */
  public void start() {
    loop.run(lifecycle::start);
  }

  /** For tests in this package: the loop-confined state. */
  SupervisorCore core() {
    return core;
  }

  public void addStateListener(StateListener listener) {
    listeners.add(listener);
  }

  public void onShutdownComplete(Runnable action) {
    lifecycle.onShutdownComplete(action);
  }

  /** Runs on the loop during a restart, between removing the old groups and adding the new. */
  public void beforeRestartAdds(Consumer<SupervisorConfig> action) {
    lifecycle.beforeRestartAdds(action);
  }

  public void onRestarted(Consumer<SupervisorConfig> action) {
    lifecycle.onRestarted(action);
  }

  /** Checks the mood on the loop, then runs {@code action} there. */
  private void whileRunning(Runnable action) {
    loop.run(
        () -> {
          lifecycle.checkMood();
          action.run();
        });
  }

  /** Checks the mood on the loop, then answers {@code action} there. */
  private <T> T callWhileRunning(Supplier<T> action) {
    return loop.call(
        () -> {
          lifecycle.checkMood();
          return action.get();
        });
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
    return loop.call(() -> lifecycle.active().supervisord().identifier());
  }

  @Override
  public SupervisorState getState() {
    return loop.call(core::mood);
  }

  @Override
  public int getPID() {
    return (int) ProcessHandle.current().pid();
  }

  @Override
  public byte[] readLog(long offset, long length) {
    loop.run(lifecycle::checkMood);
    return services.mainLog().read(offset, length);
  }

  @Override
  public void clearLog() {
    loop.run(lifecycle::checkMood);
    services.mainLog().clear();
  }

  @Override
  public void shutdown() {
    whileRunning(
        () -> {
          log.warn("received shutdown request");
          lifecycle.beginStop(SupervisorState.SHUTDOWN);
        });
  }

  @Override
  public void restart() {
    SupervisorConfig next = lifecycle.loadOrFault();
    whileRunning(
        () -> {
          log.warn("received restart request");
          lifecycle.restart(next);
        });
  }

  /** SIGUSR2: every log file is reopened (after an outside rotation such as logrotate). */
  public void reopenLogs() {
    for (ProcessRuntime p : loop.call(core::allByPriority)) {
      try {
        p.outputs().reopen();
      } catch (FaultException e) {
        log.error("cannot reopen the logs of " + p.namespec() + ": " + e.faultString());
      }
    }
  }

  /** The config the running groups came from. */
  public SupervisorConfig activeConfig() {
    return loop.call(lifecycle::active);
  }

  /** SIGTERM, SIGINT, SIGQUIT: as the shutdown call, but quietly idempotent. */
  public void shutdownFromSignal() {
    loop.post(() -> lifecycle.beginStop(SupervisorState.SHUTDOWN));
  }

  /**
   * SIGHUP: restart with the config read again. Unlike supervisord, a config that no longer loads
   * leaves everything running (and is logged), instead of stopping every program and exiting.
   */
  public void restartFromSignal() {
    SupervisorConfig next = lifecycle.loadForSignal();
    if (next != null) {
      loop.post(() -> lifecycle.restartFromSignal(next));
    }
  }

  // -- configuration --

  @Override
  public ReloadDiff reloadConfig() {
    loop.run(lifecycle::checkMood);
    SupervisorConfig next = lifecycle.loadOrFault();
    return loop.call(
        () -> {
          lifecycle.checkMood();
          lifecycle.setAvailable(next);
          return ReloadDiffs.between(core.groupsByPriority(), next);
        });
  }

  @Override
  public void addProcessGroup(String name) {
    whileRunning(
        () -> {
          GroupConfig g =
              lifecycle
                  .available()
                  .group(name)
                  .orElseThrow(() -> new FaultException(Fault.BAD_NAME, name));
          core.addGroup(g).forEach(journal::put);
          core.autostart(name);
        });
  }

  @Override
  public void removeProcessGroup(String name) {
    whileRunning(() -> core.removeGroup(name).forEach(journal::remove));
  }

  @Override
  public List<ConfigInfo> getAllConfigInfo() {
    return callWhileRunning(() -> ConfigInfos.of(lifecycle.available(), core));
  }

  // -- processes --

  @Override
  public ProcessInfo getProcessInfo(String namespec) {
    return callWhileRunning(() -> core.process(namespec).info());
  }

  @Override
  public List<ProcessInfo> getAllProcessInfo() {
    return callWhileRunning(() -> core.allInfo());
  }

  @Override
  public void startProcess(String namespec, boolean wait) {
    loop.callAndWait(
        () -> {
          lifecycle.checkMood();
          return core.startProcess(core.process(namespec), wait);
        });
  }

  @Override
  public List<ProcessResult> startProcessGroup(String group, boolean wait) {
    return startEach(() -> core.group(group).processesByPriority(), wait);
  }

  @Override
  public List<ProcessResult> startAllProcesses(boolean wait) {
    return startEach(core::allByPriority, wait);
  }

  private List<ProcessResult> startEach(Supplier<List<ProcessRuntime>> which, boolean wait) {
    return onEach(
        () -> core.startOrder(which.get()),
        p -> !p.state().isRunning(),
        p -> core.startProcess(p, wait));
  }

  @Override
  public void stopProcess(String namespec, boolean wait) {
    loop.callAndWait(
        () -> {
          lifecycle.checkMood();
          return core.stopProcess(core.process(namespec), wait);
        });
  }

  @Override
  public List<ProcessResult> stopProcessGroup(String group, boolean wait) {
    return stopEach(() -> core.group(group).processesByPriority(), wait);
  }

  @Override
  public List<ProcessResult> stopAllProcesses(boolean wait) {
    return stopEach(core::allByPriority, wait);
  }

  private List<ProcessResult> stopEach(Supplier<List<ProcessRuntime>> which, boolean wait) {
    return onEach(
        () -> core.stopOrder(which.get()),
        p -> p.state().isRunning(),
        p -> core.stopProcess(p, wait));
  }

  /**
   * On the loop, while running: {@code action} on each of {@code which} that {@code predicate}
   * accepts (supervisord's make_allfunc); then, off the loop, the wait for all of them.
   */
  private List<ProcessResult> onEach(
      Supplier<List<ProcessRuntime>> which,
      Predicate<ProcessRuntime> predicate,
      Function<ProcessRuntime, CompletableFuture<Void>> action) {
    return loop.callAndWait(
        () -> {
          lifecycle.checkMood();
          return core.forEach(which.get(), predicate, action).all();
        });
  }

  @Override
  public void signalProcess(String namespec, String signal) {
    whileRunning(
        () -> core.signalProcess(core.process(namespec), SupervisorCore.parseSignal(signal)));
  }

  @Override
  public List<ProcessResult> signalProcessGroup(String group, String signal) {
    return loop.callAndWait(
        () -> {
          GroupRuntime g = core.group(group);
          lifecycle.checkMood();
          return core.signalEach(g.processesByPriority(), signal);
        });
  }

  @Override
  public List<ProcessResult> signalAllProcesses(String signal) {
    return loop.callAndWait(() -> core.signalEach(core.allByPriority(), signal));
  }

  @Override
  public void sendProcessStdin(String namespec, String chars) {
    whileRunning(() -> core.process(namespec).writeStdin(chars.getBytes(StandardCharsets.UTF_8)));
  }

  @Override
  public void sendRemoteCommEvent(String type, String data) {
    // supervisord accepts it even while shutting down.
    loop.run(() -> events.remoteCommunication(type, data));
  }

  // -- logs --

  private ProcessOutputs outputsOf(String namespec) {
    return callWhileRunning(() -> core.process(namespec).outputs());
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
    return ProcessResults.clearLogs(callWhileRunning(core::allByPriority));
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
    Map<String, Integer> pids = loop.call(core::runningPids);
    return services.stats().sample(pids);
  }
}
