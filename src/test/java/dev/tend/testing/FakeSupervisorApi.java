package dev.tend.testing;

import dev.tend.api.ChangeBatch;
import dev.tend.api.ConfigInfo;
import dev.tend.api.ConnectionException;
import dev.tend.api.Fault;
import dev.tend.api.FaultException;
import dev.tend.api.LineTimes;
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
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * A scriptable in-memory supervisor: processes and their states, logs, stats, change batches for
 * {@code waitForChanges}, log follows, faults and a server that goes away and comes back. Tests
 * script it with {@link #add} and {@link FakeProcess}; it answers every {@link SupervisorApi} call
 * like supervisord would (fault codes, group results, log offsets), and records the calls.
 *
 * <p>Thread-safe. Listeners of log follows are called on the thread that wrote the log (or on the
 * caller of {@link #followProcessLog} for the history), outside the lock, in the order the bytes
 * were written, a follow's history before anything written after it. Time is the fake's own clock
 * ({@link #setNow}), epoch seconds, starting at the wall clock.
 */
public final class FakeSupervisorApi implements SupervisorApi {
  private static final List<String> SIGNALS =
      List.of(
          "HUP", "INT", "QUIT", "ILL", "TRAP", "ABRT", "BUS", "FPE", "KILL", "USR1", "SEGV", "USR2",
          "PIPE", "ALRM", "TERM");

  // guarded by this. By (group, name): getAllProcessInfo order.
  private final TreeMap<String, FakeProcess> processes = new TreeMap<>();
  // guarded by this. Namespec -> version at which it was removed.
  private final Map<String, Long> removedAt = new HashMap<>();
  // guarded by this. Bumped by every change; waitForChanges cursors are versions.
  private long version = 1;
  // guarded by this
  private SupervisorState state = SupervisorState.RUNNING;
  // guarded by this
  private Capabilities capabilities = new Capabilities("tend (fake)", true, true, true);
  // guarded by this. Non-null while the server is "away": every call throws it.
  private ConnectionException.@Nullable Kind away;
  // guarded by this. Faults to throw from the next call of a method, by method name.
  private final Map<String, Deque<RuntimeException>> failNext = new HashMap<>();
  // guarded by this
  private final List<String> calls = new ArrayList<>();
  // guarded by this
  private final List<Follow> follows = new ArrayList<>();
  // guarded by this
  private final StringBuilder mainLog = new StringBuilder();
  private final AtomicLong now = new AtomicLong(System.currentTimeMillis() / 1000);
  private final AtomicLong nextPid = new AtomicLong(4100);
  // Held (not `this`) while log bytes are handed to listeners, from the append (or a follow's
  // history) to the last listener call: each follow sees the bytes in the order they were written,
  // its history first, even when writers and follows race.
  private final java.util.concurrent.locks.ReentrantLock delivery =
      new java.util.concurrent.locks.ReentrantLock(true);

  /** A running follow. */
  private record Follow(String namespec, LogStream stream, LogListener listener) {}

  // -- scripting ---------------------------------------------------------------------------------

  /** Adds a STOPPED, never started process ({@code name} alone when it is its group's name). */
  public synchronized FakeProcess add(String group, String name) {
    FakeProcess p = new FakeProcess(this, group, name);
    processes.put(key(group, name), p);
    removedAt.remove(p.namespec());
    changed(p);
    return p;
  }

  /** The process with this namespec; fails the test when there is none. */
  public synchronized FakeProcess process(String namespec) {
    for (FakeProcess p : processes.values()) {
      if (p.namespec().equals(namespec)) {
        return p;
      }
    }
    throw new AssertionError("the fake has no process " + namespec + "; it has " + namespecs());
  }

  public synchronized List<String> namespecs() {
    return processes.values().stream().map(FakeProcess::namespec).toList();
  }

  /** Removes a process; its follows end. */
  public void remove(String namespec) {
    List<Follow> ended = new ArrayList<>();
    synchronized (this) {
      FakeProcess p = process(namespec);
      processes.remove(key(p.group, p.name));
      version++;
      removedAt.put(namespec, version);
      ended.addAll(follows.stream().filter(f -> f.namespec().equals(namespec)).toList());
      follows.removeAll(ended);
      notifyAll();
    }
    ended.forEach(f -> f.listener().onClosed("process removed"));
  }

  public synchronized void setSupervisorState(SupervisorState s) {
    state = s;
    version++;
    notifyAll();
  }

  public synchronized void setCapabilities(Capabilities c) {
    capabilities = c;
  }

  /**
   * The server goes away: every call throws {@link ConnectionException} of this kind, a waiting
   * {@code waitForChanges} wakes up and throws, follows end.
   */
  public void goAway(ConnectionException.Kind kind) {
    List<Follow> ended;
    synchronized (this) {
      away = kind;
      ended = new ArrayList<>(follows);
      follows.clear();
      notifyAll();
    }
    ended.forEach(f -> f.listener().onClosed("connection lost"));
  }

  /** The server answers again (with its state as it was, or as scripted meanwhile). */
  public synchronized void comeBack() {
    away = null;
    version++;
    notifyAll();
  }

  /** The next call of {@code method} (its SupervisorApi name) throws {@code e}. */
  public synchronized void failNext(String method, RuntimeException e) {
    failNext.computeIfAbsent(method, m -> new ArrayDeque<>()).add(e);
  }

  /** Every call so far, as {@code method arg arg}. */
  public synchronized List<String> calls() {
    return List.copyOf(calls);
  }

  /** Calls whose text starts with {@code prefix}. */
  public synchronized List<String> calls(String prefix) {
    return calls.stream().filter(c -> c.startsWith(prefix)).toList();
  }

  /** Follows open now (of any process). */
  public synchronized int openFollows() {
    return follows.size();
  }

  /** Follows open now of one process. */
  public synchronized int openFollows(String namespec) {
    return (int) follows.stream().filter(f -> f.namespec().equals(namespec)).count();
  }

  public void setNow(long epochSeconds) {
    now.set(epochSeconds);
  }

  public void advance(Duration d) {
    now.addAndGet(d.toSeconds());
  }

  public long now() {
    return now.get();
  }

  /** Writes to a process's log: followers get it at once. */
  public void log(String namespec, LogStream stream, String text) {
    log(namespec, stream, text.getBytes(StandardCharsets.UTF_8));
  }

  public void log(String namespec, LogStream stream, byte[] data) {
    delivery.lock();
    try {
      List<Follow> to;
      synchronized (this) {
        process(namespec).logOf(stream).append(data);
        to =
            follows.stream()
                .filter(f -> f.namespec().equals(namespec) && f.stream() == stream)
                .toList();
      }
      to.forEach(f -> f.listener().onData(data.clone()));
    } finally {
      delivery.unlock();
    }
  }

  /** Followers of a stream are told that {@code bytes} were lost. */
  public void loseLog(String namespec, LogStream stream, long bytes) {
    List<Follow> to;
    synchronized (this) {
      to =
          follows.stream()
              .filter(f -> f.namespec().equals(namespec) && f.stream() == stream)
              .toList();
    }
    to.forEach(f -> f.listener().onGap(bytes));
  }

  synchronized void changed(FakeProcess p) {
    version++;
    p.version = version;
    notifyAll();
  }

  long nextPid() {
    return nextPid.getAndIncrement();
  }

  private static String key(String group, String name) {
    return group + "\u0000" + name;
  }

  // -- the API -----------------------------------------------------------------------------------

  private synchronized void call(String method, Object... args) {
    StringBuilder s = new StringBuilder(method);
    for (Object a : args) {
      s.append(' ').append(a);
    }
    calls.add(s.toString());
    if (away != null) {
      throw new ConnectionException(away, "unix:///fake.sock refused connection");
    }
    Deque<RuntimeException> q = failNext.get(method);
    if (q != null && !q.isEmpty()) {
      throw q.removeFirst();
    }
  }

  private synchronized FakeProcess named(String namespec) {
    for (FakeProcess p : processes.values()) {
      if (p.namespec().equals(namespec)) {
        return p;
      }
    }
    throw new FaultException(Fault.BAD_NAME, namespec);
  }

  private synchronized List<FakeProcess> group(String group) {
    List<FakeProcess> g = processes.values().stream().filter(p -> p.group.equals(group)).toList();
    if (g.isEmpty()) {
      throw new FaultException(Fault.BAD_NAME, group);
    }
    return g;
  }

  @Override
  public String getAPIVersion() {
    call("getAPIVersion");
    return "3.0";
  }

  @Override
  public String getSupervisorVersion() {
    call("getSupervisorVersion");
    return "4.2.5";
  }

  @Override
  public String getIdentification() {
    call("getIdentification");
    return "supervisor";
  }

  @Override
  public synchronized SupervisorState getState() {
    call("getState");
    return state;
  }

  @Override
  public int getPID() {
    call("getPID");
    return 1;
  }

  @Override
  public synchronized byte[] readLog(long offset, long length) {
    call("readLog", offset, length);
    return FakeLog.read(mainLog.toString().getBytes(StandardCharsets.UTF_8), offset, length);
  }

  @Override
  public synchronized void clearLog() {
    call("clearLog");
    mainLog.setLength(0);
  }

  @Override
  public synchronized void shutdown() {
    call("shutdown");
    setSupervisorState(SupervisorState.SHUTDOWN);
  }

  @Override
  public synchronized void restart() {
    call("restart");
    setSupervisorState(SupervisorState.RESTARTING);
  }

  @Override
  public ReloadDiff reloadConfig() {
    call("reloadConfig");
    return new ReloadDiff(List.of(), List.of(), List.of());
  }

  @Override
  public void addProcessGroup(String name) {
    call("addProcessGroup", name);
    throw new FaultException(Fault.BAD_NAME, name);
  }

  @Override
  public synchronized void removeProcessGroup(String name) {
    call("removeProcessGroup", name);
    for (FakeProcess p : group(name)) {
      if (!p.state.isStopped()) {
        throw new FaultException(Fault.STILL_RUNNING, name);
      }
    }
    group(name).forEach(p -> remove(p.namespec()));
  }

  @Override
  public synchronized List<ConfigInfo> getAllConfigInfo() {
    call("getAllConfigInfo");
    return processes.values().stream().map(FakeProcess::config).toList();
  }

  @Override
  public synchronized ProcessInfo getProcessInfo(String namespec) {
    call("getProcessInfo", namespec);
    return named(namespec).info(now());
  }

  @Override
  public synchronized List<ProcessInfo> getAllProcessInfo() {
    call("getAllProcessInfo");
    return processes.values().stream().map(p -> p.info(now())).toList();
  }

  @Override
  public synchronized void startProcess(String namespec, boolean wait) {
    call("startProcess", namespec, wait);
    named(namespec).startByRequest();
  }

  @Override
  public synchronized List<ProcessResult> startProcessGroup(String group, boolean wait) {
    call("startProcessGroup", group, wait);
    return each(group(group), p -> !p.state.isRunning(), FakeProcess::startByRequest);
  }

  @Override
  public synchronized List<ProcessResult> startAllProcesses(boolean wait) {
    call("startAllProcesses", wait);
    return each(
        List.copyOf(processes.values()), p -> !p.state.isRunning(), FakeProcess::startByRequest);
  }

  @Override
  public synchronized void stopProcess(String namespec, boolean wait) {
    call("stopProcess", namespec, wait);
    named(namespec).stopByRequest();
  }

  @Override
  public synchronized List<ProcessResult> stopProcessGroup(String group, boolean wait) {
    call("stopProcessGroup", group, wait);
    return each(group(group), p -> p.state.isRunning(), FakeProcess::stopByRequest);
  }

  @Override
  public synchronized List<ProcessResult> stopAllProcesses(boolean wait) {
    call("stopAllProcesses", wait);
    return each(
        List.copyOf(processes.values()), p -> p.state.isRunning(), FakeProcess::stopByRequest);
  }

  @Override
  public synchronized void signalProcess(String namespec, String signal) {
    call("signalProcess", namespec, signal);
    named(namespec).signal(canonicalSignal(signal));
  }

  @Override
  public synchronized List<ProcessResult> signalProcessGroup(String group, String signal) {
    call("signalProcessGroup", group, signal);
    String s = canonicalSignal(signal);
    return each(group(group), p -> true, p -> p.signal(s));
  }

  @Override
  public synchronized List<ProcessResult> signalAllProcesses(String signal) {
    call("signalAllProcesses", signal);
    String s = canonicalSignal(signal);
    return each(List.copyOf(processes.values()), p -> true, p -> p.signal(s));
  }

  private static String canonicalSignal(String signal) {
    String s = signal.toUpperCase(java.util.Locale.ROOT);
    s = s.startsWith("SIG") ? s.substring(3) : s;
    if (s.chars().allMatch(Character::isDigit) && !s.isEmpty()) {
      int n = Integer.parseInt(s);
      if (n >= 1 && n <= SIGNALS.size()) {
        return SIGNALS.get(n - 1);
      }
    }
    if (!SIGNALS.contains(s)) {
      throw new FaultException(Fault.BAD_SIGNAL, signal);
    }
    return s;
  }

  private interface Op {
    void apply(FakeProcess p);
  }

  private static List<ProcessResult> each(
      List<FakeProcess> ps, Predicate<FakeProcess> which, Op op) {
    List<ProcessResult> results = new ArrayList<>();
    for (FakeProcess p : ps) {
      if (!which.test(p)) {
        continue;
      }
      try {
        op.apply(p);
        results.add(new ProcessResult(p.name, p.group, Fault.SUCCESS.code(), "OK"));
      } catch (FaultException e) {
        results.add(new ProcessResult(p.name, p.group, e.code(), e.faultString()));
      }
    }
    return results;
  }

  @Override
  public void sendProcessStdin(String namespec, String chars) {
    call("sendProcessStdin", namespec, chars);
    named(namespec);
  }

  @Override
  public void sendRemoteCommEvent(String type, String data) {
    call("sendRemoteCommEvent", type, data);
  }

  @Override
  public synchronized byte[] readProcessLog(
      String namespec, LogStream stream, long offset, long length) {
    call("readProcessLog", namespec, stream.word(), offset, length);
    return FakeLog.read(named(namespec).logOf(stream).bytes(), offset, length);
  }

  @Override
  public synchronized LogTail tailProcessLog(
      String namespec, LogStream stream, long offset, long length) {
    call("tailProcessLog", namespec, stream.word(), offset, length);
    return FakeLog.tail(named(namespec).logOf(stream).bytes(), offset, length);
  }

  @Override
  public synchronized void clearProcessLogs(String namespec) {
    call("clearProcessLogs", namespec);
    FakeProcess p = named(namespec);
    p.stdout.clear();
    p.stderr.clear();
  }

  @Override
  public synchronized List<ProcessResult> clearAllProcessLogs() {
    call("clearAllProcessLogs");
    return each(
        List.copyOf(processes.values()),
        p -> true,
        p -> {
          p.stdout.clear();
          p.stderr.clear();
        });
  }

  @Override
  public LogFollow followProcessLog(
      String namespec, LogStream stream, long historyBytes, LogListener listener) {
    byte[] history;
    Follow f = new Follow(namespec, stream, listener);
    delivery.lock();
    try {
      synchronized (this) {
        call("followProcessLog", namespec, stream.word(), historyBytes);
        byte[] all = named(namespec).logOf(stream).bytes();
        int n = (int) Math.min(all.length, Math.max(0, historyBytes));
        history = java.util.Arrays.copyOfRange(all, all.length - n, all.length);
        follows.add(f);
      }
      listener.onHistory(history, LineTimes.none("the fake keeps no line times"));
    } finally {
      delivery.unlock();
    }
    return () -> {
      synchronized (FakeSupervisorApi.this) {
        follows.remove(f);
      }
    };
  }

  @Override
  public synchronized Capabilities capabilities() {
    call("capabilities");
    return capabilities;
  }

  @Override
  public synchronized ChangeBatch waitForChanges(long cursor, Duration timeout) {
    call("waitForChanges", cursor);
    boolean full = cursor <= 0 || cursor > version;
    long deadline = System.nanoTime() + timeout.toNanos();
    try {
      while (!full && version <= cursor && away == null) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          return new ChangeBatch(cursor, false, state, List.of(), List.of());
        }
        wait(Math.max(1, left / 1_000_000));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new ChangeBatch(cursor, false, state, List.of(), List.of());
    }
    if (away != null) {
      throw new ConnectionException(away, "unix:///fake.sock refused connection");
    }
    long t = now();
    List<ProcessInfo> changed = new ArrayList<>();
    for (FakeProcess p : processes.values()) {
      if (full || p.version > cursor) {
        changed.add(p.info(t));
      }
    }
    List<String> removed = new ArrayList<>();
    if (!full) {
      removedAt.forEach(
          (n, v) -> {
            if (v > cursor) {
              removed.add(n);
            }
          });
      Collections.sort(removed);
    }
    return new ChangeBatch(version, full, state, changed, removed);
  }

  @Override
  public synchronized List<ProcessStats> getProcessStats() {
    call("getProcessStats");
    List<ProcessStats> out = new ArrayList<>();
    for (FakeProcess p : processes.values()) {
      if (p.pid > 0 && p.rss >= 0) {
        out.add(new ProcessStats(p.namespec(), p.pid, p.cpu, p.rss, 1));
      }
    }
    return out;
  }
}
