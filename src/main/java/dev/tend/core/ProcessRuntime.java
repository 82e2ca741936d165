package dev.tend.core;

import static dev.tend.api.ProcessState.BACKOFF;
import static dev.tend.api.ProcessState.EXITED;
import static dev.tend.api.ProcessState.FATAL;
import static dev.tend.api.ProcessState.RUNNING;
import static dev.tend.api.ProcessState.STARTING;
import static dev.tend.api.ProcessState.STOPPED;
import static dev.tend.api.ProcessState.STOPPING;
import static dev.tend.api.ProcessState.UNKNOWN;

import dev.tend.api.Fault;
import dev.tend.api.FaultException;
import dev.tend.api.ProcessInfo;
import dev.tend.api.ProcessState;
import dev.tend.config.Autorestart;
import dev.tend.config.ProcessConfig;
import dev.tend.platform.ChildProcess;
import dev.tend.platform.ExitStatus;
import dev.tend.platform.OutputSink;
import dev.tend.platform.Signal;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One process's state machine (spec §2), confined to the loop thread. Where supervisord checks
 * every process once a second, this one is driven by events and timers: the spawn, the exit, the
 * end of startsecs, of a backoff delay, of stopwaitsecs. Each transition is tagged {@code OLD ->
 * NEW}.
 */
final class ProcessRuntime {
  private static final MainLog log = MainLog.of(ProcessRuntime.class);
  private static final int ESRCH = 3;

  private final CoreContext ctx;
  private final ProcessHost host;
  private final StartRetryPolicy retry;
  private final String group;
  private final ProcessConfig config;
  private final ProcessOutputs outputs;
  // Readiness and health checks; NONE (no cost) without tend's keys.
  private final ProcessChecks checks;

  // All fields below: loop thread only.
  private ProcessState state = STOPPED;
  // The live child, null whenever pid == 0.
  private @Nullable ChildProcess child;
  private int pid;
  // What info() reports of the last run.
  private final RunRecord run;
  // Consecutive failed starts (the events' "tries"); the retry policy says when it resets.
  private int backoff;
  // True between a stop/kill request and the reap it caused.
  private boolean killing;
  // The pending startsecs, backoff or stopwaitsecs timer, if any.
  private CoreLoop.@Nullable Timer timer;
  // Descendants at the start of a stopasgroup/killasgroup stop; null otherwise.
  private @Nullable TreeStop stopTree;
  // Callers waiting for this process to reach a state (start/stop with wait=true).
  private final List<StateWaiter> waiters = new ArrayList<>();
  // True while a health check's restart stops it: it is started again once stopped.
  private boolean restartWhenStopped;

  ProcessRuntime(
      CoreContext ctx,
      ProcessHost host,
      String group,
      ProcessConfig config,
      ProcessOutputs outputs) {
    this.ctx = ctx;
    this.host = host;
    this.retry = ctx.retryPolicies().apply(config);
    this.group = group;
    this.config = config;
    this.outputs = outputs;
    this.run = new RunRecord(ctx.clock());
    this.checks = ProcessChecks.of(ctx, host, this, config);
  }

  String name() {
    return config.name();
  }

  String group() {
    return group;
  }

  String namespec() {
    return ProcessInfo.namespec(group, config.name());
  }

  ProcessConfig config() {
    return config;
  }

  ProcessOutputs outputs() {
    return outputs;
  }

  ProcessState state() {
    return state;
  }

  int pid() {
    return pid;
  }

  boolean everStarted() {
    return run.everStarted();
  }

  @Nullable String spawnerr() {
    return run.spawnerr();
  }

  ProcessInfo info() {
    return run.info(
        config, group, state, pid, outputs, ctx.zone(), checks.health(), checks.reason(state));
  }

  /** What it reports; {@link Dependencies} writes the reason it waits and what it depends on. */
  RunRecord record() {
    return run;
  }

  // -- requests --

  /** Whether the group's autostart starts it: STOPPED, never started, autostart=true. */
  boolean autostarts() {
    return state == STOPPED && !everStarted() && config.autostart() && host.mayStart();
  }

  /** A start request; the caller checked the state. */
  void start() {
    spawn(false);
  }

  /** An administrative stop; returns an error message or null (supervisord's stop()). */
  @Nullable String stop() {
    restartWhenStopped = false;
    return kill(config.stopsignal());
  }

  /** Shutdown: BACKOFF -> FATAL, as supervisord's give_up(). */
  void giveUp() {
    cancelTimer();
    backoff = 0;
    if (state == BACKOFF) {
      changeState(FATAL, true); // BACKOFF -> FATAL
    }
  }

  /** Sends a signal without intending a stop; returns an error message or null. */
  @Nullable String signal(Signal signal) {
    ChildProcess c = child;
    if (c == null) {
      return "attempted to send " + name() + " sig " + signal.fullName() + " but it wasn't running";
    }
    log.debug("sending " + name() + " (pid " + pid + ") sig " + signal.fullName());
    int errno = c.signal(signal, false);
    if (errno != 0 && errno != ESRCH) {
      String msg = "unknown problem sending sig " + name() + " (" + pid + "): errno " + errno;
      log.critical(msg);
      changeState(UNKNOWN, true); // RUNNING|STARTING|STOPPING -> UNKNOWN
      return msg;
    }
    return null;
  }

  /** sendProcessStdin: NOT_RUNNING without a live child or while stopping; NO_FILE on EPIPE. */
  void writeStdin(byte[] data) {
    ChildProcess c = child;
    if (c == null || killing) {
      throw new FaultException(Fault.NOT_RUNNING, namespec());
    }
    try {
      c.writeStdin(data);
    } catch (java.io.IOException e) {
      throw new FaultException(Fault.NO_FILE, namespec());
    }
  }

  void addWaiter(StateWaiter waiter) {
    if (!waiter.check(this)) {
      waiters.add(waiter);
    }
  }

  // -- the machine --

  /** supervisord's spawn(): prepare what to run, then launch it. */
  private void spawn(boolean automatic) {
    if (pid != 0) {
      log.warn("process '" + name() + "' already running");
      return;
    }
    beginRun(automatic);
    try {
      launch(ctx.spawner().prepare(config, group));
    } catch (Spawner.Refused e) {
      failSpawn(e.spawnerr());
    }
  }

  /** Forgets the last run and enters STARTING. */
  private void beginRun(boolean automatic) {
    cancelTimer();
    killing = false;
    stopTree = null;
    restartWhenStopped = false;
    run.started(automatic);
    changeState(STARTING, true); // EXITED|FATAL|BACKOFF|STOPPED -> STARTING
  }

  private void launch(Spawner.Plan plan) throws Spawner.Refused {
    OutputSink stdoutSink;
    OutputSink stderrSink;
    try {
      stdoutSink = checks.tap(ctx.events().stdoutFor(this, outputs.stdoutSink()));
      stderrSink = checks.tapOrNull(outputs.stderrSink());
    } catch (java.io.IOException e) {
      throw new Spawner.Refused(
          "unknown error making dispatchers for '" + name() + "': " + e.getMessage());
    }
    ChildProcess c =
        ctx.spawner()
            .launch(
                config,
                plan,
                stdoutSink,
                stderrSink,
                (exitedPid, status) -> ctx.loop().execute(() -> onExit(exitedPid, status)));
    child = c;
    pid = c.pid();
    log.info("spawned: '" + name() + "' with pid " + pid);
    checks.spawned();
    host.infoChanged(info()); // STARTING was announced before there was a pid
    // RUNNING needs an uptime strictly greater than startsecs.
    timer = ctx.loop().schedule(config.startsecs() * 1000L + 1, this::onStartsecsElapsed);
  }

  private void failSpawn(String message) {
    run.spawnerr(message);
    log.info("spawnerr: " + message);
    enterBackoff(); // STARTING -> BACKOFF
  }

  private void onStartsecsElapsed() {
    timer = null;
    if (state == STARTING && checks.ready()) { // else it stays STARTING until it is ready
      promote();
    }
  }

  private void promote() {
    backoff = retry.failuresWhenRunning(backoff);
    changeState(RUNNING, true); // STARTING -> RUNNING
    log.info(
        String.format(
            "success: %s entered RUNNING state, process has stayed up for > than %d seconds"
                + " (startsecs)",
            name(), config.startsecs()));
  }

  /** Its readiness check passed: RUNNING now if startsecs has passed, else when it has. */
  void readinessPassed() {
    if (state == STARTING && !killing && run.upMillis() > config.startsecs() * 1000L) {
      promote();
    }
  }

  /** STARTING, spawned, and not being stopped: what a readiness check may still act on. */
  @Nullable ChildProcess startingChild() {
    return state == STARTING && !killing ? child : null;
  }

  /** A health check's restart: stopped as by a stop request, then started again. */
  void restartForHealth() {
    if (state == RUNNING && stop() == null) {
      restartWhenStopped = state == STOPPING;
    }
  }

  /** STARTING -> BACKOFF, then a retry or FATAL, as the retry policy says. */
  private void enterBackoff() {
    cancelTimer();
    backoff++;
    changeState(BACKOFF, true);
    StartRetryPolicy.Retry next = retry.afterFailedStart(backoff, ctx.clock().monotonicMillis());
    if (next.giveUp()) {
      giveUp();
      log.info("gave up: " + name() + " entered FATAL state, too many start retries too quickly");
      return;
    }
    timer = ctx.loop().schedule(next.delayMillis(), this::onBackoffElapsed);
  }

  private void onBackoffElapsed() {
    timer = null;
    if (state == BACKOFF && host.mayStart()) {
      spawn(true); // BACKOFF -> STARTING
    }
  }

  private @Nullable String kill(Signal signal) {
    if (state == BACKOFF) {
      log.debug("Attempted to kill " + name() + ", which is in BACKOFF state.");
      cancelTimer();
      changeState(STOPPED, true); // BACKOFF -> STOPPED
      return null;
    }
    ChildProcess c = child;
    if (c == null) {
      String msg =
          String.format(
              "attempted to kill %s with sig %s but it wasn't running", name(), signal.fullName());
      log.debug(msg);
      return msg;
    }
    boolean toGroup = state == STOPPING ? config.killasgroup() : config.stopasgroup();
    log.debug(
        String.format(
            "killing %s (pid %d) %swith signal %s",
            name(), pid, toGroup ? "process group " : "", signal.fullName()));
    killing = true;
    if (stopTree == null) {
      stopTree = TreeStop.begin(ctx.trees(), config, pid);
    }
    cancelTimer();
    timer = ctx.loop().schedule(config.stopwaitsecs() * 1000L, this::onStopwaitElapsed);
    changeState(STOPPING, true); // RUNNING|STARTING|STOPPING -> STOPPING
    int errno = c.signal(signal, toGroup);
    if (errno == ESRCH) {
      log.debug("unable to signal " + name() + " (pid " + pid + "), it probably just exited");
    } else if (errno != 0) {
      String msg = "unknown problem killing " + name() + " (" + pid + "): errno " + errno;
      log.critical(msg);
      cancelTimer();
      killing = false;
      changeState(UNKNOWN, true); // STOPPING -> UNKNOWN
      return msg;
    }
    return null;
  }

  private void onStopwaitElapsed() {
    timer = null;
    if (state == STOPPING) {
      log.warn("killing '" + name() + "' (" + pid + ") with SIGKILL");
      kill(Signal.KILL); // STOPPING -> STOPPING
      TreeStop tree = stopTree;
      if (tree != null) {
        tree.stopwaitElapsed();
      }
    }
  }

  void onExit(int exitedPid, ExitStatus status) {
    if (exitedPid != pid) {
      return; // a late report for an earlier run
    }
    cancelTimer();
    long ranMillis = run.reaped(status);
    int oldPid = pid;
    pid = 0;
    child = null;
    if (killing) {
      onStopped(status, oldPid);
    } else if (state == STARTING
        && (ranMillis < config.startsecs() * 1000L || checks.startFailedIfExitedNow())) {
      run.exitstatus(null);
      run.spawnerr(checks.failedStartReason(ranMillis < config.startsecs() * 1000L));
      log.warn("exited: " + name() + " (" + status.describe() + "; not expected)");
      enterBackoff(); // STARTING -> BACKOFF
    } else {
      onExited(status, oldPid, ranMillis);
    }
    ctx.events().exited(this);
  }

  /** The exit a stop asked for. */
  private void onStopped(ExitStatus status, int oldPid) {
    boolean expected = config.exitcodes().contains(status.code());
    killing = false;
    run.exitstatus(status.code());
    TreeStop tree = stopTree;
    stopTree = null;
    if (tree != null) {
      tree.reaped(ctx.loop());
    }
    changeState(STOPPED, expected, oldPid); // STOPPING -> STOPPED
    String msg = "stopped: " + name() + " (" + status.describe() + ")";
    if (expected) {
      log.info(msg);
    } else {
      log.warn(msg);
    }
    if (restartWhenStopped && host.mayStart()) {
      spawn(true); // STOPPED -> STARTING: the restart of an unhealthy process
    }
  }

  /** An exit on its own after startsecs (or racing its timer): EXITED, then maybe a restart. */
  private void onExited(ExitStatus status, int oldPid, long ranMillis) {
    int es = status.code();
    boolean expected = config.exitcodes().contains(es);
    backoff = retry.failuresAfterRun(backoff, ranMillis);
    run.exitstatus(es);
    if (state == STARTING) {
      changeState(RUNNING, true, oldPid); // STARTING -> RUNNING (exit raced the timer)
    }
    if (!expected) {
      run.spawnerr("Bad exit code " + es);
    }
    changeState(EXITED, expected, oldPid); // RUNNING -> EXITED
    String how = status.describe() + (expected ? "; expected" : "; not expected");
    if (expected) {
      log.info("exited: " + name() + " (" + how + ")");
    } else {
      log.warn("exited: " + name() + " (" + how + ")");
    }
    if (restartAfterExit(expected)) {
      long delay = retry.autorestartDelayMillis(backoff, ctx.clock().monotonicMillis());
      if (delay == 0) {
        ctx.loop().execute(this::autorestart);
      } else {
        timer =
            ctx.loop()
                .schedule(
                    delay,
                    () -> {
                      timer = null;
                      autorestart();
                    });
      }
    }
  }

  private boolean restartAfterExit(boolean expected) {
    return config.autorestart() == Autorestart.TRUE
        || (config.autorestart() == Autorestart.UNEXPECTED && !expected);
  }

  private void autorestart() {
    if (state == EXITED && host.mayStart()) {
      spawn(true); // EXITED -> STARTING
    }
  }

  private void changeState(ProcessState to, boolean expected) {
    changeState(to, expected, pid);
  }

  private void changeState(ProcessState to, boolean expected, int eventPid) {
    ProcessState from = state;
    if (from == to) {
      return;
    }
    state = to;
    checks.stateChanged(to);
    StateChange change = new StateChange(info(), from, to, expected, backoff, eventPid);
    host.stateChanged(change);
    ctx.events().processStateChanged(change, this);
    if (!waiters.isEmpty()) {
      waiters.removeIf(w -> w.check(this));
    }
  }

  private void cancelTimer() {
    if (timer != null) {
      timer.cancel();
      timer = null;
    }
  }

  /** Fails every waiter (the process is going away). */
  void abandonWaiters(RuntimeException why) {
    for (StateWaiter w : waiters) {
      w.abandon(why);
    }
    waiters.clear();
  }
}
