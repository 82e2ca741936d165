package dev.tend.tui.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tend.api.LogStream;
import dev.tend.control.client.ClientSettings;
import dev.tend.control.client.RemoteSupervisor;
import dev.tend.control.client.ServerUrl;
import dev.tend.testing.Await;
import dev.tend.testing.RealSupervisord;
import dev.tend.testing.TestDependency;
import dev.tend.tui.state.ConsoleOptions.Mode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A merged pane's history in time order (issue 13): two programs write lines in turns, 0.3 s apart,
 * before the console opens a pane on both. Against a real tend daemon the pane shows them
 * interleaved as written (the daemon keeps when each line arrived); against the real supervisord,
 * which keeps no line times, each program's history is a block under a marker saying so, unless
 * every line begins with a timestamp, by which they are merged.
 */
class MergedHistoryOrderIT {
  /**
   * Writes its three lines in turns with the other program: each waits for the file that gives it
   * its turn, writes a line (with a leading UTC time when asked), waits 0.3 s (the daemon reads the
   * line meanwhile, and its clock moves on), and gives the turn to the other; then idles.
   */
  private static final String WRITER =
      """
      import datetime, os, sys, time
      word, other, turns, stamped = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4] == "1"
      for i in range(1, 4):
          while not os.path.exists("%s/%s-%d" % (turns, word, i)):
              time.sleep(0.02)
          now = datetime.datetime.now(datetime.timezone.utc)
          stamp = now.strftime("%Y-%m-%d %H:%M:%S,%f")[:-3] + " " if stamped else ""
          print(stamp + word + "-" + str(i), flush=True)
          time.sleep(0.3)
          nxt = i if word == "AAA" else i + 1
          open("%s/%s-%d" % (turns, other, nxt), "w").close()
      time.sleep(3600)
      """;

  private static final List<String> INTERLEAVED =
      List.of("AAA-1", "BBB-1", "AAA-2", "BBB-2", "AAA-3", "BBB-3");

  @TempDir Path dir;
  // The screen the rows were read from, for the failure message.
  private String screen = "";
  // The client the console uses; closed after each test.
  private @Nullable RemoteSupervisor api;

  @AfterEach
  void closeTheClient() {
    if (api != null) {
      api.close();
    }
  }

  @Test
  void aTendDaemonsMergedPaneShowsTheHistoriesInterleavedAsWritten() throws Exception {
    try (RealSupervisord sd = pair(false).tendDaemon().start()) {
      List<Integer> rows = rowsAfterWriting(sd);
      assertEquals(sorted(rows), rows, "rows of " + INTERLEAVED + " on\n" + screen);
    }
  }

  @Test
  void aSupervisordsMergedPaneShowsEachHistoryAsABlockUnderAMarker() throws Exception {
    try (RealSupervisord sd = pair(false).start()) {
      try (ConsoleDriver console = writeThenOpen(sd)) {
        // "...: supervisord keeps no line times", cut by the pane's width
        String marker = "earlier output of pair:%s, not interleaved: supervisord";
        int a = mergedRowOf(console, marker.formatted("aaa"));
        int b = mergedRowOf(console, marker.formatted("bbb"));
        assertTrue(a >= 0 && b > a, console.screen());
        List<Integer> rows = new ArrayList<>();
        for (String t : List.of("AAA-1", "AAA-2", "AAA-3", "BBB-1", "BBB-2", "BBB-3")) {
          rows.add(mergedRowOf(console, t));
        }
        assertEquals(List.of(a + 1, a + 2, a + 3, b + 1, b + 2, b + 3), rows, console.screen());
      }
    }
  }

  @Test
  void aSupervisordsHistoriesWhoseLinesBeginWithATimeAreMergedByIt() throws Exception {
    try (RealSupervisord sd = pair(true).start()) {
      List<Integer> rows = rowsAfterWriting(sd);
      assertEquals(sorted(rows), rows, "rows of " + INTERLEAVED + " on\n" + screen);
    }
  }

  private RealSupervisord pair(boolean stamped) throws Exception {
    TestDependency.require("python3");
    Path script = dir.resolve("writer.py");
    Files.writeString(script, WRITER);
    Path turns = Files.createDirectories(dir.resolve("turns"));
    String s = stamped ? "1" : "0";
    return RealSupervisord.in(dir.resolve("sd"))
        .program("aaa", "command=python3 -u " + script + " AAA BBB " + turns + " " + s)
        .program("bbb", "command=python3 -u " + script + " BBB AAA " + turns + " " + s)
        .section("group:pair", "programs=aaa,bbb");
  }

  private List<Integer> rowsAfterWriting(RealSupervisord sd) throws Exception {
    try (ConsoleDriver console = writeThenOpen(sd)) {
      List<Integer> rows = new ArrayList<>();
      for (String t : INTERLEAVED) {
        rows.add(mergedRowOf(console, t));
      }
      screen = console.screen();
      assertTrue(rows.stream().allMatch(r -> r >= 0), screen);
      return rows;
    }
  }

  /** Both programs write their lines; then the console opens a pane on the group. */
  private ConsoleDriver writeThenOpen(RealSupervisord sd) throws Exception {
    RemoteSupervisor api =
        RemoteSupervisor.connect(ServerUrl.parse(sd.serverUrl()), ClientSettings.defaults());
    this.api = api;
    Await.until(
        "both running",
        Duration.ofSeconds(20),
        () ->
            api.getAllProcessInfo().stream().filter(p -> p.statename().equals("RUNNING")).count()
                == 2);
    Files.writeString(dir.resolve("turns").resolve("AAA-1"), "");
    for (String p : List.of("pair:aaa", "pair:bbb")) {
      Await.until(
          p + " wrote its lines",
          Duration.ofSeconds(20),
          () ->
              new String(
                      api.tailProcessLog(p, LogStream.STDOUT, 0, 4096).data(),
                      StandardCharsets.UTF_8)
                  .contains("-3\n"));
    }
    ConsoleDriver console =
        ConsoleDriver.start(
            api,
            ConsoleDriver.options(
                Mode.ATTACHED, System.currentTimeMillis() / 1000, ConsoleDriver.TRUECOLOR),
            120,
            40);
    console.awaitText("pair:aaa");
    console.press(":");
    console.type("log pair:*");
    console.press("Enter");
    console.awaitText("group pair (2)");
    Await.until(
        "both histories in the merged pane",
        () -> mergedRowOf(console, "BBB-3") >= 0 && mergedRowOf(console, "AAA-3") >= 0);
    return console;
  }

  /**
   * The row where the merged pane, opened right of the selected process's pane, shows {@code text},
   * or -1.
   */
  private static int mergedRowOf(ConsoleDriver console, String text) {
    for (int y = 0; y < 40; y++) {
      String row = console.row(y);
      int bar = row.lastIndexOf('│');
      if (bar >= 0 && row.substring(bar + 1).contains(text)) {
        return y;
      }
    }
    return -1;
  }

  private static List<Integer> sorted(List<Integer> rows) {
    return rows.stream().sorted().toList();
  }
}
