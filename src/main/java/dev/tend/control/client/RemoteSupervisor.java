package dev.tend.control.client;

import static dev.tend.control.client.WireValues.intParam;
import static dev.tend.control.client.WireValues.integer;
import static dev.tend.control.client.WireValues.string;

import dev.tend.api.ChangeBatch;
import dev.tend.api.ConfigInfo;
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
import dev.tend.control.client.ssh.SshConnections;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * {@link SupervisorApi} over XML-RPC, against a tend daemon or a real supervisord 4.x. The {@code
 * supervisor.*} methods map one to one. What supervisord lacks is emulated: {@code waitForChanges}
 * polls, {@code followProcessLog} polls the log, {@code getProcessStats} is empty. Against tend
 * (found by {@code tend.getCapabilities}) those use tend's methods, and logs arrive as bytes.
 *
 * <p>Thread-safe; calls from several threads share a small keep-alive pool. No I/O happens until
 * the first call.
 */
public final class RemoteSupervisor implements SupervisorApi, AutoCloseable {
  private static final Duration CHANGES_POLL = Duration.ofSeconds(1);
  // A quiet supervisord is looked at in full this often (PolledChanges), and every poll while
  // changes are this recent; the probe reads this much of its main log's end.
  private static final Duration CHANGES_FULL_EVERY = Duration.ofSeconds(10);
  private static final Duration CHANGES_BUSY_FOR = Duration.ofSeconds(5);
  private static final int MARK_TAIL_BYTES = 160;
  private static final Duration LOG_POLL = Duration.ofMillis(200);

  private final XmlRpcClient rpc;
  private final TendMethods tend;
  private volatile @Nullable Capabilities capabilities; // null until first asked, then fixed
  private @Nullable PolledChanges polledChanges; // guarded by this; made on first use (supervisord)
  private volatile boolean tendInfo = true; // false once the server lacks tend.getAllProcessInfo

  public RemoteSupervisor(XmlRpcClient rpc) {
    this.rpc = rpc;
    this.tend = new TendMethods(rpc);
  }

  /** A client for a {@code unix://} or {@code http://} {@code url}; connects on the first call. */
  public static RemoteSupervisor connect(ServerUrl url, ClientSettings settings) {
    return new RemoteSupervisor(new XmlRpcClient(url, settings));
  }

  /**
   * A client for any {@code url}, {@code ssh://} ones through {@code ssh} (which outlives it);
   * connects on the first call.
   */
  public static RemoteSupervisor connect(
      ServerUrl url, ClientSettings settings, SshConnections ssh) {
    return new RemoteSupervisor(new XmlRpcClient(url, settings, ssh));
  }

  /** The XML-RPC client underneath, for methods this interface does not cover. */
  public XmlRpcClient client() {
    return rpc;
  }

  @Override
  public void close() {
    rpc.close();
  }

  // -- status and control of the supervisor itself --

  @Override
  public String getAPIVersion() {
    return string(rpc.call("supervisor.getAPIVersion"), "getAPIVersion");
  }

  @Override
  public String getSupervisorVersion() {
    return string(rpc.call("supervisor.getSupervisorVersion"), "getSupervisorVersion");
  }

  @Override
  public String getIdentification() {
    return string(rpc.call("supervisor.getIdentification"), "getIdentification");
  }

  @Override
  public SupervisorState getState() {
    return WireRecords.supervisorState(rpc.call("supervisor.getState"), "getState");
  }

  @Override
  public int getPID() {
    return integer(rpc.call("supervisor.getPID"), "getPID");
  }

  @Override
  public byte[] readLog(long offset, long length) {
    if (capabilities().rawLogs()) {
      return tend.readLog(offset, length);
    }
    return WireRecords.logBytes(
        rpc.call("supervisor.readLog", intParam(offset), intParam(length)), "readLog");
  }

  @Override
  public void clearLog() {
    requireTrue(rpc.call("supervisor.clearLog"), "clearLog");
  }

  @Override
  public void shutdown() {
    requireTrue(rpc.call("supervisor.shutdown"), "shutdown");
  }

  @Override
  public void restart() {
    requireTrue(rpc.call("supervisor.restart"), "restart");
  }

  // -- configuration --

  @Override
  public ReloadDiff reloadConfig() {
    return WireRecords.reloadDiff(rpc.call("supervisor.reloadConfig"), "reloadConfig");
  }

  @Override
  public void addProcessGroup(String name) {
    requireTrue(rpc.call("supervisor.addProcessGroup", name), "addProcessGroup");
  }

  @Override
  public void removeProcessGroup(String name) {
    requireTrue(rpc.call("supervisor.removeProcessGroup", name), "removeProcessGroup");
  }

  @Override
  public List<ConfigInfo> getAllConfigInfo() {
    List<?> items = WireValues.list(rpc.call("supervisor.getAllConfigInfo"), "getAllConfigInfo");
    List<ConfigInfo> out = new ArrayList<>(items.size());
    for (int i = 0; i < items.size(); i++) {
      out.add(WireRecords.configInfo(items.get(i), "getAllConfigInfo[" + i + "]"));
    }
    return out;
  }

  // -- processes --

  @Override
  public ProcessInfo getProcessInfo(String namespec) {
    return WireRecords.processInfo(
        rpc.call("supervisor.getProcessInfo", namespec), "getProcessInfo");
  }

  /**
   * From a tend server with what only it reports (health, reasons, dependencies), in one call; a
   * supervisord answers the first try UNKNOWN_METHOD, and is asked its own method from then on.
   */
  @Override
  public List<ProcessInfo> getAllProcessInfo() {
    Capabilities c = capabilities;
    if (tendInfo && (c == null || c.pushesChanges())) {
      List<ProcessInfo> infos = tend.allProcessInfo();
      if (infos != null) {
        return infos;
      }
      tendInfo = false;
    }
    return WireRecords.processInfos(rpc.call("supervisor.getAllProcessInfo"), "getAllProcessInfo");
  }

  @Override
  public void startProcess(String namespec, boolean wait) {
    requireSuccess(waiting(wait, "supervisor.startProcess", namespec, wait), "startProcess");
  }

  @Override
  public List<ProcessResult> startProcessGroup(String group, boolean wait) {
    return results(waiting(wait, "supervisor.startProcessGroup", group, wait), "startProcessGroup");
  }

  @Override
  public List<ProcessResult> startAllProcesses(boolean wait) {
    return results(waiting(wait, "supervisor.startAllProcesses", wait), "startAllProcesses");
  }

  @Override
  public void stopProcess(String namespec, boolean wait) {
    requireSuccess(waiting(wait, "supervisor.stopProcess", namespec, wait), "stopProcess");
  }

  @Override
  public List<ProcessResult> stopProcessGroup(String group, boolean wait) {
    return results(waiting(wait, "supervisor.stopProcessGroup", group, wait), "stopProcessGroup");
  }

  @Override
  public List<ProcessResult> stopAllProcesses(boolean wait) {
    return results(waiting(wait, "supervisor.stopAllProcesses", wait), "stopAllProcesses");
  }

  @Override
  public void signalProcess(String namespec, String signal) {
    requireSuccess(rpc.call("supervisor.signalProcess", namespec, signal), "signalProcess");
  }

  @Override
  public List<ProcessResult> signalProcessGroup(String group, String signal) {
    return results(rpc.call("supervisor.signalProcessGroup", group, signal), "signalProcessGroup");
  }

  @Override
  public List<ProcessResult> signalAllProcesses(String signal) {
    return results(rpc.call("supervisor.signalAllProcesses", signal), "signalAllProcesses");
  }

  @Override
  public void sendProcessStdin(String namespec, String chars) {
    requireTrue(rpc.call("supervisor.sendProcessStdin", namespec, chars), "sendProcessStdin");
  }

  @Override
  public void sendRemoteCommEvent(String type, String data) {
    requireTrue(rpc.call("supervisor.sendRemoteCommEvent", type, data), "sendRemoteCommEvent");
  }

  // -- process logs --

  @Override
  public byte[] readProcessLog(String namespec, LogStream stream, long offset, long length) {
    if (capabilities().rawLogs()) {
      return tend.readProcessLog(namespec, stream, offset, length);
    }
    String method = stream == LogStream.STDOUT ? "readProcessStdoutLog" : "readProcessStderrLog";
    Object v = rpc.call("supervisor." + method, namespec, intParam(offset), intParam(length));
    return WireRecords.logBytes(v, method);
  }

  @Override
  public LogTail tailProcessLog(String namespec, LogStream stream, long offset, long length) {
    if (capabilities().rawLogs()) {
      return tend.tailProcessLog(namespec, stream, offset, length);
    }
    String method = stream == LogStream.STDOUT ? "tailProcessStdoutLog" : "tailProcessStderrLog";
    Object v = rpc.call("supervisor." + method, namespec, intParam(offset), intParam(length));
    return WireRecords.logTail(v, method);
  }

  @Override
  public void clearProcessLogs(String namespec) {
    requireTrue(rpc.call("supervisor.clearProcessLogs", namespec), "clearProcessLogs");
  }

  @Override
  public List<ProcessResult> clearAllProcessLogs() {
    return results(rpc.call("supervisor.clearAllProcessLogs"), "clearAllProcessLogs");
  }

  @Override
  public LogFollow followProcessLog(
      String namespec, LogStream stream, long historyBytes, LogListener listener) {
    if (capabilities().rawLogs()) {
      return tend.followProcessLog(namespec, stream, historyBytes, listener);
    }
    PolledLogFollow.Source source =
        new PolledLogFollow.Source() {
          @Override
          public LogTail tail(long offset, int length) {
            return tailProcessLog(namespec, stream, offset, length);
          }

          @Override
          public byte[] read(long offset, int length) {
            return readProcessLog(namespec, stream, offset, length);
          }
        };
    String name = namespec + " " + stream.word();
    return new PolledLogFollow(source, listener, name, LOG_POLL).start(historyBytes);
  }

  // -- tend's additions --

  @Override
  public Capabilities capabilities() {
    Capabilities c = capabilities;
    if (c == null) {
      c = detectCapabilities();
      capabilities = c; // two racing first calls both detect; they agree
    }
    return c;
  }

  private Capabilities detectCapabilities() {
    Capabilities c = tend.capabilities();
    return c != null ? c : Capabilities.supervisord(getSupervisorVersion());
  }

  @Override
  public ChangeBatch waitForChanges(long cursor, Duration timeout) {
    if (!capabilities().pushesChanges()) {
      return polledChanges().waitForChanges(cursor, timeout);
    }
    return tend.waitForChanges(cursor, timeout);
  }

  @Override
  public List<ProcessStats> getProcessStats() {
    if (!capabilities().processStats()) {
      return List.of(); // the console samples /proc itself when the server is local
    }
    return tend.processStats();
  }

  // -- extras beyond SupervisorApi --

  /** Runs {@code calls} in one round trip ({@code system.multicall}). */
  public List<CallResult> multicall(List<Call> calls) {
    return rpc.multicall(calls);
  }

  /**
   * supervisord's own {@code tail -f} stream ({@code GET /logtail/NAME[/stderr]}): the last 1024
   * bytes, then everything written, as supervisorctl shows it.
   */
  public LogFollow logtail(String namespec, LogStream stream, LogListener listener) {
    return rpc.stream("/logtail/" + percentEncode(namespec) + "/" + stream.word(), listener);
  }

  /** The main log's {@code tail -f} stream ({@code GET /mainlogtail}). */
  public LogFollow mainLogtail(LogListener listener) {
    return rpc.stream("/mainlogtail", listener);
  }

  // -- helpers --

  private Object waiting(boolean wait, String method, Object... params) {
    Duration timeout = wait ? rpc.settings().waitTimeout() : rpc.settings().readTimeout();
    return rpc.call(timeout, method, List.of(params));
  }

  /** Made when first needed: its lambdas cost start-up time that {@code tend ctl} need not pay. */
  private synchronized PolledChanges polledChanges() {
    PolledChanges p = polledChanges;
    if (p == null) {
      p =
          new PolledChanges(
              this::snapshot,
              this::mark,
              CHANGES_FULL_EVERY,
              CHANGES_BUSY_FOR,
              CHANGES_POLL,
              Thread::sleep,
              System::nanoTime);
      polledChanges = p;
    }
    return p;
  }

  private PolledChanges.Snapshot snapshot() {
    List<CallResult> r =
        rpc.multicall(
            List.of(Call.of("supervisor.getState"), Call.of("supervisor.getAllProcessInfo")));
    return new PolledChanges.Snapshot(
        WireRecords.supervisorState(r.get(0).value(), "getState"),
        WireRecords.processInfos(r.get(1).value(), "getAllProcessInfo"));
  }

  /** The state and the main log's last bytes: a fault reading the log leaves the tail empty. */
  private PolledChanges.Mark mark() {
    List<CallResult> r =
        rpc.multicall(
            List.of(
                Call.of("supervisor.getState"),
                Call.of("supervisor.readLog", -MARK_TAIL_BYTES, 0)));
    SupervisorState state = WireRecords.supervisorState(r.get(0).value(), "getState");
    CallResult tail = r.get(1);
    return new PolledChanges.Mark(
        state, !tail.isFault() && tail.value() instanceof String s ? s : "");
  }

  private static List<ProcessResult> results(Object v, String what) {
    return WireRecords.processResults(v, what);
  }

  private static void requireTrue(Object v, String what) {
    if (!Boolean.TRUE.equals(v)) {
      throw WireValues.unexpected(what, "true", v);
    }
  }

  /** True, or (for a {@code group:*} spec) results that must all be successes. */
  private static void requireSuccess(Object v, String what) {
    if (v instanceof List<?>) {
      for (ProcessResult r : results(v, what)) {
        if (!r.isSuccess()) {
          throw new FaultException(r.status(), r.description());
        }
      }
      return;
    }
    requireTrue(v, what);
  }

  /** Percent-encodes all but unreserved characters and ':' (supervisord unquotes the path). */
  static String percentEncode(String s) {
    StringBuilder out = new StringBuilder(s.length());
    for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
      char c = (char) (b & 0xFF);
      if ((c >= 'a' && c <= 'z')
          || (c >= 'A' && c <= 'Z')
          || (c >= '0' && c <= '9')
          || c == '-'
          || c == '_'
          || c == '.'
          || c == '~'
          || c == ':') {
        out.append(c);
      } else {
        out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)));
        out.append(Character.toUpperCase(Character.forDigit(c & 0xF, 16)));
      }
    }
    return out.toString();
  }
}
