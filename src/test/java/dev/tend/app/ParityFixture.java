package dev.tend.app;

import dev.tend.api.FaultException;
import dev.tend.api.ProcessInfo;
import dev.tend.api.ProcessState;
import dev.tend.api.SupervisorApi;
import dev.tend.testing.Await;
import dev.tend.testing.RealSupervisord;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The programs the parity tests run: each state a status line can show, a group, numprocs, logs
 * with known contents, a name longer than the status column.
 */
final class ParityFixture {
  static final List<String> VERBS =
      List.of(
          "add",
          "avail",
          "clear",
          "exit",
          "fg",
          "maintail",
          "open",
          "pid",
          "quit",
          "reload",
          "remove",
          "reread",
          "restart",
          "shutdown",
          "signal",
          "start",
          "status",
          "stop",
          "tail",
          "update",
          "version");

  private ParityFixture() {}

  static RealSupervisord configure(RealSupervisord sd) {
    Path logs = sd.logDir();
    // startsecs=0: a start is done at once, and the tests restart a lot
    return sd.program("cat", "command=/bin/cat", "startsecs=0")
        .program("sleeper", "command=sleep 1000", "autostart=false", "startsecs=0")
        // exits at once; a long startsecs keeps it "too quick" however late a loaded supervisord
        // reaps it (with startsecs=1 a late reap made supervisord answer ABNORMAL_TERMINATION)
        .program("quick", "command=/bin/true", "startretries=0", "startsecs=30")
        .program(
            "echoer",
            "command=sh -c 'printf \"line one\\nline two\\n\"; printf \"err one\\n\" >&2;"
                + " exec sleep 1000'")
        .program(
            "multi",
            "command=sleep 1000",
            "startsecs=0",
            "numprocs=2",
            "process_name=%(program_name)s_%(process_num)d",
            "stdout_logfile=" + logs.resolve("multi_%(process_num)d-stdout.log"),
            "stderr_logfile=" + logs.resolve("multi_%(process_num)d-stderr.log"))
        .program("g1", "command=sleep 1000", "startsecs=0")
        .program("g2", "command=sleep 1000", "autostart=false", "startsecs=0")
        .section("group:grp", "programs=g1,g2")
        .program("long_program_name_for_the_column_width", "command=sleep 1000");
  }

  /** Waits until every process has left STARTING and BACKOFF and the echoer's logs are written. */
  static void awaitSettled(SupervisorApi api, RealSupervisord sd) {
    Await.until(
        "processes settled",
        () -> {
          for (ProcessInfo p : api.getAllProcessInfo()) {
            if (p.state() == ProcessState.STARTING || p.state() == ProcessState.BACKOFF) {
              return false;
            }
          }
          return true;
        });
    Await.until(
        "echoer's logs",
        () -> size(sd.logFile("echoer", "stdout")) > 0 && size(sd.logFile("echoer", "stderr")) > 0);
  }

  private static long size(Path p) {
    try {
      return Files.size(p);
    } catch (IOException e) {
      return 0;
    }
  }

  static void ensureRunning(SupervisorApi api, String... namespecs) {
    for (String namespec : namespecs) {
      try {
        api.startProcess(namespec, true);
      } catch (FaultException alreadyStarted) {
        // as wanted
      }
    }
  }

  /** The group is added (not only available), whatever its processes do. */
  static void ensureGroup(SupervisorApi api, String group) {
    try {
      api.addProcessGroup(group);
    } catch (FaultException alreadyAdded) {
      // as wanted
    }
  }

  /** The group is stopped and removed from the running config (still in the file). */
  static void ensureNoGroup(SupervisorApi api, String group) {
    try {
      api.stopProcessGroup(group, true);
      api.removeProcessGroup(group);
    } catch (FaultException noSuchGroup) {
      // as wanted
    }
  }

  static void ensureStopped(SupervisorApi api, String... namespecs) {
    for (String namespec : namespecs) {
      try {
        api.stopProcess(namespec, true);
      } catch (FaultException notRunning) {
        // as wanted
      }
    }
  }
}
