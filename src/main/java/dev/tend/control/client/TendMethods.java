package dev.tend.control.client;

import static dev.tend.control.client.WireValues.boolMember;
import static dev.tend.control.client.WireValues.stringMember;

import dev.tend.api.ChangeBatch;
import dev.tend.api.Fault;
import dev.tend.api.FaultException;
import dev.tend.api.LineTimes;
import dev.tend.api.LogFollow;
import dev.tend.api.LogListener;
import dev.tend.api.LogStream;
import dev.tend.api.LogTail;
import dev.tend.api.ProcessInfo;
import dev.tend.api.ProcessStats;
import dev.tend.api.SupervisorApi.Capabilities;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** The client side of the {@code tend.*} methods of docs/PROTOCOL.md. */
final class TendMethods {
  /** How long a streaming follow waits for a frame before it takes the server for gone. */
  private static final Duration STREAM_SILENCE = Duration.ofSeconds(60);

  private final XmlRpcClient rpc;
  // Whether the server streams follows (GET /tend/follow); learnt with the capabilities.
  private volatile boolean streamsFollows;

  TendMethods(XmlRpcClient rpc) {
    this.rpc = rpc;
  }

  /** What {@code tend.getCapabilities} answers, or null from a server without it (supervisord). */
  @Nullable Capabilities capabilities() {
    Object v;
    try {
      v = rpc.call("tend.getCapabilities");
    } catch (FaultException e) {
      if (e.is(Fault.UNKNOWN_METHOD)) {
        return null;
      }
      throw e;
    }
    String what = "tend.getCapabilities";
    Map<?, ?> s = WireValues.struct(v, what);
    // a member older daemons lack: they follow by long-poll only
    streamsFollows = s.get("followStream") instanceof Boolean b && b;
    return new Capabilities(
        "tend " + stringMember(s, "version", what),
        boolMember(s, "pushesChanges", what),
        boolMember(s, "processStats", what),
        boolMember(s, "rawLogs", what));
  }

  byte[] readLog(long offset, long length) {
    return WireValues.bytes(rpc.call("tend.readLog", offset, clampInt(length)), "tend.readLog");
  }

  byte[] readProcessLog(String namespec, LogStream stream, long offset, long length) {
    Object v = rpc.call("tend.readProcessLog", namespec, stream.word(), offset, clampInt(length));
    return WireValues.bytes(v, "tend.readProcessLog");
  }

  LogTail tailProcessLog(String namespec, LogStream stream, long offset, long length) {
    Object v = rpc.call("tend.tailProcessLog", namespec, stream.word(), offset, clampInt(length));
    return WireRecords.logTail(v, "tend.tailProcessLog");
  }

  /** One long poll; the read timeout is added to the wait so the server can answer in time. */
  ChangeBatch waitForChanges(long cursor, Duration timeout) {
    int seconds = (int) Math.min(Integer.MAX_VALUE, (timeout.toMillis() + 999) / 1000);
    Duration wait = Duration.ofSeconds(seconds).plus(rpc.settings().readTimeout());
    Object v = rpc.call(wait, "tend.waitForChanges", List.of(Long.toString(cursor), seconds));
    return WireRecords.changeBatch(v, "tend.waitForChanges");
  }

  /** {@code tend.getAllProcessInfo}, or null from a server without it (supervisord). */
  @Nullable List<ProcessInfo> allProcessInfo() {
    Object v;
    try {
      v = rpc.call("tend.getAllProcessInfo");
    } catch (FaultException e) {
      if (e.is(Fault.UNKNOWN_METHOD)) {
        return null;
      }
      throw e;
    }
    return WireRecords.processInfos(v, "tend.getAllProcessInfo");
  }

  List<ProcessStats> processStats() {
    return WireRecords.processStats(rpc.call("tend.getProcessStats"), "tend.getProcessStats");
  }

  LogFollow followProcessLog(
      String namespec, LogStream stream, long historyBytes, LogListener listener) {
    String name = namespec + " " + stream.word();
    if (streamsFollows) {
      long interval = rpc.settings().followInterval().toMillis();
      StreamedLogFollow.Source source =
          (position, history) ->
              rpc.openStream(
                  "/tend/follow?name="
                      + RemoteSupervisor.percentEncode(namespec)
                      + "&stream="
                      + stream.word()
                      + "&position="
                      + RemoteSupervisor.percentEncode(position)
                      + "&history="
                      + Math.max(0, Math.min(Integer.MAX_VALUE, history))
                      + "&interval="
                      + interval
                      + "&times=1",
                  STREAM_SILENCE);
      return new StreamedLogFollow(source, listener, name).start(historyBytes);
    }
    String what = "tend.followProcessLog";
    PushedLogFollow.Source source =
        (position, history, timeoutSeconds) -> {
          Duration wait = Duration.ofSeconds(timeoutSeconds).plus(rpc.settings().readTimeout());
          List<Object> params = List.of(namespec, stream.word(), position, history, timeoutSeconds);
          Map<?, ?> s = WireValues.struct(rpc.call(wait, what, params), what);
          return new PushedLogFollow.Chunk(
              WireValues.bytes(WireValues.member(s, "data", what), what + ".data"),
              stringMember(s, "position", what),
              WireValues.longMember(s, "lost", what),
              timeMarks(s.get("times")));
        };
    return new PushedLogFollow(source, listener, name, rpc.settings().followInterval())
        .start(historyBytes);
  }

  /** The {@code times} member of a first answer: {@code [[offset, millis], ...]}; null if none. */
  private static @Nullable LineTimes timeMarks(@Nullable Object member) {
    if (!(member instanceof List<?> marks)) {
      return null;
    }
    long[] offsets = new long[marks.size()];
    long[] millis = new long[marks.size()];
    for (int i = 0; i < offsets.length; i++) {
      if (!(marks.get(i) instanceof List<?> m)
          || m.size() != 2
          || !(m.get(0) instanceof Number o)
          || !(m.get(1) instanceof Number t)) {
        return null;
      }
      offsets[i] = o.longValue();
      millis[i] = t.longValue();
    }
    try {
      return new LineTimes(offsets, millis, LineTimes.OLDER);
    } catch (IllegalArgumentException e) {
      return null; // marks out of order: no times rather than wrong ones
    }
  }

  /** tend's lengths are {@code int}s; no answer could carry more than 2 GiB anyway. */
  private static int clampInt(long v) {
    return (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, v));
  }
}
