package dev.tend.testing;

import dev.tend.api.ConfigInfo;
import dev.tend.api.Fault;
import dev.tend.api.FaultException;
import dev.tend.api.Health;
import dev.tend.api.LogStream;
import dev.tend.api.ProcessInfo;
import dev.tend.api.ProcessState;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * One process of a {@link FakeSupervisorApi}: a handle to script its state ({@code running(pid)},
 * {@code fatal("can't find command 'x'")}, {@code exited(1)} ...) and how it reacts to start
 * requests. Every change is a change batch for {@code waitForChanges}. Methods return this, for
 * chaining; all are thread-safe (they lock the fake).
 */
public final class FakeProcess {
  private static final DateTimeFormatter STOPPED_AT =
      DateTimeFormatter.ofPattern("MMM dd hh:mm a", Locale.ROOT).withZone(ZoneOffset.UTC);

  /** What a start request does. */
  public enum OnStart {
    /** Goes RUNNING with a new pid. */
    RUNS,
    /** Fails: FATAL with the spawn error, the request faults with SPAWN_ERROR. */
    FAILS_TO_SPAWN,
    /** Exits at once: BACKOFF, the request faults with ABNORMAL_TERMINATION. */
    EXITS_TOO_QUICKLY
  }

  private final FakeSupervisorApi fake;
  final String group;
  final String name;
  // all below guarded by the fake
  ProcessState state = ProcessState.STOPPED;
  long start;
  long stop;
  int pid;
  int exitstatus;
  int exitSignal;
  String spawnerr = "";
  int restarts = -1;
  @Nullable String description;
  String command;
  OnStart onStart = OnStart.RUNS;
  double cpu;
  long rss = -1;
  Health health = Health.NONE;
  String reason = "";
  List<String> dependsOn = List.of();
  long version;
  final FakeLog stdout = new FakeLog();
  final FakeLog stderr = new FakeLog();
  final java.util.List<String> signals = new java.util.ArrayList<>();

  FakeProcess(FakeSupervisorApi fake, String group, String name) {
    this.fake = fake;
    this.group = group;
    this.name = name;
    this.command = "/usr/local/bin/" + name;
  }

  public String namespec() {
    return ProcessInfo.namespec(group, name);
  }

  private FakeProcess set(Runnable r) {
    synchronized (fake) {
      r.run();
      fake.changed(this);
    }
    return this;
  }

  /** RUNNING with {@code pid}, started {@code secondsAgo} ago. */
  public FakeProcess running(int newPid, long secondsAgo) {
    return set(
        () -> {
          state = ProcessState.RUNNING;
          pid = newPid;
          start = fake.now() - secondsAgo;
          spawnerr = "";
        });
  }

  public FakeProcess running(int newPid) {
    return running(newPid, 0);
  }

  public FakeProcess starting() {
    return set(
        () -> {
          state = ProcessState.STARTING;
          pid = (int) fake.nextPid();
          start = fake.now();
        });
  }

  public FakeProcess stopping() {
    return set(() -> state = ProcessState.STOPPING);
  }

  /** STOPPED by request, killed by {@code signal} (15 for a TERM). */
  public FakeProcess stopped(int signal) {
    return set(
        () -> {
          state = ProcessState.STOPPED;
          pid = 0;
          stop = fake.now();
          exitSignal = signal;
          exitstatus = signal > 0 ? -1 : 0;
        });
  }

  /** EXITED on its own with {@code code}. */
  public FakeProcess exited(int code) {
    return set(
        () -> {
          state = ProcessState.EXITED;
          pid = 0;
          stop = fake.now();
          exitstatus = code;
          exitSignal = 0;
          if (start == 0) {
            start = stop - 1;
          }
        });
  }

  /** EXITED, killed by {@code signal}. */
  public FakeProcess killed(int signal) {
    return set(
        () -> {
          state = ProcessState.EXITED;
          pid = 0;
          stop = fake.now();
          exitstatus = -1;
          exitSignal = signal;
          if (start == 0) {
            start = stop - 1;
          }
        });
  }

  public FakeProcess fatal(String error) {
    return set(
        () -> {
          state = ProcessState.FATAL;
          pid = 0;
          spawnerr = error;
          if (start == 0) {
            start = fake.now();
          }
        });
  }

  public FakeProcess backoff(String error) {
    return set(
        () -> {
          state = ProcessState.BACKOFF;
          pid = 0;
          spawnerr = error;
          start = fake.now();
        });
  }

  public FakeProcess unknown() {
    return set(() -> state = ProcessState.UNKNOWN);
  }

  /** Reports this restart count (tend does; supervisord's -1 is the default). */
  public FakeProcess restarts(int n) {
    return set(() -> restarts = n);
  }

  /** Overrides supervisord's generated description. */
  public FakeProcess description(String d) {
    return set(() -> description = d);
  }

  public FakeProcess command(String c) {
    return set(() -> command = c);
  }

  public FakeProcess onStart(OnStart behaviour) {
    return set(() -> onStart = behaviour);
  }

  /** CPU and memory for {@code getProcessStats} while running. */
  public FakeProcess stats(double cpuPercent, long rssBytes) {
    return set(
        () -> {
          cpu = cpuPercent;
          rss = rssBytes;
        });
  }

  /** What tend's health check last found (a supervisord reports none). */
  public FakeProcess health(Health h) {
    return set(() -> health = h);
  }

  /** tend's reason why the process waits ({@code waiting for broker: FATAL}). */
  public FakeProcess waiting(String why) {
    return set(() -> reason = why);
  }

  /** tend's resolved {@code depends_on}. */
  public FakeProcess dependsOn(String... namespecs) {
    return set(() -> dependsOn = List.of(namespecs));
  }

  /** Signals sent to this process, canonical names. */
  public List<String> signals() {
    synchronized (fake) {
      return List.copyOf(signals);
    }
  }

  public ProcessState state() {
    synchronized (fake) {
      return state;
    }
  }

  public int pid() {
    synchronized (fake) {
      return pid;
    }
  }

  FakeLog logOf(LogStream s) {
    return s == LogStream.STDOUT ? stdout : stderr;
  }

  // -- what the API does (called with the fake locked) --

  void startByRequest() {
    if (state.isRunning()) {
      throw new FaultException(Fault.ALREADY_STARTED, namespec());
    }
    start = fake.now();
    switch (onStart) {
      case RUNS -> {
        state = ProcessState.RUNNING;
        pid = (int) fake.nextPid();
        spawnerr = "";
        fake.changed(this);
      }
      case FAILS_TO_SPAWN -> {
        state = ProcessState.FATAL;
        pid = 0;
        spawnerr = "can't find command '" + command + "'";
        fake.changed(this);
        throw new FaultException(Fault.SPAWN_ERROR, namespec());
      }
      case EXITS_TOO_QUICKLY -> {
        state = ProcessState.BACKOFF;
        pid = 0;
        spawnerr = "Exited too quickly (process log may have details)";
        fake.changed(this);
        throw new FaultException(Fault.ABNORMAL_TERMINATION, namespec());
      }
    }
  }

  void stopByRequest() {
    if (!state.isRunning()) {
      throw new FaultException(Fault.NOT_RUNNING, namespec());
    }
    state = ProcessState.STOPPED;
    pid = 0;
    stop = fake.now();
    exitSignal = 15;
    exitstatus = -1;
    fake.changed(this);
  }

  void signal(String sig) {
    if (!state.isSignallable()) {
      throw new FaultException(Fault.NOT_RUNNING, namespec());
    }
    signals.add(sig);
    if (List.of("TERM", "KILL", "INT", "QUIT").contains(sig)) {
      int number =
          switch (sig) {
            case "INT" -> 2;
            case "QUIT" -> 3;
            case "KILL" -> 9;
            default -> 15;
          };
      state = ProcessState.EXITED;
      pid = 0;
      stop = fake.now();
      exitstatus = -1;
      exitSignal = number;
      fake.changed(this);
    }
  }

  ProcessInfo info(long now) {
    return new ProcessInfo(
        name,
        group,
        description == null ? describe(now) : description,
        start,
        stop,
        now,
        state,
        spawnerr,
        exitstatus,
        "/var/log/" + name + ".out.log",
        "/var/log/" + name + ".err.log",
        pid,
        restarts,
        exitSignal,
        health,
        reason,
        dependsOn);
  }

  /** supervisord's description (spec 3.4), stop times in UTC for reproducible tests. */
  private String describe(long now) {
    return switch (state) {
      case RUNNING -> {
        long up = Math.max(0, now - start);
        yield String.format(
            Locale.ROOT, "pid %d, uptime %d:%02d:%02d", pid, up / 3600, up % 3600 / 60, up % 60);
      }
      case BACKOFF, FATAL ->
          spawnerr.isEmpty() ? "unknown error (try \"tail " + namespec() + "\")" : spawnerr;
      case STOPPED, EXITED ->
          start == 0 ? "Not started" : STOPPED_AT.format(Instant.ofEpochSecond(stop));
      default -> "";
    };
  }

  ConfigInfo config() {
    ConfigInfo.StreamConfigInfo out =
        new ConfigInfo.StreamConfigInfo(
            "/var/log/" + name + ".out.log", 50 << 20, 10, 0, false, false);
    ConfigInfo.StreamConfigInfo err =
        new ConfigInfo.StreamConfigInfo(
            "/var/log/" + name + ".err.log", 50 << 20, 10, 0, false, false);
    return new ConfigInfo(
        name,
        group,
        true,
        true,
        "/srv/" + group,
        null,
        command,
        List.of(0),
        999,
        999,
        false,
        false,
        3,
        1,
        15,
        10,
        "auto",
        out,
        err);
  }
}
