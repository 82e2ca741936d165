package dev.tend.control.server;

import static dev.tend.control.server.RpcMethod.define;
import static dev.tend.control.server.RpcType.ARRAY;
import static dev.tend.control.server.RpcType.BOOLEAN;
import static dev.tend.control.server.RpcType.INT;
import static dev.tend.control.server.RpcType.STRING;

import dev.tend.api.LogStream;
import dev.tend.api.LogTail;
import dev.tend.api.SupervisorApi;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code supervisor.*} methods that read and clear process logs (spec §3.3, §3.5). They answer
 * with strings, as supervisord does; tend clients read the same logs as bytes through {@code
 * tend.*}.
 */
final class LogMethods {
  private LogMethods() {}

  private static final String NAME_DOC = "the name of the process (or 'group:name')";

  static List<RpcMethod> methods(SupervisorApi api) {
    List<RpcMethod> m = new ArrayList<>();
    for (LogStream stream : LogStream.values()) {
      String word = stream == LogStream.STDOUT ? "Stdout" : "Stderr";
      RpcMethod read =
          define(
                  "supervisor.readProcess" + word + "Log",
                  "Read length bytes from name's " + stream.word() + " log starting at offset")
              .param(STRING, "name", NAME_DOC)
              .param(INT, "offset", "offset to start reading from.")
              .param(INT, "length", "number of bytes to read from the log.")
              .returns(STRING, "Bytes of log")
              .does(
                  a ->
                      SupervisorMethods.text(
                          api.readProcessLog(a.string(0), stream, a.integer(1), a.integer(2))));
      RpcMethod tail =
          define("supervisor.tailProcess" + word + "Log", tailHelp(stream))
              .param(STRING, "name", NAME_DOC)
              .param(INT, "offset", "offset to start reading from")
              .param(INT, "length", "maximum number of bytes to return")
              .returns(ARRAY, "[string bytes, int offset, bool overflow]")
              .does(
                  a ->
                      tailResult(
                          api.tailProcessLog(a.string(0), stream, a.integer(1), a.integer(2))));
      m.add(read);
      m.add(tail);
      if (stream == LogStream.STDOUT) {
        m.add(read.alias("supervisor.readProcessLog"));
        m.add(tail.alias("supervisor.tailProcessLog"));
      }
    }
    RpcMethod clear =
        define(
                "supervisor.clearProcessLogs",
                "Clear the stdout and stderr logs for the named process and reopen them.")
            .param(STRING, "name", "The name of the process (or 'group:name')")
            .returns(BOOLEAN, "Always True unless error")
            .does(
                a -> {
                  api.clearProcessLogs(a.string(0));
                  return true;
                });
    m.add(clear);
    m.add(clear.alias("supervisor.clearProcessLog"));
    m.add(
        define("supervisor.clearAllProcessLogs", "Clear all process log files")
            .returns(ARRAY, "An array of process status info structs")
            .does(a -> WireStructs.results(api.clearAllProcessLogs())));
    return m;
  }

  private static String tailHelp(LogStream stream) {
    String w = stream.word();
    return "Provides a more efficient way to tail the ("
        + w
        + ") log than reading it. Requests (length) bytes from the (name)'s log, starting at"
        + " (offset). If the total log size is greater than (offset + length), the overflow flag"
        + " is set and the (offset) is automatically increased to position the buffer at the end"
        + " of the log. If less than (length) bytes are available, the maximum number of"
        + " available bytes will be returned. (offset) returned is always the last offset in the"
        + " log +1.";
  }

  private static List<Object> tailResult(LogTail t) {
    List<Object> out = new ArrayList<>(3);
    out.add(SupervisorMethods.text(t.data()));
    out.add(WireStructs.integer(t.offset()));
    out.add(t.overflow());
    return out;
  }
}
