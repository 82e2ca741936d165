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
import dev.tend.platform.SpawnException;
import dev.tend.platform.SpawnRequest;
import dev.tend.platform.UserAccount;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
  private final String group;
  private final ProcessConfig config;
  private final ProcessOutputs outputs;

  // All fields below: loop thread only.
  private ProcessState state = STOPPED;
  // The live child, null whenever pid == 0.
  private @Nullable ChildProcess child;
  private int pid;
  // Wall and monotonic time of the last spawn attempt; 0 = never started.
  private long laststartWall;
  private long laststartMono;
  // Wall time of the last reap; 0 = never.
  private long laststopWall;
  // Exit code of the last run; null after a too-quick exit (reported as 0).
  private @Nullable Integer exitstatus;
  // The signal that ended the last run, 0 if none.
  private int exitSignal;
  private @Nullable String spawnerr;
  // Consecutive failed starts; reset on RUNNING, EXITED and FATAL.
  private int backoff;
  // True between a stop/kill request and the reap it caused.
  private boolean killing;
  // The pending startsecs, backoff or stopwaitsecs timer, if any.
  private CoreLoop.@Nullable Timer timer;
  // Automatic restarts (autorestart and backoff retries) since the process was made.
  private int restarts;
  // Descendants at the start of a stopasgroup/killasgroup stop; null otherwise.
  private ProcessTrees.@Nullable Tree stopTree;
  // Callers waiting for this process to reach a state (start/stop with wait=true).
  private final List<StateWaiter> waiters = new ArrayList<>();

  ProcessRuntime(CoreContext ctx, String group, ProcessConfig config, ProcessOutputs outputs) {
    this.ctx = ctx;
    this.group = group;
    this.config = config;
    this.outputs = outputs;
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
    return laststartWall != 0;
  }

  @Nullable String spawnerr() {
    return spawnerr;
  }

  ProcessInfo info() {
    long now = ctx.clock().wallMillis() / 1000;
    long start = laststartWall / 1000;
    long stop = laststopWall / 1000;
    String err = spawnerr == null ? "" : spawnerr;
    String description =
        ProcessDescriptions.describe(state, start, stop, now, pid, err, config.name(), ctx.zone());
    return new ProcessInfo(
        config.name(),
        group,
        description,
        capped(start),
        capped(stop),
        capped(now),
        state,
        err,
        exitstatus == null ? 0 : exitstatus,
        pathOrEmpty(outputs.logfile(dev.tend.api.LogStream.STDOUT)),
        pathOrEmpty(outputs.logfile(dev.tend.api.LogStream.STDERR)),
        pid,
        restarts,
        exitSignal);
  }

  // -- requests --

  /** Autostart when the group is added: STOPPED -> STARTING if never started. */
  void autostart() {
    if (state == STOPPED && !everStarted() && config.autostart() && ctx.mayStart().getAsBoolean()) {
      spawn(false);
    }
  }

  /** A start request; the caller checked the state. */
  void start() {
    spawn(false);
  }

  /** An administrative stop; returns an error message or null (supervisord's stop()). */
  @Nullable String stop() {
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

  private void spawn(boolean automatic) {
    if (pid != 0) {
      log.warn("process '" + name() + "' already running");
      return;
    }
    cancelTimer();
    killing = false;
    stopTree = null;
    spawnerr = null;
    exitstatus = null;
    exitSignal = 0;
    laststartWall = ctx.clock().wallMillis();
    laststartMono = ctx.clock().monotonicMillis();
    if (automatic) {
      restarts++;
    }
    changeState(STARTING, true); // EXITED|FATAL|BACKOFF|STOPPED -> STARTING

    UserAccount user = null;
    if (config.uid() != null) {
      user = ctx.users().byUid(config.uid()).orElse(null);
      if (user == null) {
        failSpawn("Can't find username '" + config.user() + "'");
        return;
      }
    }
    Map<String, String> env = ctx.environment().build(config, group, user);
    PreparedCommand command;
    try {
      command = ctx.preparer().prepare(config, env);
    } catch (CommandPreparer.CommandException e) {
      failSpawn(e.getMessage());
      return;
    }
    OutputSink stdoutSink;
    OutputSink stderrSink;
    try {
      stdoutSink = ctx.events().stdoutFor(this, outputs.stdoutSink());
      stderrSink = outputs.stderrSink();
    } catch (java.io.IOException e) {
      failSpawn("unknown error making dispatchers for '" + name() + "': " + e.getMessage());
      return;
    }
    SpawnRequest request =
        new SpawnRequest(
            command.executable(),
            command.argv(),
            env,
            config.directory() == null ? null : Path.of(config.directory()),
            config.umask(),
            user,
            -1,
            stdoutSink,
            stderrSink,
            (exitedPid, status) -> ctx.loop().execute(() -> onExit(exitedPid, status)));
    try {
      child = ctx.launcher().spawn(request);
    } catch (SpawnException e) {
      failSpawn(spawnErrorText(e));
      return;
    }
    pid = child.pid();
    log.info("spawned: '" + name() + "' with pid " + pid);
    ctx.infoChanged().accept(info()); // STARTING was announced before there was a pid
    // RUNNING needs an uptime strictly greater than startsecs.
    timer = ctx.loop().schedule(config.startsecs() * 1000L + 1, this::onStartsecsElapsed);
  }

  private String spawnErrorText(SpawnException e) {
    return switch (e.errnoName()) {
      case "EMFILE" -> "too many open files to spawn '" + name() + "'";
      case "EAGAIN" -> "Too many processes in process table to spawn '" + name() + "'";
      default ->
          e.getMessage() != null && !e.getMessage().isEmpty() && e.errno() == 0
              ? e.getMessage()
              : "unknown error during fork for '" + name() + "': " + e.errnoName();
    };
  }

  private void failSpawn(@Nullable String message) {
    spawnerr = message == null ? "unknown spawn error" : message;
    log.info("spawnerr: " + spawnerr);
    enterBackoff(); // STARTING -> BACKOFF
  }

  private void onStartsecsElapsed() {
    timer = null;
    if (state == STARTING) {
      backoff = 0;
      changeState(RUNNING, true); // STARTING -> RUNNING
      log.info(
          "success: "
              + name()
              + " entered RUNNING state, process has stayed up for > than "
              + config.startsecs()
              + " seconds (startsecs)");
    }
  }

  /** STARTING -> BACKOFF, then a retry after backoff seconds, or FATAL when out of retries. */
  private void enterBackoff() {
    cancelTimer();
    backoff++;
    changeState(BACKOFF, true);
    if (backoff > config.startretries()) {
      giveUp();
      log.info("gave up: " + name() + " entered FATAL state, too many start retries too quickly");
      return;
    }
    timer = ctx.loop().schedule(backoff * 1000L, this::onBackoffElapsed);
  }

  private void onBackoffElapsed() {
    timer = null;
    if (state == BACKOFF && ctx.mayStart().getAsBoolean()) {
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
          "attempted to kill "
              + name()
              + " with sig "
              + signal.fullName()
              + " but it wasn't running";
      log.debug(msg);
      return msg;
    }
    boolean toGroup = state == STOPPING ? config.killasgroup() : config.stopasgroup();
    log.debug(
        "killing "
            + name()
            + " (pid "
            + pid
            + ") "
            + (toGroup ? "process group " : "")
            + "with signal "
            + signal.fullName());
    killing = true;
    if (stopTree == null && (config.stopasgroup() || config.killasgroup())) {
      stopTree = ctx.trees().snapshot(pid);
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
      ProcessTrees.Tree tree = stopTree;
      if (tree != null && config.killasgroup()) {
        tree.signalRemaining(Signal.KILL);
      }
    }
  }

  void onExit(int exitedPid, ExitStatus status) {
    if (exitedPid != pid) {
      return; // a late report for an earlier run
    }
    cancelTimer();
    laststopWall = ctx.clock().wallMillis();
    long ranMillis = ctx.clock().monotonicMillis() - laststartMono;
    boolean tooQuickly = ranMillis < config.startsecs() * 1000L;
    int es = status.code();
    boolean expected = config.exitcodes().contains(es);
    String how = status.describe();
    exitSignal = status.signal();
    int oldPid = pid;
    pid = 0;
    child = null;

    if (killing) {
      killing = false;
      exitstatus = es;
      finishTreeStop();
      changeState(STOPPED, expected, oldPid); // STOPPING -> STOPPED
      String msg = "stopped: " + name() + " (" + how + ")";
      if (expected) {
        log.info(msg);
      } else {
        log.warn(msg);
      }
    } else if (tooQuickly && state == STARTING) {
      exitstatus = null;
      spawnerr = "Exited too quickly (process log may have details)";
      log.warn("exited: " + name() + " (" + how + "; not expected)");
      enterBackoff(); // STARTING -> BACKOFF
    } else {
      backoff = 0;
      exitstatus = es;
      if (state == STARTING) {
        changeState(RUNNING, true, oldPid); // STARTING -> RUNNING (exit raced the timer)
      }
      if (!expected) {
        spawnerr = "Bad exit code " + es;
      }
      changeState(EXITED, expected, oldPid); // RUNNING -> EXITED
      if (expected) {
        log.info("exited: " + name() + " (" + how + "; expected)");
      } else {
        log.warn("exited: " + name() + " (" + how + "; not expected)");
      }
      if (restartAfterExit(expected)) {
        ctx.loop().execute(this::autorestart);
      }
    }
    ctx.events().exited(this);
  }

  /**
   * After a group stop reaped the program, whatever is left of its tree (processes that escaped the
   * process group, or children still shutting down) gets the stop signal now and SIGKILL after
   * stopwaitsecs.
   */
  private void finishTreeStop() {
    ProcessTrees.Tree tree = stopTree;
    stopTree = null;
    if (tree == null) {
      return;
    }
    int left = tree.signalRemaining(config.stopsignal());
    if (left > 0) {
      log.info(
          "stopped: "
              + name()
              + " left "
              + left
              + " descendant(s) behind; sent them "
              + config.stopsignal().fullName());
      ctx.loop().schedule(config.stopwaitsecs() * 1000L, () -> tree.signalRemaining(Signal.KILL));
    }
  }

  private boolean restartAfterExit(boolean expected) {
    return config.autorestart() == Autorestart.TRUE
        || (config.autorestart() == Autorestart.UNEXPECTED && !expected);
  }

  private void autorestart() {
    if (state == EXITED && ctx.mayStart().getAsBoolean()) {
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
    StateChange change = new StateChange(info(), from, to, expected, backoff, eventPid);
    ctx.listener().onStateChange(change);
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

  private static String pathOrEmpty(@Nullable Path p) {
    return p == null ? "" : p.toString();
  }

  private static long capped(long seconds) {
    return Math.min(seconds, Integer.MAX_VALUE);
  }
}
