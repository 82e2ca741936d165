package dev.tend.api;

import java.time.Duration;
import java.util.List;

/**
 * A {@link SupervisorApi} that passes every call to another, typed: a subclass overrides what it
 * answers itself and calls {@code super} for the rest. A method added to the interface fails to
 * compile here until it is forwarded. Thread-safe when the delegate is.
 */
public class ForwardingSupervisorApi implements SupervisorApi {
  private final SupervisorApi delegate;

  protected ForwardingSupervisorApi(SupervisorApi delegate) {
    this.delegate = delegate;
  }

  /** The supervisor the calls go to. */
  protected final SupervisorApi delegate() {
    return delegate;
  }

  @Override
  public String getAPIVersion() {
    return delegate.getAPIVersion();
  }

  @Override
  public String getSupervisorVersion() {
    return delegate.getSupervisorVersion();
  }

  @Override
  public String getIdentification() {
    return delegate.getIdentification();
  }

  @Override
  public SupervisorState getState() {
    return delegate.getState();
  }

  @Override
  public int getPID() {
    return delegate.getPID();
  }

  @Override
  public byte[] readLog(long offset, long length) {
    return delegate.readLog(offset, length);
  }

  @Override
  public void clearLog() {
    delegate.clearLog();
  }

  @Override
  public void shutdown() {
    delegate.shutdown();
  }

  @Override
  public void restart() {
    delegate.restart();
  }

  @Override
  public ReloadDiff reloadConfig() {
    return delegate.reloadConfig();
  }

  @Override
  public void addProcessGroup(String name) {
    delegate.addProcessGroup(name);
  }

  @Override
  public void removeProcessGroup(String name) {
    delegate.removeProcessGroup(name);
  }

  @Override
  public List<ConfigInfo> getAllConfigInfo() {
    return delegate.getAllConfigInfo();
  }

  @Override
  public ProcessInfo getProcessInfo(String namespec) {
    return delegate.getProcessInfo(namespec);
  }

  @Override
  public List<ProcessInfo> getAllProcessInfo() {
    return delegate.getAllProcessInfo();
  }

  @Override
  public void startProcess(String namespec, boolean wait) {
    delegate.startProcess(namespec, wait);
  }

  @Override
  public List<ProcessResult> startProcessGroup(String group, boolean wait) {
    return delegate.startProcessGroup(group, wait);
  }

  @Override
  public List<ProcessResult> startAllProcesses(boolean wait) {
    return delegate.startAllProcesses(wait);
  }

  @Override
  public void stopProcess(String namespec, boolean wait) {
    delegate.stopProcess(namespec, wait);
  }

  @Override
  public List<ProcessResult> stopProcessGroup(String group, boolean wait) {
    return delegate.stopProcessGroup(group, wait);
  }

  @Override
  public List<ProcessResult> stopAllProcesses(boolean wait) {
    return delegate.stopAllProcesses(wait);
  }

  @Override
  public void signalProcess(String namespec, String signal) {
    delegate.signalProcess(namespec, signal);
  }

  @Override
  public List<ProcessResult> signalProcessGroup(String group, String signal) {
    return delegate.signalProcessGroup(group, signal);
  }

  @Override
  public List<ProcessResult> signalAllProcesses(String signal) {
    return delegate.signalAllProcesses(signal);
  }

  @Override
  public void sendProcessStdin(String namespec, String chars) {
    delegate.sendProcessStdin(namespec, chars);
  }

  @Override
  public void sendRemoteCommEvent(String type, String data) {
    delegate.sendRemoteCommEvent(type, data);
  }

  @Override
  public byte[] readProcessLog(String namespec, LogStream stream, long offset, long length) {
    return delegate.readProcessLog(namespec, stream, offset, length);
  }

  @Override
  public LogTail tailProcessLog(String namespec, LogStream stream, long offset, long length) {
    return delegate.tailProcessLog(namespec, stream, offset, length);
  }

  @Override
  public void clearProcessLogs(String namespec) {
    delegate.clearProcessLogs(namespec);
  }

  @Override
  public List<ProcessResult> clearAllProcessLogs() {
    return delegate.clearAllProcessLogs();
  }

  @Override
  public LogFollow followProcessLog(
      String namespec, LogStream stream, long historyBytes, LogListener listener) {
    return delegate.followProcessLog(namespec, stream, historyBytes, listener);
  }

  @Override
  public Capabilities capabilities() {
    return delegate.capabilities();
  }

  @Override
  public ChangeBatch waitForChanges(long cursor, Duration timeout) {
    return delegate.waitForChanges(cursor, timeout);
  }

  @Override
  public List<ProcessStats> getProcessStats() {
    return delegate.getProcessStats();
  }
}
