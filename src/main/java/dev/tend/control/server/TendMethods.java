package dev.tend.control.server;

import static dev.tend.control.server.RpcMethod.define;
import static dev.tend.control.server.RpcType.ARRAY;
import static dev.tend.control.server.RpcType.BASE64;
import static dev.tend.control.server.RpcType.I8;
import static dev.tend.control.server.RpcType.INT;
import static dev.tend.control.server.RpcType.STRING;
import static dev.tend.control.server.RpcType.STRUCT;

import dev.tend.api.Fault;
import dev.tend.api.FaultException;
import dev.tend.api.LineTimes;
import dev.tend.api.LogStream;
import dev.tend.api.LogTail;
import dev.tend.api.ProcessStats;
import dev.tend.api.SupervisorApi;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * tend's own namespace, for what supervisord's API lacks: pushed changes (long-poll), process
 * statistics, and log reads as base64 so every byte arrives intact (docs/PROTOCOL.md). A client
 * calls {@code tend.getCapabilities} first and falls back to {@code supervisor.*} on
 * UNKNOWN_METHOD. 64-bit values travel as {@code <i8>}.
 */
final class TendMethods {
  /** The longest a waiting call is held, whatever the client asks. */
  static final Duration MAX_WAIT = Duration.ofSeconds(60);

  private TendMethods() {}

  private static final String NAME_DOC = "the name of the process (or 'group:name')";
  private static final String STREAM_DOC = "'stdout' or 'stderr'";

  static List<RpcMethod> methods(SupervisorApi api, FollowSessions follows) {
    List<RpcMethod> m = new ArrayList<>();
    m.add(
        define("tend.getCapabilities", "What this server offers beyond supervisord's API")
            .returns(STRUCT, "{version, pushesChanges, processStats, rawLogs, followStream}")
            .does(a -> capabilities(api)));
    m.add(
        define(
                "tend.waitForChanges",
                "Wait for process changes after a cursor and return them. The first call passes"
                    + " cursor '0' and gets every process (full is true); each answer carries the"
                    + " cursor for the next call. Waits at most "
                    + MAX_WAIT.toSeconds()
                    + " seconds; an empty answer means nothing changed.")
            .param(STRING, "cursor", "decimal cursor from the previous answer, '0' at first")
            .param(INT, "timeoutSeconds", "how long to wait for a change")
            .returns(STRUCT, "{cursor, full, state, processes, removed}")
            .longPoll()
            .does(
                a ->
                    WireStructs.changes(
                        api.waitForChanges(cursor(a.string(0)), waitFor(a.integer(1))))));
    m.add(
        define(
                "tend.getAllProcessInfo",
                "supervisor.getAllProcessInfo with what only tend reports: restarts, exit signal,"
                    + " health, the reason a process waits, its dependencies")
            .returns(ARRAY, "An array of process info structs")
            .does(a -> WireStructs.tendProcessInfos(api.getAllProcessInfo())));
    m.add(
        define(
                "tend.getProcessStats",
                "CPU and memory of every running process, its descendants included")
            .returns(ARRAY, "An array of {name, pid, cpu, rss, processes}")
            .does(
                a -> {
                  List<Object> out = new ArrayList<>();
                  for (ProcessStats s : api.getProcessStats()) {
                    out.add(WireStructs.stats(s));
                  }
                  return out;
                }));
    logs(api, follows, m);
    return m;
  }

  private static void logs(SupervisorApi api, FollowSessions follows, List<RpcMethod> m) {
    m.add(
        define("tend.readLog", "supervisor.readLog, as bytes")
            .param(I8, "offset", "offset to start reading from")
            .param(INT, "length", "number of bytes to read")
            .returns(BASE64, "Bytes of log")
            .does(a -> api.readLog(a.i8(0), a.integer(1))));
    m.add(
        define("tend.readProcessLog", "supervisor.readProcessStdoutLog/StderrLog, as bytes")
            .param(STRING, "name", NAME_DOC)
            .param(STRING, "stream", STREAM_DOC)
            .param(I8, "offset", "offset to start reading from")
            .param(INT, "length", "number of bytes to read")
            .returns(BASE64, "Bytes of log")
            .does(
                a -> api.readProcessLog(a.string(0), stream(a.string(1)), a.i8(2), a.integer(3))));
    m.add(
        define("tend.tailProcessLog", "supervisor.tailProcessStdoutLog/StderrLog, as bytes")
            .param(STRING, "name", NAME_DOC)
            .param(STRING, "stream", STREAM_DOC)
            .param(I8, "offset", "offset to start reading from")
            .param(INT, "length", "maximum number of bytes to return")
            .returns(ARRAY, "[base64 bytes, i8 offset, bool overflow]")
            .does(
                a -> {
                  LogTail t =
                      api.tailProcessLog(a.string(0), stream(a.string(1)), a.i8(2), a.integer(3));
                  List<Object> out = new ArrayList<>(3);
                  out.add(t.data());
                  out.add(t.offset());
                  out.add(t.overflow());
                  return out;
                }));
    m.add(follow(follows));
  }

  private static RpcMethod follow(FollowSessions follows) {
    return define(
            "tend.followProcessLog",
            "Follow a process log by long-poll. The first call passes position '' and gets up"
                + " to historyBytes of what the log holds; each answer carries the position"
                + " for the next call, which waits for new bytes. lost counts bytes that were"
                + " dropped before data (-1: an unknown number).")
        .param(STRING, "name", NAME_DOC)
        .param(STRING, "stream", STREAM_DOC)
        .param(STRING, "position", "from the previous answer, '' at first")
        .param(INT, "historyBytes", "bytes of history on the first call")
        .param(INT, "timeoutSeconds", "how long to wait for new bytes")
        .returns(
            STRUCT,
            "{data (base64), position, lost (i8)}; the first answer also times (array of"
                + " [offset, epoch millis]) when it is the history")
        .longPoll()
        .does(
            a -> {
              FollowSessions.Chunk c =
                  follows.follow(
                      a.string(0),
                      stream(a.string(1)),
                      a.string(2),
                      a.integer(3),
                      waitFor(a.integer(4)));
              Map<String, Object> s = new LinkedHashMap<>(4);
              s.put("data", c.data());
              s.put("position", c.position());
              s.put("lost", c.lost());
              LineTimes times = c.times();
              if (times != null) {
                s.put("times", timeMarks(times));
              }
              return s;
            });
  }

  /** {@code [[offset, millis], ...]}: when the history's bytes arrived (docs/PROTOCOL.md). */
  static List<List<Long>> timeMarks(LineTimes times) {
    long[] offsets = times.offsets();
    long[] millis = times.millis();
    List<List<Long>> marks = new ArrayList<>(offsets.length);
    for (int i = 0; i < offsets.length; i++) {
      marks.add(List.of(offsets[i], millis[i]));
    }
    return marks;
  }

  private static Map<String, Object> capabilities(SupervisorApi api) {
    SupervisorApi.Capabilities c = api.capabilities();
    String version = c.server().startsWith("tend ") ? c.server().substring(5) : c.server();
    Map<String, Object> s = new LinkedHashMap<>(8);
    s.put("version", version);
    s.put("pushesChanges", c.pushesChanges());
    s.put("processStats", c.processStats());
    s.put("rawLogs", c.rawLogs());
    s.put("followStream", c.rawLogs()); // GET /tend/follow, over the same follows
    return s;
  }

  static LogStream stream(String word) {
    return switch (word) {
      case "stdout" -> LogStream.STDOUT;
      case "stderr" -> LogStream.STDERR;
      default ->
          throw new FaultException(
              Fault.BAD_ARGUMENTS, "stream must be 'stdout' or 'stderr', got '" + clip(word) + "'");
    };
  }

  private static long cursor(String text) {
    if (text.isEmpty()) {
      return 0;
    }
    if (text.length() <= 18 && text.chars().allMatch(c -> c >= '0' && c <= '9')) {
      return Long.parseLong(text);
    }
    throw new FaultException(
        Fault.BAD_ARGUMENTS, "cursor must be a decimal number, got '" + clip(text) + "'");
  }

  private static Duration waitFor(int seconds) {
    return Duration.ofSeconds(Math.max(0, Math.min(seconds, MAX_WAIT.toSeconds())));
  }

  private static String clip(String s) {
    return s.length() <= 40 ? s : s.substring(0, 40) + "...";
  }
}
