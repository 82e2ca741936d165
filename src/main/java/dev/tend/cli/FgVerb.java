package dev.tend.cli;

import dev.tend.api.ConnectionException;
import dev.tend.api.Fault;
import dev.tend.api.FaultException;
import dev.tend.api.LogStream;
import dev.tend.api.ProcessState;
import dev.tend.api.PythonText;
import dev.tend.api.SupervisorApi;

/**
 * {@code fg name}: shows the process's output as it comes and sends each typed line to its stdin,
 * until Ctrl-C, end of input, or the process stops.
 */
final class FgVerb implements Verb {
  @Override
  public String help() {
    return """
        fg <process>\tConnect to a process in foreground mode
        \t\tCtrl-C to exit
        """;
  }

  @Override
  public Completes completes() {
    return Completes.PROCESSES;
  }

  @Override
  public void run(CtlSession s, String arg) {
    if (!s.upcheck()) {
      return;
    }
    var names = PythonText.split(arg);
    if (names.isEmpty()) {
      s.println("ERROR: no process name supplied");
      s.exit(Lsb.GENERIC);
      s.printHelp(help());
      return;
    }
    if (names.size() > 1) {
      s.println("ERROR: too many process names supplied");
      s.exit(Lsb.GENERIC);
      return;
    }
    String name = names.get(0);
    SupervisorApi api = s.api();
    if (!isRunning(s, api, name, true)) {
      return;
    }
    s.println("==> Press Ctrl-C to exit <==");
    LogStreaming streaming = new LogStreaming(s);
    UserInput.Registration ctrlC = s.input().onInterrupt(streaming::interrupt);
    try {
      open(s, streaming, name, LogStream.STDOUT);
      open(s, streaming, name, LogStream.STDERR);
      forward(s, api, name);
    } finally {
      ctrlC.close();
      streaming.close();
    }
  }

  /** Sends typed lines until the user or the process ends it. */
  private static void forward(CtlSession s, SupervisorApi api, String name) {
    while (true) {
      String line;
      try {
        line = s.input().readLine("");
      } catch (UserInterrupt e) {
        line = null;
      }
      if (line == null) {
        s.println("Exiting foreground");
        return;
      }
      try {
        api.sendProcessStdin(name, line + "\n");
      } catch (FaultException e) {
        s.println(
            e.is(Fault.NOT_RUNNING)
                ? "Process got killed"
                : "ERROR: <Fault " + e.code() + ": " + PythonText.repr(e.faultString()) + ">");
        s.println("Exiting foreground");
        return;
      }
      if (!isRunning(s, api, name, false)) {
        s.println("Process got killed");
        s.println("Exiting foreground");
        return;
      }
    }
  }

  private static boolean isRunning(CtlSession s, SupervisorApi api, String name, boolean report) {
    ProcessState state;
    try {
      state = api.getProcessInfo(name).state();
    } catch (FaultException e) {
      if (!report) {
        throw e;
      }
      if (e.is(Fault.BAD_NAME)) {
        s.println("ERROR: bad process name supplied");
        s.exit(Lsb.GENERIC);
      } else {
        s.println("ERROR: <Fault " + e.code() + ": " + PythonText.repr(e.faultString()) + ">");
      }
      return false;
    }
    if (state != ProcessState.RUNNING && report) {
      s.println("ERROR: process not running");
      s.exit(Lsb.GENERIC);
    }
    return state == ProcessState.RUNNING;
  }

  private static void open(CtlSession s, LogStreaming streaming, String name, LogStream stream) {
    String path = "/logtail/" + name + "/" + stream.word();
    try {
      streaming.add(l -> s.link().logtail(name, stream, l), new LogStreaming.Raw(s, streaming));
    } catch (ConnectionException e) {
      s.errorLine(s.serverurl() + path + " " + LogStreaming.httpClientError(e));
    }
  }
}
