package dev.tend.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tend.control.client.ClientSettings;
import dev.tend.control.client.RemoteSupervisor;
import dev.tend.control.client.ServerUrl;
import dev.tend.testing.RealSupervisorctl;
import dev.tend.testing.RealSupervisorctl.CtlResult;
import dev.tend.testing.RealSupervisord;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every verb and its error paths, run by the real supervisorctl and by tend ctl against the same
 * supervisord; stdout, stderr and exit status must be the same bytes (uptimes, supervisorctl's
 * Python source locations and, where a case restarts processes, pids aside). Cases that change
 * state put it back before each of the two runs.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CtlParityIT {
  // a subclass runs the same against a tend daemon
  @TempDir static Path dir;
  RealSupervisord sd;
  private RemoteSupervisor api;

  @BeforeAll
  void startSupervisord() throws Exception {
    sd = ParityFixture.configure(daemon(dir)).start();
    api = RemoteSupervisor.connect(ServerUrl.parse(sd.serverUrl()), ClientSettings.defaults());
    ParityFixture.awaitSettled(api, sd);
  }

  /** The daemon both ctls talk to. */
  RealSupervisord daemon(Path dir) {
    return RealSupervisord.in(dir);
  }

  @AfterAll
  void stopSupervisord() {
    if (api != null) {
      api.close();
    }
    if (sd != null) {
      sd.close();
    }
  }

  /** Commands that change nothing: both tools see the same state. */
  @TestFactory
  Stream<DynamicTest> readOnlyCommandsPrintTheSame() {
    List<String> lines =
        List.of(
            "status",
            "status all",
            "status cat grp:* multi:multi_1",
            "status nosuch nosuch:* grp:g2 grp:nosuch",
            "status grp:",
            "status :x",
            "status long_program_name_for_the_column_width",
            "avail",
            "version",
            "pid",
            "pid all",
            "pid cat sleeper nosuch",
            "tail echoer",
            "tail echoer stderr",
            "tail -5 echoer",
            "tail -5 echoer STDERR",
            "tail -0 echoer",
            "tail --3 echoer",
            "tail -1_0 echoer",
            "tail",
            "tail a b c d",
            "tail echoer bogus",
            "tail -x echoer",
            "tail -f",
            "tail nosuch",
            "tail -3000000000 echoer",
            "maintail -x",
            "maintail x",
            "maintail a b",
            "start",
            "start nosuch",
            "start nosuch:*",
            "start grp:nosuch",
            "start cat",
            "start :",
            "stop",
            "stop nosuch",
            "stop nosuch:",
            "stop sleeper",
            "restart",
            "signal",
            "signal HUP",
            "signal BOGUS cat",
            "signal HUP sleeper",
            "signal HUP nosuch",
            "signal HUP nosuch:*",
            "signal HUP grp:g2",
            "clear",
            "clear nosuch",
            "clear grp:",
            "avail x",
            "reread x",
            "version x",
            "shutdown x",
            "reload x",
            "add nosuch",
            "add cat",
            "remove nosuch",
            "remove cat",
            "update nosuch",
            "fg",
            "fg a b",
            "fg nosuch",
            "fg sleeper",
            "help",
            "help foo",
            "help help",
            "help EOF",
            "help tail extra",
            "bogus",
            "STATUS",
            "?",
            "? stop",
            "!ls",
            "status:x",
            "-x",
            "",
            "EOF",
            "quit",
            "exit",
            "open ftp://x",
            "open",
            "open " + "unix://" + "SOCKET");
    // supervisorctl costs a Python start each: run them all at once, compare one by one
    Map<String, Future<CtlResult>> expected = new LinkedHashMap<>();
    ExecutorService pool = Executors.newFixedThreadPool(3);
    try {
      for (String line : lines) {
        expected.put(line, pool.submit(() -> RealSupervisorctl.run(dir, "", args(line))));
      }
      List<DynamicTest> tests = new ArrayList<>();
      for (String line : lines) {
        String name = line.isEmpty() ? "(empty)" : line;
        tests.add(DynamicTest.dynamicTest(name, () -> same(line, expected.get(line).get())));
      }
      return tests.stream();
    } finally {
      pool.shutdown();
    }
  }

  /** A command that changes state, with what to put back before each of the two runs. */
  private record Change(String line, Runnable prepare) {}

  /** Commands that change state: the state is put back before each run; pids may differ. */
  @TestFactory
  Stream<DynamicTest> commandsThatChangeStatePrintTheSame() {
    List<Change> changes =
        List.of(
            new Change("start sleeper", () -> ParityFixture.ensureStopped(api, "sleeper")),
            new Change("stop cat", () -> ParityFixture.ensureRunning(api, "cat")),
            new Change("restart cat", () -> ParityFixture.ensureRunning(api, "cat")),
            new Change("restart sleeper", () -> ParityFixture.ensureStopped(api, "sleeper")),
            new Change("start grp:*", () -> ParityFixture.ensureStopped(api, "grp:g2")),
            new Change("stop grp:", () -> ParityFixture.ensureRunning(api, "grp:g1", "grp:g2")),
            new Change(
                "start sleeper cat nosuch", () -> ParityFixture.ensureStopped(api, "sleeper")),
            new Change(
                "stop sleeper cat", () -> ParityFixture.ensureRunning(api, "cat", "sleeper")),
            new Change("start quick", () -> {}),
            new Change("signal CONT cat grp:*", () -> ParityFixture.ensureRunning(api, "cat")),
            new Change("signal CONT all", () -> ParityFixture.ensureStopped(api, "sleeper")),
            new Change("clear cat multi:multi_0 nosuch", () -> {}),
            new Change("remove sleeper", () -> ParityFixture.ensureGroup(api, "sleeper")),
            new Change("add sleeper", () -> ParityFixture.ensureNoGroup(api, "sleeper")),
            new Change("add sleeper cat nosuch", () -> ParityFixture.ensureNoGroup(api, "sleeper")),
            new Change("remove cat nosuch", () -> ParityFixture.ensureRunning(api, "cat")),
            new Change("reread", () -> {}),
            new Change("update", () -> {}),
            new Change("update all sleeper", () -> ParityFixture.ensureGroup(api, "sleeper")));
    List<DynamicTest> tests = new ArrayList<>();
    for (Change c : changes) {
      tests.add(
          DynamicTest.dynamicTest(
              c.line(),
              () -> {
                c.prepare().run();
                CtlResult expected = RealSupervisorctl.run(dir, "", args(c.line()));
                c.prepare().run();
                CtlResult actual = CtlRuns.tend(dir, "", args(c.line()));
                ParityFixture.ensureGroup(api, "sleeper");
                // a group's results come in the order its processes got there: compare sorted
                assertEquals(
                    CtlRuns.sortedLines(CtlRuns.withoutPids(expected)).toString(),
                    CtlRuns.sortedLines(CtlRuns.withoutPids(actual)).toString(),
                    c.line());
              }));
    }
    return tests.stream();
  }

  /** The shell over a pipe (not a terminal): prompts, status first, answers read from stdin. */
  @TestFactory
  Stream<DynamicTest> pipedShellSessionsPrintTheSame() {
    List<List<String>> sessions =
        List.of(
            List.of("", "status\nversion\n\nbogus\nstop nosuch\n"),
            List.of("", "shutdown\nn\nreload\nno\nquit\nstatus\n"),
            List.of("-i shutdown", "n\n"),
            List.of("-i reload", ""),
            List.of("", "? tail\nexit\n"));
    List<DynamicTest> tests = new ArrayList<>();
    for (List<String> session : sessions) {
      String name = (session.get(0) + " <<< " + session.get(1)).strip();
      tests.add(
          DynamicTest.dynamicTest(
              name,
              () -> {
                List<String> args = new ArrayList<>(List.of("-c", sd.confPath().toString()));
                if (!session.get(0).isEmpty()) {
                  args.addAll(Arrays.asList(session.get(0).split(" ")));
                }
                CtlResult expected = RealSupervisorctl.run(dir, session.get(1), args);
                CtlResult actual = CtlRuns.tend(dir, session.get(1), args);
                assertEquals(
                    CtlRuns.normalise(expected).toString(), CtlRuns.normalise(actual).toString());
              }));
    }
    return tests.stream();
  }

  /** Help for every verb, through one shell session of each (stdin not a terminal). */
  @Test
  void helpTextsAreTheSame() throws Exception {
    StringBuilder input = new StringBuilder();
    for (String verb : ParityFixture.VERBS) {
      input.append("help ").append(verb).append('\n');
    }
    List<String> args = List.of("-c", sd.confPath().toString());
    CtlResult expected = RealSupervisorctl.run(dir, input.toString(), args);
    CtlResult actual = CtlRuns.tend(dir, input.toString(), args);
    assertEquals(CtlRuns.normalise(expected).toString(), CtlRuns.normalise(actual).toString());
  }

  private List<String> args(String line) {
    List<String> args = new ArrayList<>(List.of("-c", sd.confPath().toString()));
    String expanded = line.replace("SOCKET", sd.socket().toString());
    if (!expanded.isEmpty()) {
      args.addAll(Arrays.asList(expanded.split(" ")));
    } else {
      args.add("");
    }
    return args;
  }

  private void same(String line, CtlResult expected) {
    CtlResult actual = CtlRuns.tend(dir, "", args(line));
    assertEquals(
        CtlRuns.normalise(expected).toString(), CtlRuns.normalise(actual).toString(), line);
  }
}
