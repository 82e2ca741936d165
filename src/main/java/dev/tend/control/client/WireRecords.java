package dev.tend.control.client;

import static dev.tend.control.client.WireValues.boolMember;
import static dev.tend.control.client.WireValues.intMember;
import static dev.tend.control.client.WireValues.integer;
import static dev.tend.control.client.WireValues.list;
import static dev.tend.control.client.WireValues.longMember;
import static dev.tend.control.client.WireValues.member;
import static dev.tend.control.client.WireValues.string;
import static dev.tend.control.client.WireValues.stringMember;
import static dev.tend.control.client.WireValues.struct;

import dev.tend.api.ChangeBatch;
import dev.tend.api.ConfigInfo;
import dev.tend.api.ConnectionException;
import dev.tend.api.Health;
import dev.tend.api.LogTail;
import dev.tend.api.ProcessInfo;
import dev.tend.api.ProcessResult;
import dev.tend.api.ProcessState;
import dev.tend.api.ProcessStats;
import dev.tend.api.ReloadDiff;
import dev.tend.api.SupervisorState;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The api records built from the structs supervisord (spec §3) and tend (docs/PROTOCOL.md) send.
 */
final class WireRecords {
  private WireRecords() {}

  /** {@code getProcessInfo}'s struct; {@code restarts} and {@code exitsignal} only from tend. */
  static ProcessInfo processInfo(Object v, String what) {
    Map<?, ?> s = struct(v, what);
    int code = intMember(s, "state", what);
    ProcessState state = processState(code);
    Object restarts = s.get("restarts");
    Object exitSignal = s.get("exitsignal");
    Object deps = s.get("dependson");
    return new ProcessInfo(
        stringMember(s, "name", what),
        stringMember(s, "group", what),
        stringMember(s, "description", what),
        longMember(s, "start", what),
        longMember(s, "stop", what),
        longMember(s, "now", what),
        state,
        stringMember(s, "spawnerr", what),
        intMember(s, "exitstatus", what),
        stringMember(s, "stdout_logfile", what),
        stringMember(s, "stderr_logfile", what),
        intMember(s, "pid", what),
        restarts == null ? -1 : integer(restarts, what + ".restarts"),
        exitSignal == null ? 0 : integer(exitSignal, what + ".exitsignal"),
        health(s, what),
        optionalString(s, "reason", what),
        deps == null ? List.of() : strings(deps, what + ".dependson"));
  }

  /** tend's health members; {@link Health#NONE} from a server that does not send them. */
  private static Health health(Map<?, ?> s, String what) {
    Object status = s.get("health");
    if (status == null) {
      return Health.NONE;
    }
    Object checked = s.get("healthchecked");
    Object failures = s.get("healthfailures");
    return new Health(
        Health.Status.ofWord(string(status, what + ".health")),
        checked == null ? 0 : integer(checked, what + ".healthchecked"),
        optionalString(s, "healthmessage", what),
        failures == null ? 0 : integer(failures, what + ".healthfailures"));
  }

  private static String optionalString(Map<?, ?> s, String key, String what) {
    Object v = s.get(key);
    return v == null ? "" : string(v, what + "." + key);
  }

  /** A state code this client does not know (a newer server) reads as UNKNOWN. */
  private static ProcessState processState(int code) {
    for (ProcessState s : ProcessState.values()) {
      if (s.code() == code) {
        return s;
      }
    }
    return ProcessState.UNKNOWN;
  }

  static List<ProcessInfo> processInfos(Object v, String what) {
    List<?> items = list(v, what);
    List<ProcessInfo> out = new ArrayList<>(items.size());
    for (int i = 0; i < items.size(); i++) {
      out.add(processInfo(items.get(i), what + "[" + i + "]"));
    }
    return out;
  }

  static SupervisorState supervisorState(Object v, String what) {
    int code = intMember(struct(v, what), "statecode", what);
    return supervisorState(code, what);
  }

  static SupervisorState supervisorState(int code, String what) {
    for (SupervisorState s : SupervisorState.values()) {
      if (s.code() == code) {
        return s;
      }
    }
    throw new ConnectionException(
        ConnectionException.Kind.PROTOCOL, what + ": no supervisor state has code " + code);
  }

  static List<ProcessResult> processResults(Object v, String what) {
    List<?> items = list(v, what);
    List<ProcessResult> out = new ArrayList<>(items.size());
    for (int i = 0; i < items.size(); i++) {
      String w = what + "[" + i + "]";
      Map<?, ?> s = struct(items.get(i), w);
      out.add(
          new ProcessResult(
              stringMember(s, "name", w),
              stringMember(s, "group", w),
              intMember(s, "status", w),
              stringMember(s, "description", w)));
    }
    return out;
  }

  /** {@code reloadConfig}'s {@code [[added, changed, removed]]} (note the extra nesting). */
  static ReloadDiff reloadDiff(Object v, String what) {
    List<?> outer = list(v, what);
    if (outer.size() != 1) {
      throw WireValues.unexpected(what, "[[added, changed, removed]]", v);
    }
    List<?> inner = list(outer.get(0), what + "[0]");
    if (inner.size() != 3) {
      throw WireValues.unexpected(what + "[0]", "[added, changed, removed]", inner);
    }
    return new ReloadDiff(
        strings(inner.get(0), what + " added"),
        strings(inner.get(1), what + " changed"),
        strings(inner.get(2), what + " removed"));
  }

  static List<String> strings(Object v, String what) {
    List<?> items = list(v, what);
    List<String> out = new ArrayList<>(items.size());
    for (Object item : items) {
      out.add(string(item, what));
    }
    return out;
  }

  /**
   * {@code [data, offset, overflow]}: data is a string from supervisord (its UTF-8 bytes are what
   * the file held) and base64 from tend.
   */
  static LogTail logTail(Object v, String what) {
    List<?> parts = list(v, what);
    if (parts.size() != 3) {
      throw WireValues.unexpected(what, "[data, offset, overflow]", v);
    }
    return new LogTail(
        logBytes(parts.get(0), what + "[0]"),
        WireValues.integer64(parts.get(1), what + "[1]"),
        WireValues.bool(parts.get(2), what + "[2]"));
  }

  static byte[] logBytes(Object v, String what) {
    if (v instanceof byte[] b) {
      return b;
    }
    return string(v, what).getBytes(StandardCharsets.UTF_8);
  }

  static List<ProcessStats> processStats(Object v, String what) {
    List<?> items = list(v, what);
    List<ProcessStats> out = new ArrayList<>(items.size());
    for (int i = 0; i < items.size(); i++) {
      String w = what + "[" + i + "]";
      Map<?, ?> s = struct(items.get(i), w);
      Object cpu = member(s, "cpu", w);
      if (!(cpu instanceof Double percent)) {
        throw WireValues.unexpected(w + ".cpu", "a double", cpu);
      }
      out.add(
          new ProcessStats(
              stringMember(s, "name", w),
              intMember(s, "pid", w),
              percent,
              longMember(s, "rss", w),
              intMember(s, "processes", w)));
    }
    return out;
  }

  /** {@code tend.waitForChanges}'s struct; its cursor is a decimal string. */
  static ChangeBatch changeBatch(Object v, String what) {
    Map<?, ?> s = struct(v, what);
    return new ChangeBatch(
        cursor(stringMember(s, "cursor", what), what),
        boolMember(s, "full", what),
        supervisorState(intMember(s, "state", what), what),
        processInfos(member(s, "processes", what), what + ".processes"),
        strings(member(s, "removed", what), what + ".removed"));
  }

  static long cursor(String text, String what) {
    try {
      long c = Long.parseLong(text);
      if (c >= 0) {
        return c;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw WireValues.unexpected(what + ".cursor", "a non-negative decimal", text);
  }

  static ConfigInfo configInfo(Object v, String what) {
    Map<?, ?> s = struct(v, what);
    return new ConfigInfo(
        stringMember(s, "name", what),
        stringMember(s, "group", what),
        boolMember(s, "inuse", what),
        boolMember(s, "autostart", what),
        noneAsNull(stringMember(s, "directory", what)),
        uid(member(s, "uid", what), what),
        stringMember(s, "command", what),
        integers(member(s, "exitcodes", what), what + ".exitcodes"),
        intMember(s, "group_prio", what),
        intMember(s, "process_prio", what),
        boolMember(s, "killasgroup", what),
        boolMember(s, "redirect_stderr", what),
        intMember(s, "startretries", what),
        intMember(s, "startsecs", what),
        intMember(s, "stopsignal", what),
        intMember(s, "stopwaitsecs", what),
        stringMember(s, "serverurl", what),
        stream(s, "stdout", what),
        stream(s, "stderr", what));
  }

  private static ConfigInfo.StreamConfigInfo stream(Map<?, ?> s, String prefix, String what) {
    return new ConfigInfo.StreamConfigInfo(
        stringMember(s, prefix + "_logfile", what),
        longMember(s, prefix + "_logfile_maxbytes", what),
        intMember(s, prefix + "_logfile_backups", what),
        longMember(s, prefix + "_capture_maxbytes", what),
        boolMember(s, prefix + "_events_enabled", what),
        boolMember(s, prefix + "_syslog", what));
  }

  private static @Nullable String noneAsNull(String s) {
    return s.equals("none") ? null : s;
  }

  private static @Nullable Integer uid(Object v, String what) {
    if (v instanceof String s && s.equals("none")) {
      return null;
    }
    return integer(v, what + ".uid");
  }

  private static List<Integer> integers(Object v, String what) {
    List<?> items = list(v, what);
    List<Integer> out = new ArrayList<>(items.size());
    for (Object item : items) {
      out.add(integer(item, what));
    }
    return out;
  }
}
