package dev.tend.control.server;

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
import dev.tend.api.ProcessState;
import dev.tend.api.ProcessStats;
import dev.tend.api.ReloadDiff;
import dev.tend.api.SupervisorApi;
import dev.tend.api.SupervisorState;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * A {@link SupervisorApi} that records each call as text ({@code startProcess(web, true)}) and
 * answers with canned values a test may replace; {@link #failWith} makes the next call of a method
 * throw. Processes {@code web} and {@code g:a}, {@code g:b} exist; other names are BAD_NAME.
 */
final class RecordingSupervisorApi implements SupervisorApi {
  final List<String> calls = new CopyOnWriteArrayList<>();
  private final Map<String, Supplier<RuntimeException>> failures = new ConcurrentHashMap<>();
  // Replaced by tests; read by the calls.
  volatile byte[] logBytes = "log".getBytes(StandardCharsets.UTF_8);
  volatile ReloadDiff reload = new ReloadDiff(List.of("new"), List.of("changed"), List.of());
  volatile List<ProcessStats> stats = List.of();
  volatile @Nullable LogListener lastListener;
  // Runs inside shutdown(), after recording it.
  volatile Runnable onShutdown = () -> {};
  // How long waitForChanges blocks before answering.
  volatile Duration waitDelay = Duration.ZERO;
  volatile ChangeBatch changes =
      new ChangeBatch(7, true, SupervisorState.RUNNING, List.of(info("web", "web")), List.of());

  static ProcessInfo info(String group, String name) {
    return new ProcessInfo(
        name,
        group,
        "pid 42, uptime 0:00:05",
        1_700_000_000L,
        0,
        1_700_000_005L,
        ProcessState.RUNNING,
        "",
        0,
        "/var/log/" + name + ".log",
        "",
        42,
        3,
        0);
  }

  static ProcessResult ok(String group, String name) {
    return new ProcessResult(name, group, Fault.SUCCESS.code(), "OK");
  }

  /** The next call of {@code method} throws what the supplier makes. */
  void failWith(String method, Supplier<RuntimeException> failure) {
    failures.put(method, failure);
  }

  private void record(String method, Object... args) {
    StringBuilder b = new StringBuilder(method).append('(');
    for (int i = 0; i < args.length; i++) {
      b.append(i == 0 ? "" : ", ").append(args[i]);
    }
    calls.add(b.append(')').toString());
    Supplier<RuntimeException> f = failures.remove(method);
    if (f != null) {
      throw f.get();
    }
  }

  private static void requireProcess(String namespec) {
    if (!List.of("web", "g:a", "g:b").contains(namespec)) {
      throw new FaultException(Fault.BAD_NAME, namespec);
    }
  }

  private static void requireGroup(String group) {
    if (!List.of("web", "g").contains(group)) {
      throw new FaultException(Fault.BAD_NAME, group);
    }
  }

  private static List<ProcessResult> group(String group) {
    return group.equals("g") ? List.of(ok("g", "a"), ok("g", "b")) : List.of(ok("web", "web"));
  }

  @Override
  public String getAPIVersion() {
    record("getAPIVersion");
    return "3.0";
  }

  @Override
  public String getSupervisorVersion() {
    record("getSupervisorVersion");
    return "4.2.5";
  }

  @Override
  public String getIdentification() {
    record("getIdentification");
    return "supervisor";
  }

  @Override
  public SupervisorState getState() {
    record("getState");
    return SupervisorState.RUNNING;
  }

  @Override
  public int getPID() {
    record("getPID");
    return 4242;
  }

  @Override
  public byte[] readLog(long offset, long length) {
    record("readLog", offset, length);
    return logBytes.clone();
  }

  @Override
  public void clearLog() {
    record("clearLog");
  }

  @Override
  public void shutdown() {
    record("shutdown");
    onShutdown.run();
  }

  @Override
  public void restart() {
    record("restart");
  }

  @Override
  public ReloadDiff reloadConfig() {
    record("reloadConfig");
    return reload;
  }

  @Override
  public void addProcessGroup(String name) {
    record("addProcessGroup", name);
  }

  @Override
  public void removeProcessGroup(String name) {
    record("removeProcessGroup", name);
  }

  @Override
  public List<ConfigInfo> getAllConfigInfo() {
    record("getAllConfigInfo");
    return List.of();
  }

  @Override
  public ProcessInfo getProcessInfo(String namespec) {
    record("getProcessInfo", namespec);
    requireProcess(namespec);
    int colon = namespec.indexOf(':');
    return colon < 0
        ? info(namespec, namespec)
        : info(namespec.substring(0, colon), namespec.substring(colon + 1));
  }

  @Override
  public List<ProcessInfo> getAllProcessInfo() {
    record("getAllProcessInfo");
    return List.of(info("g", "a"), info("g", "b"), info("web", "web"));
  }

  @Override
  public void startProcess(String namespec, boolean wait) {
    record("startProcess", namespec, wait);
    requireProcess(namespec);
  }

  @Override
  public List<ProcessResult> startProcessGroup(String group, boolean wait) {
    record("startProcessGroup", group, wait);
    requireGroup(group);
    return group(group);
  }

  @Override
  public List<ProcessResult> startAllProcesses(boolean wait) {
    record("startAllProcesses", wait);
    return new ArrayList<>(group("g"));
  }

  @Override
  public void stopProcess(String namespec, boolean wait) {
    record("stopProcess", namespec, wait);
    requireProcess(namespec);
  }

  @Override
  public List<ProcessResult> stopProcessGroup(String group, boolean wait) {
    record("stopProcessGroup", group, wait);
    requireGroup(group);
    return group(group);
  }

  @Override
  public List<ProcessResult> stopAllProcesses(boolean wait) {
    record("stopAllProcesses", wait);
    return group("g");
  }

  @Override
  public void signalProcess(String namespec, String signal) {
    record("signalProcess", namespec, signal);
    requireProcess(namespec);
  }

  @Override
  public List<ProcessResult> signalProcessGroup(String group, String signal) {
    record("signalProcessGroup", group, signal);
    requireGroup(group);
    return group(group);
  }

  @Override
  public List<ProcessResult> signalAllProcesses(String signal) {
    record("signalAllProcesses", signal);
    return group("g");
  }

  @Override
  public void sendProcessStdin(String namespec, String chars) {
    record("sendProcessStdin", namespec, chars);
  }

  @Override
  public void sendRemoteCommEvent(String type, String data) {
    record("sendRemoteCommEvent", type, data);
  }

  @Override
  public byte[] readProcessLog(String namespec, LogStream stream, long offset, long length) {
    record("readProcessLog", namespec, stream, offset, length);
    requireProcess(namespec);
    return logBytes.clone();
  }

  @Override
  public LogTail tailProcessLog(String namespec, LogStream stream, long offset, long length) {
    record("tailProcessLog", namespec, stream, offset, length);
    requireProcess(namespec);
    return new LogTail(logBytes, 5_000_000_000L, true);
  }

  @Override
  public void clearProcessLogs(String namespec) {
    record("clearProcessLogs", namespec);
  }

  @Override
  public List<ProcessResult> clearAllProcessLogs() {
    record("clearAllProcessLogs");
    return group("g");
  }

  @Override
  public LogFollow followProcessLog(
      String namespec, LogStream stream, long historyBytes, LogListener listener) {
    record("followProcessLog", namespec, stream, historyBytes);
    requireProcess(namespec);
    lastListener = listener;
    byte[] history = logBytes;
    if (history.length > 0 && historyBytes > 0) {
      int from = (int) Math.max(0, history.length - historyBytes);
      listener.onData(java.util.Arrays.copyOfRange(history, from, history.length));
    }
    return () -> calls.add("closeFollow(" + namespec + ")");
  }

  @Override
  public Capabilities capabilities() {
    record("capabilities");
    return new Capabilities("tend 1.2.3", true, true, true);
  }

  @Override
  public ChangeBatch waitForChanges(long cursor, Duration timeout) {
    record("waitForChanges", cursor, timeout.toSeconds());
    try {
      Thread.sleep(waitDelay);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new FaultException(Fault.FAILED, "interrupted");
    }
    return changes;
  }

  @Override
  public List<ProcessStats> getProcessStats() {
    record("getProcessStats");
    return stats;
  }
}
