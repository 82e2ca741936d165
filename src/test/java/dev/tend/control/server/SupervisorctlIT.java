package dev.tend.control.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tend.api.LogStream;
import dev.tend.config.GroupConfig;
import dev.tend.config.ProcessConfig;
import dev.tend.config.SupervisorConfig;
import dev.tend.testing.Await;
import dev.tend.testing.TestConfigs;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real supervisorctl against tend's server (hosting a core whose children are fakes) and
 * against a real supervisord with the same programs: the same commands give the same output and
 * exit codes, once pids, uptimes and stop times are normalised.
 */
class SupervisorctlIT {
  @TempDir Path dir;

  static final String CAT = "command=sh -c \"trap '' USR1; exec cat\"\nstartsecs=0\n";
  static final String PROGRAMS =
      "[program:web]\n"
          + CAT
          + "[program:idle]\n"
          + CAT
          + "autostart=false\n"
          + "[program:a]\n"
          + CAT
          + "[program:b]\n"
          + CAT
          + "[group:g]\nprograms=a,b\n";
  static final String PROGRAMS_EDITED =
      "[program:web]\n"
          + "command=sh -c \"trap '' USR1; exec cat -u\"\nstartsecs=0\n"
          + "[program:new]\n"
          + CAT
          + "[program:a]\n"
          + CAT
          + "[program:b]\n"
          + CAT
          + "[group:g]\nprograms=a,b\n";

  private static ProcessConfig cat(String name, String command, boolean autostart) {
    return TestConfigs.with(
        TestConfigs.process(name, command), b -> b.startsecs(0).autostart(autostart));
  }

  private static SupervisorConfig tendPrograms() {
    GroupConfig g = TestConfigs.group("g", 999, cat("a", "cat", true), cat("b", "cat", true));
    return TestConfigs.config(
        TestConfigs.program(cat("web", "cat", true)),
        TestConfigs.program(cat("idle", "cat", false)),
        g);
  }

  private static SupervisorConfig tendProgramsEdited() {
    GroupConfig g = TestConfigs.group("g", 999, cat("a", "cat", true), cat("b", "cat", true));
    return TestConfigs.config(
        TestConfigs.program(cat("web", "cat -u", true)),
        TestConfigs.program(cat("new", "cat", true)),
        g);
  }

  /** The commands, in order; "EDIT" rewrites the config before the next one. */
  static final List<String> SCENARIO =
      List.of(
          "status",
          "start idle",
          "start idle",
          "start nosuch",
          "stop web",
          "stop web",
          "status web",
          "status nosuch",
          "start web",
          "restart g:*",
          "restart all",
          "signal USR1 web",
          "signal USR1 g:*",
          "signal BOGUS web",
          "signal USR1 nosuch",
          "pid web",
          "clear web",
          "clear nosuch",
          "avail",
          "reread",
          "EDIT",
          "reread",
          "update",
          "status",
          "stop all",
          "status",
          "version",
          "shutdown");

  interface Edit {
    void apply() throws IOException;
  }

  static List<String> play(Supervisorctl ctl, Edit edit) throws Exception {
    List<String> out = new ArrayList<>();
    for (String step : SCENARIO) {
      if (step.equals("EDIT")) {
        edit.apply();
        continue;
      }
      Supervisorctl.Result r = ctl.run(step.split(" "));
      String text = normalise(r.toString());
      if (step.endsWith(" all") || step.endsWith(":*")) {
        text = sortRuns(text);
      }
      out.add(text);
    }
    return out;
  }

  /**
   * supervisord lists the results of a group or "all" operation in the order its processes finished
   * (the order its children happen to be reaped in), so within each run of lines with the same
   * outcome ("stopped", then "started") only the set is comparable.
   */
  static String sortRuns(String text) {
    List<String> lines = new ArrayList<>(List.of(text.split("\n")));
    int from = 1; // after the "$ supervisorctl ..." line
    for (int i = 2; i <= lines.size(); i++) {
      if (i == lines.size() || !outcome(lines.get(i)).equals(outcome(lines.get(from)))) {
        lines.subList(from, i).sort(null);
        from = i;
      }
    }
    return String.join("\n", lines);
  }

  private static String outcome(String line) {
    return line.substring(line.lastIndexOf(": ") + 1);
  }

  /** Pids, uptimes and stop times differ between any two runs. */
  static String normalise(String text) {
    return text.replaceAll("pid \\d+", "pid N")
        .replaceAll("uptime [0-9:]+", "uptime U")
        .replaceAll("(?m)^\\d+$", "N")
        .replaceAll("[A-Z][a-z]{2} \\d{2} \\d{2}:\\d{2} [AP]M", "DATE");
  }

  @Test
  void sameOutputAndExitCodesAsSupervisord() throws Exception {
    CompletableFuture<List<String>> reference =
        CompletableFuture.supplyAsync(
            () -> {
              try (ReferenceSupervisord sv =
                  ReferenceSupervisord.start(dir.resolve("sv"), PROGRAMS)) {
                return play(
                    new Supervisorctl(dir, sv.url()), () -> sv.rewritePrograms(PROGRAMS_EDITED));
              } catch (Exception e) {
                throw new IllegalStateException(e);
              }
            });
    List<String> tend;
    try (ServerHarness h = ServerHarness.start(dir.resolve("tend"), tendPrograms())) {
      Await.until("autostart done", () -> h.children.liveCount() == 3);
      tend = play(new Supervisorctl(dir, h.unixUrl()), () -> h.rereadFinds(tendProgramsEdited()));
    }
    List<String> expected = reference.get(120, TimeUnit.SECONDS);
    for (int i = 0; i < expected.size(); i++) {
      assertEquals(expected.get(i), tend.get(i), "step " + i);
    }
  }

  @Test
  void tailAndMaintailAndPidOfTheDaemon() throws Exception {
    try (ServerHarness h = ServerHarness.start(dir, tendPrograms())) {
      Supervisorctl ctl = new Supervisorctl(dir, h.unixUrl());
      Await.until(
          "web's output", () -> h.outputs.containsKey("web") && h.children.liveCount() == 3);
      h.write("web", LogStream.STDERR, "an error\n");
      Supervisorctl.Result tail =
          Await.value(
              "web started", () -> run(ctl, "tail web"), r -> r.output().contains("cat started"));
      assertEquals(0, tail.exit());
      assertEquals("cat started\n\n", tail.output()); // supervisorctl adds a line end
      assertEquals("an error\n\n", ctl.run("tail", "web", "stderr").output());
      assertEquals("d\n\n", ctl.run("tail", "-2", "web").output());
      assertTrue(ctl.run("maintail").output().contains("supervisord started"));
      assertEquals(ProcessHandle.current().pid() + "\n", ctl.run("pid").output());
    }
  }

  private static Supervisorctl.Result run(Supervisorctl ctl, String command) {
    try {
      return ctl.run(command.split(" "));
    } catch (IOException | InterruptedException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void tailFollowsOverTheUnixSocket() throws Exception {
    try (ServerHarness h = ServerHarness.start(dir, tendPrograms())) {
      Await.until("web running", () -> h.children.liveCount() == 3);
      Supervisorctl ctl = new Supervisorctl(dir, h.unixUrl());
      Process tail = ctl.start("tail", "-f", "web");
      try {
        OutputCollector out = new OutputCollector(tail.getInputStream());
        Await.until("the history", () -> out.text().contains("cat started"));
        assertTrue(out.text().startsWith("==> Press Ctrl-C to exit <=="), out.text());
        h.write("web", LogStream.STDOUT, "\u001b[32mgreen\u001b[0m and more\n");
        Await.until("the new line", () -> out.text().contains("green\u001b[0m and more\n"));
        h.write("web", LogStream.STDERR, "not on stdout\n");
        h.write("web", LogStream.STDOUT, "last\n");
        Await.until("the last line", () -> out.text().contains("last\n"));
        assertTrue(!out.text().contains("not on stdout"), out.text());
      } finally {
        tail.destroy();
        tail.waitFor(10, TimeUnit.SECONDS);
      }
    }
  }

  /** Reads a process's output on a thread of its own, for a test to look at as it grows. */
  private static final class OutputCollector {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

    OutputCollector(InputStream in) {
      Thread.ofVirtual()
          .start(
              () -> {
                byte[] buf = new byte[4096];
                try {
                  for (int n; (n = in.read(buf)) > 0; ) {
                    synchronized (bytes) {
                      bytes.write(buf, 0, n);
                    }
                  }
                } catch (IOException e) {
                  // the process ended
                }
              });
    }

    String text() {
      synchronized (bytes) {
        return bytes.toString(StandardCharsets.UTF_8);
      }
    }
  }

  static Duration patience() {
    return Duration.ofSeconds(30);
  }
}
