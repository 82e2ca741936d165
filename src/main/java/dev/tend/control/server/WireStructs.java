package dev.tend.control.server;

import dev.tend.api.ChangeBatch;
import dev.tend.api.ConfigInfo;
import dev.tend.api.ProcessInfo;
import dev.tend.api.ProcessResult;
import dev.tend.api.ProcessStats;
import dev.tend.api.SupervisorState;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The api records as the structs supervisord 4.2.5 sends: the same member names, in the same order
 * (Python's dict insertion order, which its marshaller keeps), with the same XML-RPC types.
 */
final class WireStructs {
  private WireStructs() {}

  /** {@code getProcessInfo} (spec §3.4). */
  static Map<String, Object> processInfo(ProcessInfo p) {
    Map<String, Object> s = new LinkedHashMap<>(20);
    s.put("name", p.name());
    s.put("group", p.group());
    s.put("start", capped(p.start()));
    s.put("stop", capped(p.stop()));
    s.put("now", capped(p.now()));
    s.put("state", p.state().code());
    s.put("statename", p.statename());
    s.put("spawnerr", p.spawnerr());
    s.put("exitstatus", p.exitstatus());
    s.put("logfile", p.stdoutLogfile()); // supervisord's backward-compatible alias
    s.put("stdout_logfile", p.stdoutLogfile());
    s.put("stderr_logfile", p.stderrLogfile());
    s.put("pid", p.pid());
    s.put("description", p.description());
    return s;
  }

  /**
   * The §3.4 struct plus what only tend reports (docs/PROTOCOL.md): restarts, exit signal, health,
   * the reason it waits, its dependencies.
   */
  static Map<String, Object> tendProcessInfo(ProcessInfo p) {
    Map<String, Object> s = processInfo(p);
    s.put("restarts", p.restarts());
    s.put("exitsignal", p.exitSignal());
    s.put("health", p.health().status().word());
    s.put("healthchecked", capped(p.health().checked()));
    s.put("healthmessage", p.health().message());
    s.put("healthfailures", p.health().failures());
    s.put("reason", p.reason());
    s.put("dependson", new ArrayList<Object>(p.dependsOn()));
    return s;
  }

  static List<Object> tendProcessInfos(List<ProcessInfo> infos) {
    List<Object> out = new ArrayList<>(infos.size());
    for (ProcessInfo p : infos) {
      out.add(tendProcessInfo(p));
    }
    return out;
  }

  static List<Object> processInfos(List<ProcessInfo> infos) {
    List<Object> out = new ArrayList<>(infos.size());
    for (ProcessInfo p : infos) {
      out.add(processInfo(p));
    }
    return out;
  }

  /** One entry of a group or "all" operation's answer (spec §3.6). */
  static Map<String, Object> result(ProcessResult r) {
    Map<String, Object> s = new LinkedHashMap<>(8);
    s.put("name", r.name());
    s.put("group", r.group());
    s.put("status", r.status());
    s.put("description", r.description());
    return s;
  }

  static List<Object> results(List<ProcessResult> results) {
    List<Object> out = new ArrayList<>(results.size());
    for (ProcessResult r : results) {
      out.add(result(r));
    }
    return out;
  }

  static Map<String, Object> state(SupervisorState state) {
    Map<String, Object> s = new LinkedHashMap<>(4);
    s.put("statecode", state.code());
    s.put("statename", state.name());
    return s;
  }

  /** {@code getAllConfigInfo}'s struct: 4.2.5's keys; None as {@code 'none'}. */
  static Map<String, Object> configInfo(ConfigInfo c) {
    Map<String, Object> s = new LinkedHashMap<>(48);
    s.put("autostart", c.autostart());
    s.put("directory", orNone(c.directory()));
    s.put("uid", c.uid() == null ? "none" : c.uid());
    s.put("command", c.command());
    s.put("exitcodes", new ArrayList<Object>(c.exitcodes()));
    s.put("group", c.group());
    s.put("group_prio", c.groupPrio());
    s.put("inuse", c.inuse());
    s.put("killasgroup", c.killasgroup());
    s.put("name", c.name());
    s.put("process_prio", c.processPrio());
    s.put("redirect_stderr", c.redirectStderr());
    s.put("startretries", c.startretries());
    s.put("startsecs", c.startsecs());
    stream(s, "stdout", c.stdout());
    s.put("stopsignal", c.stopsignal());
    s.put("stopwaitsecs", c.stopwaitsecs());
    stream(s, "stderr", c.stderr());
    s.put("serverurl", c.serverurl());
    return s;
  }

  private static void stream(Map<String, Object> s, String prefix, ConfigInfo.StreamConfigInfo c) {
    s.put(prefix + "_capture_maxbytes", integer(c.captureMaxbytes()));
    s.put(prefix + "_events_enabled", c.eventsEnabled());
    s.put(prefix + "_logfile", c.logfile());
    s.put(prefix + "_logfile_backups", c.logfileBackups());
    s.put(prefix + "_logfile_maxbytes", integer(c.logfileMaxbytes()));
    s.put(prefix + "_syslog", c.syslog());
  }

  /** {@code tend.waitForChanges}'s answer; the cursor travels as a decimal string. */
  static Map<String, Object> changes(ChangeBatch b) {
    Map<String, Object> s = new LinkedHashMap<>(8);
    s.put("cursor", Long.toString(b.cursor()));
    s.put("full", b.full());
    s.put("state", b.state().code());
    List<Object> infos = new ArrayList<>(b.processes().size());
    for (ProcessInfo p : b.processes()) {
      infos.add(tendProcessInfo(p));
    }
    s.put("processes", infos);
    s.put("removed", new ArrayList<Object>(b.removed()));
    return s;
  }

  static Map<String, Object> stats(ProcessStats p) {
    Map<String, Object> s = new LinkedHashMap<>(8);
    s.put("name", p.namespec());
    s.put("pid", p.pid());
    s.put("cpu", p.cpuPercent());
    s.put("rss", p.rssBytes());
    s.put("processes", p.processCount());
    return s;
  }

  private static Object orNone(@Nullable String value) {
    return value == null ? "none" : value;
  }

  /** Epoch seconds as XML-RPC's int, saturated as supervisord's capped_int does. */
  static int capped(long value) {
    return (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, value));
  }

  /**
   * An int when it fits, as supervisord sends it; an i8 beyond (where supervisord's marshaller
   * would fail the whole call).
   */
  static Object integer(long value) {
    return value >= Integer.MIN_VALUE && value <= Integer.MAX_VALUE ? (Object) (int) value : value;
  }
}
