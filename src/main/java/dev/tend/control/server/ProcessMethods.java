package dev.tend.control.server;

import static dev.tend.control.server.RpcMethod.define;
import static dev.tend.control.server.RpcType.ARRAY;
import static dev.tend.control.server.RpcType.BOOLEAN;
import static dev.tend.control.server.RpcType.SIGNAL;
import static dev.tend.control.server.RpcType.STRING;
import static dev.tend.control.server.RpcType.STRUCT;

import dev.tend.api.Fault;
import dev.tend.api.FaultException;
import dev.tend.api.ProcessResult;
import dev.tend.api.SupervisorApi;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * The {@code supervisor.*} methods that inspect and control processes (spec §3.3). A {@code
 * group:*} or {@code group:} name given to startProcess, stopProcess or signalProcess acts on the
 * whole group and answers with its result array, as supervisord does.
 */
final class ProcessMethods {
  private ProcessMethods() {}

  private static final String NAME_DOC = "Process name (or ``group:name``, or ``group:*``)";

  static List<RpcMethod> methods(SupervisorApi api) {
    List<RpcMethod> m = new ArrayList<>();
    m.add(
        define("supervisor.getProcessInfo", "Get info about a process named name")
            .param(STRING, "name", "The name of the process (or 'group:name')")
            .returns(STRUCT, "A structure containing data about the process")
            .does(a -> WireStructs.processInfo(api.getProcessInfo(a.string(0)))));
    m.add(
        define("supervisor.getAllProcessInfo", "Get info about all processes")
            .returns(ARRAY, "An array of process status results")
            .does(a -> WireStructs.processInfos(api.getAllProcessInfo())));
    starting(api, m);
    stopping(api, m);
    signalling(api, m);
    m.add(
        define(
                "supervisor.sendProcessStdin",
                "Send a string of chars to the stdin of the process name. Non-ASCII text is sent"
                    + " UTF-8 encoded. Faults with NOT_RUNNING if the process is not running, and"
                    + " with NO_FILE if its stdin cannot accept input (the child closed it).")
            .param(STRING, "name", "The process name to send to (or 'group:name')")
            .param(STRING, "chars", "The character data to send to the process")
            .returns(BOOLEAN, "Always return True unless error")
            .does(
                a -> {
                  api.sendProcessStdin(a.string(0), a.string(1));
                  return true;
                }));
    return m;
  }

  private static void starting(SupervisorApi api, List<RpcMethod> m) {
    m.add(
        define("supervisor.startProcess", "Start a process")
            .param(STRING, "name", NAME_DOC)
            .optional(BOOLEAN, "wait", "Wait for process to be fully started", true)
            .returns(BOOLEAN, "Always true unless error")
            .does(
                a ->
                    groupOrProcess(
                        a.string(0),
                        group -> api.startProcessGroup(group, a.bool(1)),
                        name -> api.startProcess(name, a.bool(1)))));
    m.add(
        define("supervisor.startProcessGroup", "Start all processes in the group named 'name'")
            .param(STRING, "name", "The group name")
            .optional(BOOLEAN, "wait", "Wait for each process to be fully started", true)
            .returns(ARRAY, "An array of process status info structs")
            .does(a -> WireStructs.results(api.startProcessGroup(a.string(0), a.bool(1)))));
    m.add(
        define(
                "supervisor.startAllProcesses",
                "Start all processes listed in the configuration file")
            .optional(BOOLEAN, "wait", "Wait for each process to be fully started", true)
            .returns(ARRAY, "An array of process status info structs")
            .does(a -> WireStructs.results(api.startAllProcesses(a.bool(0)))));
  }

  private static void stopping(SupervisorApi api, List<RpcMethod> m) {
    m.add(
        define("supervisor.stopProcess", "Stop a process named by name")
            .param(STRING, "name", "The name of the process to stop (or 'group:name')")
            .optional(BOOLEAN, "wait", "Wait for the process to be fully stopped", true)
            .returns(BOOLEAN, "Always return True unless error")
            .does(
                a ->
                    groupOrProcess(
                        a.string(0),
                        group -> api.stopProcessGroup(group, a.bool(1)),
                        name -> api.stopProcess(name, a.bool(1)))));
    m.add(
        define(
                "supervisor.stopProcessGroup",
                "Stop all processes in the process group named 'name'")
            .param(STRING, "name", "The group name")
            .optional(BOOLEAN, "wait", "Wait for each process to be fully stopped", true)
            .returns(ARRAY, "An array of process status info structs")
            .does(a -> WireStructs.results(api.stopProcessGroup(a.string(0), a.bool(1)))));
    m.add(
        define("supervisor.stopAllProcesses", "Stop all processes in the process list")
            .optional(BOOLEAN, "wait", "Wait for each process to be fully stopped", true)
            .returns(ARRAY, "An array of process status info structs")
            .does(a -> WireStructs.results(api.stopAllProcesses(a.bool(0)))));
  }

  private static void signalling(SupervisorApi api, List<RpcMethod> m) {
    String signalDoc = "Signal to send, as name ('HUP') or number ('1')";
    m.add(
        define(
                "supervisor.signalProcess",
                "Send an arbitrary UNIX signal to the process named by name")
            .param(STRING, "name", "Name of the process to signal (or 'group:name')")
            .param(SIGNAL, "signal", signalDoc)
            .returns(BOOLEAN, "Always return True unless error")
            .does(
                a ->
                    groupOrProcess(
                        a.string(0),
                        group -> api.signalProcessGroup(group, a.string(1)),
                        name -> api.signalProcess(name, a.string(1)))));
    m.add(
        define(
                "supervisor.signalProcessGroup",
                "Send a signal to all processes in the group named 'name'")
            .param(STRING, "name", "The group name")
            .param(SIGNAL, "signal", signalDoc)
            .returns(ARRAY, "An array of process status info structs")
            .does(a -> WireStructs.results(api.signalProcessGroup(a.string(0), a.string(1)))));
    m.add(
        define(
                "supervisor.signalAllProcesses",
                "Send a signal to all processes in the process list")
            .param(SIGNAL, "signal", signalDoc)
            .returns(ARRAY, "An array of process status info structs")
            .does(a -> WireStructs.results(api.signalAllProcesses(a.string(0)))));
  }

  /** The group of a {@code group:*} or {@code group:} spec, or null for a single process. */
  static @Nullable String groupOf(String namespec) {
    int colon = namespec.indexOf(':');
    if (colon < 0) {
      return null;
    }
    String process = namespec.substring(colon + 1);
    return process.isEmpty() || process.equals("*") ? namespec.substring(0, colon) : null;
  }

  /**
   * supervisord's startProcess, stopProcess and signalProcess: a {@code group:*} or {@code group:}
   * spec acts on the whole group and answers its results, a missing group named as the caller wrote
   * it ({@code g:*}); a process name acts on that process and answers true.
   */
  private static Object groupOrProcess(
      String spec, Function<String, List<ProcessResult>> onGroup, Consumer<String> onProcess) {
    String group = groupOf(spec);
    if (group == null) {
      onProcess.accept(spec);
      return true;
    }
    try {
      return WireStructs.results(onGroup.apply(group));
    } catch (FaultException e) {
      if (e.is(Fault.BAD_NAME)) {
        throw new FaultException(Fault.BAD_NAME, spec);
      }
      throw e;
    }
  }
}
