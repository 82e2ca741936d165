package dev.tend.api;

import java.time.Duration;
import java.util.List;

/**
 * supervisord's {@code supervisor.*} API (spec §3.3) plus tend's additions. Implemented by the core
 * in-process and by the XML-RPC client against a tend daemon or a real supervisord. Every method
 * may throw {@link FaultException} with supervisord's codes; a remote implementation also throws
 * {@link ConnectionException} when the server cannot be reached. Names follow the wire methods.
 *
 * <p>Log contents are bytes: a tend server carries them intact; against supervisord they are the
 * UTF-8 encoding of what its XML-RPC returned.
 */
public interface SupervisorApi {

  // -- status and control of the supervisor itself --

  String getAPIVersion();

  String getSupervisorVersion();

  String getIdentification();

  SupervisorState getState();

  int getPID();

  byte[] readLog(long offset, long length);

  void clearLog();

  void shutdown();

  void restart();

  // -- configuration --

  ReloadDiff reloadConfig();

  void addProcessGroup(String name);

  void removeProcessGroup(String name);

  List<ConfigInfo> getAllConfigInfo();

  // -- processes --

  ProcessInfo getProcessInfo(String namespec);

  List<ProcessInfo> getAllProcessInfo();

  /** Starts one process (not a {@code group:*} spec; use {@link #startProcessGroup}). */
  void startProcess(String namespec, boolean wait);

  List<ProcessResult> startProcessGroup(String group, boolean wait);

  List<ProcessResult> startAllProcesses(boolean wait);

  void stopProcess(String namespec, boolean wait);

  List<ProcessResult> stopProcessGroup(String group, boolean wait);

  List<ProcessResult> stopAllProcesses(boolean wait);

  /**
   * @param signal a name with or without {@code SIG}, or a number, as supervisord accepts
   */
  void signalProcess(String namespec, String signal);

  List<ProcessResult> signalProcessGroup(String group, String signal);

  List<ProcessResult> signalAllProcesses(String signal);

  void sendProcessStdin(String namespec, String chars);

  void sendRemoteCommEvent(String type, String data);

  // -- process logs --

  byte[] readProcessLog(String namespec, LogStream stream, long offset, long length);

  LogTail tailProcessLog(String namespec, LogStream stream, long offset, long length);

  void clearProcessLogs(String namespec);

  List<ProcessResult> clearAllProcessLogs();

  /**
   * Follows a process log: first up to {@code historyBytes} of what it already holds, then each new
   * write, with no gap or duplicate at the seam. Against supervisord this polls {@code
   * tailProcess*Log}; a tend server pushes.
   */
  LogFollow followProcessLog(
      String namespec, LogStream stream, long historyBytes, LogListener listener);

  // -- tend's additions; a client for supervisord emulates or refuses them --

  /** What this server can do beyond supervisord's API. */
  Capabilities capabilities();

  /**
   * Waits up to {@code timeout} for process changes after {@code cursor} (0 = from nothing, gives
   * the full set at once) and returns them; an empty batch when the time ran out.
   */
  ChangeBatch waitForChanges(long cursor, Duration timeout);

  /** CPU and memory per running process, including descendants. */
  List<ProcessStats> getProcessStats();

  /** What the server on the other side supports. */
  record Capabilities(String server, boolean pushesChanges, boolean processStats, boolean rawLogs) {
    /** A real supervisord: plain XML-RPC only. */
    public static Capabilities supervisord(String version) {
      return new Capabilities("supervisord " + version, false, false, false);
    }
  }
}
