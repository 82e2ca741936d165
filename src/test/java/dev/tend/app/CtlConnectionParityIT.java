package dev.tend.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tend.testing.Await;
import dev.tend.testing.RealSupervisorctl;
import dev.tend.testing.RealSupervisorctl.CtlResult;
import dev.tend.testing.RealSupervisord;
import dev.tend.testing.TendCommand;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The paths around the verbs, against supervisorctl: usage errors, servers that are not there,
 * servers that want a login, Ctrl-C during {@code tail -f} (through the built jar, a real signal).
 */
class CtlConnectionParityIT {
  @TempDir Path dir;

  private void same(String stdin, String... args) throws Exception {
    List<String> a = Arrays.asList(args);
    CtlResult expected = RealSupervisorctl.run(dir, stdin, a);
    CtlResult actual = CtlRuns.tend(dir, stdin, a);
    assertEquals(
        CtlRuns.normalise(expected).toString(), CtlRuns.normalise(actual).toString(), "" + a);
  }

  @Test
  void usageErrorsAreTheSame() throws Exception {
    Path noCtl = Files.writeString(dir.resolve("no-ctl.conf"), "[supervisord]\n");
    Path conf =
        Files.writeString(
            dir.resolve("ctl.conf"), "[supervisorctl]\nserverurl=unix://" + dir + "/none.sock\n");
    same("", "-x");
    same("", "--bogus");
    same("", "--serverurl");
    same("", "-c", dir.resolve("missing.conf").toString(), "status");
    same("", "-c", noCtl.toString(), "status");
    same("", "-s", "foo", "status");
    same("", "--ser=x", "status");
    same("", "-s", "http://", "status");
    same("", "-c", conf.toString(), "-c", conf.toString(), "status");
    same("", "-c", conf.toString(), "--configuration", conf.toString(), "status");
    same("", "-i", "-i", "status");
    same("", "-c", conf.toString(), "-s", "ftp://x", "status");
    same("", "-c", conf.toString(), "-s", "ftp://x", "avail");
    same("", "-c", conf.toString(), "-s", "localhost:9001", "version");
  }

  @Test
  void helpExitsZeroBeforeAnythingElse() throws Exception {
    CtlResult expected = RealSupervisorctl.run(dir, "", List.of("-h", "-c", "/nonexistent"));
    CtlResult actual = CtlRuns.tend(dir, "", List.of("-h", "-c", "/nonexistent"));
    assertEquals(expected.exit(), actual.exit());
    assertTrue(actual.out().contains("Usage: tend ctl [options] [action [arguments]]"));
    assertEquals("", actual.err());
  }

  @Test
  void aMissingSocketAndARefusingPortAreReportedTheSame() throws Exception {
    String socket = "unix://" + dir.resolve("nosock");
    String port = "http://127.0.0.1:" + RealSupervisord.unusedPort();
    for (String url : List.of(socket, port)) {
      for (String verb :
          List.of(
              "status",
              "version",
              "pid",
              "tail cat",
              "maintail",
              "clear all",
              "start cat",
              "stop cat",
              "restart cat",
              "signal HUP cat",
              "fg cat",
              "avail",
              "reread",
              "update",
              "add x",
              "remove x",
              "shutdown",
              "reload",
              "open " + url)) {
        List<String> args = new ArrayList<>(List.of("-s", url));
        args.addAll(Arrays.asList(verb.split(" ")));
        same("", args.toArray(new String[0]));
      }
    }
  }

  @Test
  void aServerThatWantsALoginIsReportedTheSame() throws Exception {
    try (RealSupervisord sd =
        RealSupervisord.in(dir)
            .credentials("alice", "secret")
            .program("cat", "command=/bin/cat", "startsecs=0")
            .start()) {
      String conf = sd.confPath().toString();
      for (String verb : List.of("status", "avail", "tail cat", "shutdown", "update", "add x")) {
        List<String> args = new ArrayList<>(List.of("-c", conf));
        args.addAll(Arrays.asList(verb.split(" ")));
        same("", args.toArray(new String[0]));
      }
      same("", "-c", conf, "-u", "alice", "-p", "wrong", "status");
      same("", "-c", conf, "-u", "alice", "-p", "secret", "status");
      same("", "-c", conf, "-u", "alice", "-p", "secret", "version");
      // in the shell, on a pipe: no one to ask, as supervisorctl cannot ask a pipe either
      CtlResult piped = CtlRuns.tend(dir, "status\n", List.of("-c", conf));
      assertTrue(piped.out().startsWith("Server requires authentication\n"), piped.out());
      // on a terminal tend asks (supervisorctl only in its shell), then runs the command again
      CtlResult asked =
          CtlRuns.tend(
              dir, "alice\nwrong\nalice\nsecret\n", List.of("-c", conf, "status"), Map.of(), true);
      assertTrue(
          asked
              .out()
              .startsWith(
                  "Server requires authentication\nUsername:Password:\n"
                      + "Server requires authentication\nUsername:Password:\n"),
          asked.out());
      assertTrue(asked.out().contains("cat                              RUNNING"), asked.out());
      assertEquals(0, asked.exit());
    }
  }

  @Test
  void ctrlCEndsTailFollowWithAnEmptyLineAndStatusZero() throws Exception {
    try (RealSupervisord sd =
        RealSupervisord.in(dir)
            .program("talker", "command=sh -c 'echo hello; exec sleep 1000'", "startsecs=0")
            .start()) {
      Await.until("talker's log", () -> size(sd.logFile("talker", "stdout")) > 0);
      String conf = sd.confPath().toString();
      for (List<String> args :
          List.of(List.of("tail", "-f", "talker"), List.of("maintail", "-f"))) {
        List<String> ctl = new ArrayList<>(List.of("-c", conf));
        ctl.addAll(args);
        List<String> python = new ArrayList<>(List.of(RealSupervisorctl.SUPERVISORCTL.toString()));
        python.addAll(ctl);
        List<String> tend = new ArrayList<>(List.of("ctl"));
        tend.addAll(ctl);
        CtlResult expected = interrupted(python, "py");
        CtlResult actual = interrupted(TendCommand.command(tend.toArray(new String[0])), "tend");
        assertEquals(expected.toString(), actual.toString(), "" + args);
      }
    }
  }

  /** Runs a follow until its banner and first log line are out, then sends it SIGINT. */
  private CtlResult interrupted(List<String> command, String name) throws Exception {
    Path out = dir.resolve(name + ".out");
    Path err = dir.resolve(name + ".err");
    Process p =
        new ProcessBuilder(command)
            .directory(dir.toFile())
            .redirectOutput(out.toFile())
            .redirectError(err.toFile())
            .start();
    try {
      Await.until(name + " following", () -> read(out).lines().count() >= 2);
      new ProcessBuilder("kill", "-INT", Long.toString(p.pid())).start().waitFor();
      assertTrue(p.waitFor(20, TimeUnit.SECONDS), name + " ended on SIGINT");
      return new CtlResult(p.exitValue(), read(out), read(err));
    } finally {
      p.destroyForcibly();
    }
  }

  private static String read(Path p) {
    try {
      return Files.readString(p, StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "";
    }
  }

  private static long size(Path p) {
    try {
      return Files.size(p);
    } catch (IOException e) {
      return 0;
    }
  }
}
