package dev.tend.tui.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.googlecode.lanterna.TextColor;
import dev.tend.api.LogStream;
import dev.tend.testing.Await;
import dev.tend.testing.DemoScene;
import dev.tend.testing.FakeSupervisorApi;
import dev.tend.tui.state.ConsoleOptions.Mode;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The log panes on the virtual terminal: splits, focus, zoom, merged names, search, filter. */
class LogPanesScreenTest {
  private static final TextColor FOCUSED_TITLE_BG = new TextColor.RGB(0x00, 0x5f, 0x87);
  private static final TextColor MATCH_BG = new TextColor.RGB(0xff, 0xd7, 0x5f);
  private static final TextColor CURRENT_MATCH_BG = new TextColor.RGB(0xff, 0xaf, 0x5f);

  private final FakeSupervisorApi api = new FakeSupervisorApi();
  private ConsoleDriver console;

  LogPanesScreenTest() {
    api.setNow(DemoScene.NOW);
    api.add("alpha", "alpha").running(4101, 60);
    api.add("beta", "beta").running(4102, 60);
    api.add("web", "w1").running(4103, 60);
    api.add("web", "w2").running(4104, 60);
    for (int i = 1; i <= 5; i++) {
      api.log("alpha", LogStream.STDOUT, "alpha-line-" + i + "\n");
      api.log("beta", LogStream.STDERR, "beta-line-" + i + "\n");
    }
    api.log("web:w1", LogStream.STDOUT, "w1 says hello\n");
    api.log("web:w2", LogStream.STDOUT, "w2 says hello\n");
  }

  private void start(int cols, int rows) {
    console =
        ConsoleDriver.start(
            api,
            ConsoleDriver.options(Mode.ATTACHED, DemoScene.NOW, ConsoleDriver.TRUECOLOR),
            cols,
            rows);
    console.awaitText("alpha-line-5");
  }

  @AfterEach
  void stop() {
    if (console != null) {
      console.close();
    }
  }

  /** The text left and right of column {@code x} on every row that has any. */
  private List<String> column(int from, int to) {
    List<String> out = new ArrayList<>();
    for (int y = 0; y < console.terminal.getTerminalSize().getRows(); y++) {
      String part = console.row(y).substring(from, to).strip();
      if (!part.isEmpty()) {
        out.add(part);
      }
    }
    return out;
  }

  @Test
  void twoPanesSideBySideEachShowTheirOwnProcess() {
    start(100, 30);
    console.press("Enter", "|", "]");
    console.awaitText("beta-line-5");
    int border = console.row(console.rowOf("beta-line-5")).indexOf("│");
    assertTrue(border > 40 && border < 60, console.screen());
    String left = String.join("\n", column(0, border));
    String right = String.join("\n", column(border + 1, 100));
    assertTrue(left.contains("alpha-line-1") && !left.contains("beta-line"), left);
    assertTrue(right.contains("beta-line-1") && !right.contains("alpha-line"), right);
    api.log("beta", LogStream.STDERR, "beta-live\n");
    api.log("alpha", LogStream.STDOUT, "alpha-live\n");
    console.awaitText("beta-live");
    console.awaitText("alpha-live");
    assertTrue(console.row(console.rowOf("beta-live")).indexOf("beta-live") > border);
    assertTrue(console.row(console.rowOf("alpha-live")).indexOf("alpha-live") < border);
  }

  @Test
  void focusMovesWithTabAndDigitsAndZoomFillsTheScreen() {
    start(100, 30);
    console.press("Enter", "|");
    console.awaitText(" 3 alpha");
    int title = console.rowOf(" 3 alpha");
    Await.until(
        "pane 3 focused",
        () -> FOCUSED_TITLE_BG.equals(console.cellOf(" 3 alpha").getBackgroundColor()));
    console.press("Tab");
    Await.until(
        "the table focused",
        () -> !FOCUSED_TITLE_BG.equals(console.cellOf(" 3 alpha").getBackgroundColor()));
    console.press("2");
    Await.until(
        "pane 2 focused",
        () -> FOCUSED_TITLE_BG.equals(console.cellOf(" 2 alpha").getBackgroundColor()));
    console.press("z");
    Await.until("zoomed", () -> console.rowOf(" 2 alpha") == 2);
    assertEquals(-1, console.rowOf("STATE"), "the table is hidden");
    assertEquals(-1, console.rowOf(" 3 alpha"));
    console.press("z");
    Await.until("back", () -> console.rowOf(" 3 alpha") == title);
  }

  @Test
  void aMergedPaneShowsEachProcessNameInItsOwnColour() {
    start(100, 30);
    console.press("j", "j", "L"); // web:w1 selected: its group
    console.awaitText("group web (2)");
    console.awaitText("web:w2 w2 says hello");
    TextColor w1 = console.cellOf("web:w1 w1 says").getForegroundColor();
    TextColor w2 = console.cellOf("web:w2 w2 says").getForegroundColor();
    assertNotEquals(w1, w2);
    assertNotEquals(TextColor.ANSI.DEFAULT, w1);
    assertEquals(
        TextColor.ANSI.DEFAULT,
        console.cellOf("w1 says hello").getForegroundColor(),
        "the text keeps the line's colour");
  }

  @Test
  void searchHighlightsMatchesAndTheCurrentOneMore() {
    start(100, 30);
    console.press("Enter", "/");
    console.type("line-");
    console.awaitText("5 matching lines");
    console.press("Enter");
    Await.until(
        "current match",
        () -> CURRENT_MATCH_BG.equals(console.cellOf("line-5").getBackgroundColor()));
    assertEquals(MATCH_BG, console.cellOf("line-4").getBackgroundColor());
    assertNotEquals(MATCH_BG, console.cellOf("alpha-line-4").getBackgroundColor());
    assertTrue(console.screen().contains("PAUSED"));
  }

  @Test
  void aFilterShowsOnlyMatchingLinesAndSaysSoInTheTitle() {
    start(100, 30);
    console.press("Enter", "&");
    console.type("-[24]");
    console.press("Ctrl-R", "Enter");
    console.awaitGone("alpha-line-3");
    assertTrue(console.screen().contains("alpha-line-2"));
    assertTrue(console.screen().contains("alpha-line-4"));
    assertTrue(console.screen().contains("only /-[24]/"), console.screen());
    console.press("&");
    console.awaitText("alpha-line-3");
  }

  @Test
  void markersAndLostBytesAreBarsAcrossThePane() {
    start(100, 30);
    console.press("Enter", "m");
    console.awaitText("── marker 14:03:27 ──");
    api.loseLog("alpha", LogStream.STDOUT, 2048);
    console.awaitText(
        "── alpha: 2K of stdout lost (log rotated, cleared, or written faster than it was read) ─");
  }

  @Test
  void copyModeCopiesThroughTheTerminal() {
    start(100, 30);
    console.press("Enter", "v", "k", "k");
    console.awaitText("COPY  3 lines selected");
    console.press("y");
    console.awaitText("copied 3 lines");
    Await.until("copied", () -> !console.access.copied().isEmpty());
    assertEquals(List.of("alpha-line-3\nalpha-line-4\nalpha-line-5\n"), console.access.copied());
  }

  @Test
  void thePagerIsHandedAFileOfWhatThePaneShowsWhichIsGoneAfterwards() {
    start(100, 30);
    console.press("Enter", "t", "o");
    Await.until("paged", () -> !console.access.paged().isEmpty());
    String paged = console.access.paged().get(0);
    assertTrue(paged.endsWith("alpha-line-4\n" + paged.substring(0, 9) + "alpha-line-5\n"), paged);
    Await.until("deleted", () -> !Files.exists(console.access.pagedFiles().get(0)));
  }

  @Test
  void theHostedQuitQuestionFitsAHundredColumns() {
    console =
        ConsoleDriver.start(
            api,
            ConsoleDriver.options(Mode.HOSTED, DemoScene.NOW, ConsoleDriver.TRUECOLOR),
            100,
            30);
    console.awaitText("alpha-line-5");
    console.press("q");
    console.awaitText("This console hosts the programs. What happens to them?");
    console.press("Esc");
    console.awaitGone("What happens");
  }

  @Test
  void aLongConfigPathShowsItsFileAndParentInTheHeader() {
    console =
        ConsoleDriver.start(
            api,
            ConsoleDriver.options(Mode.HOSTED, DemoScene.NOW, ConsoleDriver.TRUECOLOR)
                .withTarget(
                    "/srv/deployments/production/releases/2025-11-27/examples/demo/supervisord.conf",
                    "k"),
            100,
            30);
    console.awaitText("alpha-line-5");
    assertTrue(console.row(0).contains(" HOSTED demo/supervisord.conf "), console.row(0));
  }

  @Test
  void theLayoutSurvivesATerminalResize() {
    start(100, 30);
    console.press("Enter", "|", "]");
    console.awaitText("beta-line-5");
    console.resize(60, 20);
    Await.value(
        "both panes at 60x20",
        console::screen,
        s -> s.contains("alpha-line-5") && s.contains("beta-line-5") && s.contains(" 3 beta"));
    console.resize(120, 40);
    Await.value(
        "both panes at 120x40",
        console::screen,
        s -> s.contains("alpha-line-1") && s.contains("beta-line-1"));
    assertFalse(console.screen().contains("terminal too small"));
  }
}
