package dev.tend.control.server;

import static dev.tend.control.server.RpcMethod.define;
import static dev.tend.control.server.RpcType.ARRAY;
import static dev.tend.control.server.RpcType.BOOLEAN;
import static dev.tend.control.server.RpcType.INT;
import static dev.tend.control.server.RpcType.STRING;
import static dev.tend.control.server.RpcType.STRUCT;

import dev.tend.api.ConfigInfo;
import dev.tend.api.ReloadDiff;
import dev.tend.api.SupervisorApi;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code supervisor.*} methods about the supervisor itself and its configuration (spec §3.3),
 * with supervisord's names, aliases and help, over {@link SupervisorApi}.
 */
final class SupervisorMethods {
  private SupervisorMethods() {}

  static List<RpcMethod> methods(SupervisorApi api) {
    List<RpcMethod> m = new ArrayList<>();
    RpcMethod apiVersion =
        define("supervisor.getAPIVersion", "Return the version of the RPC API used by supervisord")
            .returns(STRING, "version id")
            .does(a -> api.getAPIVersion());
    m.add(apiVersion);
    m.add(apiVersion.alias("supervisor.getVersion"));
    m.add(
        define(
                "supervisor.getSupervisorVersion",
                "Return the version of the supervisor package in use by supervisord")
            .returns(STRING, "version id")
            .does(a -> api.getSupervisorVersion()));
    m.add(
        define("supervisor.getIdentification", "Return identifying string of supervisord")
            .returns(STRING, "identifier identifying string")
            .does(a -> api.getIdentification()));
    m.add(
        define("supervisor.getState", "Return current state of supervisord as a struct")
            .returns(STRUCT, "A struct with keys int statecode, string statename")
            .does(a -> WireStructs.state(api.getState())));
    m.add(
        define("supervisor.getPID", "Return the PID of supervisord")
            .returns(INT, "PID")
            .does(a -> api.getPID()));
    mainLogAndLifecycle(api, m);
    configuration(api, m);
    return m;
  }

  private static void mainLogAndLifecycle(SupervisorApi api, List<RpcMethod> m) {
    RpcMethod readLog =
        define("supervisor.readLog", "Read length bytes from the main log starting at offset")
            .param(INT, "offset", "offset to start reading from.")
            .param(INT, "length", "number of bytes to read from the log.")
            .returns(STRING, "Bytes of log")
            .does(a -> text(api.readLog(a.integer(0), a.integer(1))));
    m.add(readLog);
    m.add(readLog.alias("supervisor.readMainLog"));
    m.add(
        define("supervisor.clearLog", "Clear the main log.")
            .returns(BOOLEAN, "always returns True unless error")
            .does(
                a -> {
                  api.clearLog();
                  return true;
                }));
    m.add(
        define("supervisor.shutdown", "Shut down the supervisor process")
            .returns(BOOLEAN, "always returns True unless error")
            .does(
                a -> {
                  api.shutdown();
                  return true;
                }));
    m.add(
        define("supervisor.restart", "Restart the supervisor process")
            .returns(BOOLEAN, "always return True unless error")
            .does(
                a -> {
                  api.restart();
                  return true;
                }));
  }

  private static void configuration(SupervisorApi api, List<RpcMethod> m) {
    m.add(
        define(
                "supervisor.reloadConfig",
                "Reload the configuration.\n\n"
                    + "The result holds three arrays of process group names: `added` (groups new"
                    + " in the configuration), `changed` (groups whose settings changed) and"
                    + " `removed` (groups no longer in the configuration).")
            .returns(ARRAY, "[[added, changed, removed]]")
            .does(a -> reloadResult(api.reloadConfig())));
    m.add(
        define(
                "supervisor.addProcessGroup",
                "Update the config for a running process from config file.")
            .param(STRING, "name", "name of process group to add")
            .returns(BOOLEAN, "true if successful")
            .does(
                a -> {
                  api.addProcessGroup(a.string(0));
                  return true;
                }));
    m.add(
        define(
                "supervisor.removeProcessGroup",
                "Remove a stopped process from the active configuration.")
            .param(STRING, "name", "name of process group to remove")
            .returns(BOOLEAN, "Indicates whether the removal was successful")
            .does(
                a -> {
                  api.removeProcessGroup(a.string(0));
                  return true;
                }));
    m.add(
        define(
                "supervisor.getAllConfigInfo",
                "Get info about all available process configurations. Each struct represents a"
                    + " single process (i.e. groups get flattened).")
            .returns(ARRAY, "An array of process config info structs")
            .does(
                a -> {
                  List<Object> out = new ArrayList<>();
                  for (ConfigInfo c : api.getAllConfigInfo()) {
                    out.add(WireStructs.configInfo(c));
                  }
                  return out;
                }));
    m.add(
        define(
                "supervisor.sendRemoteCommEvent",
                "Send an event that will be received by event listener subprocesses subscribing"
                    + " to the RemoteCommunicationEvent.")
            .param(STRING, "type", "String for the \"type\" key in the event header")
            .param(STRING, "data", "Data for the event body")
            .returns(BOOLEAN, "Always return True unless error")
            .does(
                a -> {
                  api.sendRemoteCommEvent(a.string(0), a.string(1));
                  return true;
                }));
  }

  /** The extra nesting is supervisord's: it cannot return an array of more than one element. */
  private static List<Object> reloadResult(ReloadDiff d) {
    List<Object> inner =
        List.of(
            new ArrayList<Object>(d.added()),
            new ArrayList<Object>(d.changed()),
            new ArrayList<Object>(d.removed()));
    return List.of(inner);
  }

  /**
   * Log bytes as the string supervisord's API returns. supervisord decodes strictly and answers
   * HTTP 500 for a read that splits a multi-byte character or holds invalid UTF-8; here each bad
   * sequence becomes U+FFFD, and the encoder replaces characters XML cannot carry.
   */
  static String text(byte[] bytes) {
    return new String(bytes, StandardCharsets.UTF_8);
  }
}
