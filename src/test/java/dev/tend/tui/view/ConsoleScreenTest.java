package dev.tend.tui.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.googlecode.lanterna.SGR;
import com.googlecode.lanterna.TextCharacter;
import com.googlecode.lanterna.TextColor;
import dev.tend.api.LogStream;
import dev.tend.api.ProcessState;
import dev.tend.testing.Await;
import dev.tend.testing.DemoScene;
import dev.tend.testing.FakeSupervisorApi;
import dev.tend.tui.state.ConsoleOptions;
import dev.tend.tui.state.ConsoleOptions.ExitChoice;
import dev.tend.tui.state.ConsoleOptions.Mode;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ConsoleScreenTest {
  private static final TextColor FATAL_RED = new TextColor.RGB(0xff, 0x5f, 0x5f);
  private static final TextColor RUNNING_GREEN = new TextColor.RGB(0x5f, 0xd7, 0x5f);
  private static final TextColor SELECTED_BG = new TextColor.RGB(0x00, 0x5f, 0x87);
  private static final TextColor STDERR_ROSE = new TextColor.RGB(0xff, 0x87, 0x87);

  private final FakeSupervisorApi api = new FakeSupervisorApi();
  private ConsoleDriver console;

  ConsoleScreenTest() {
    api.setNow(DemoScene.NOW);
    api.add("api", "api").fatal("can't find command '/opt/api/bin/server'");
    api.add("web", "w1").running(4101, 3725);
    api.add("web", "w2").running(4102, 60);
  }

  private ConsoleDriver start(Mode mode, Map<String, String> env, int cols, int rows) {
    console = ConsoleDriver.start(api, ConsoleDriver.options(mode, DemoScene.NOW, env), cols, rows);
    console.awaitText("web:w2");
    return console;
  }

  private ConsoleDriver start() {
    return start(Mode.ATTACHED, ConsoleDriver.TRUECOLOR, 100, 30);
  }

  @AfterEach
  void stop() {
    if (console != null) {
      console.close();
    }
  }

  @Test
  void tableShowsStatesInTheirColourWithTheReason() {
    start();
    TextCharacter fatal = console.cellOf("FATAL");
    assertEquals(FATAL_RED, fatal.getForegroundColor());
    assertTrue(fatal.getModifiers().contains(SGR.BOLD));
    assertEquals(FATAL_RED, console.cellOf("can't find command").getForegroundColor());
    int y = console.rowOf("web:w1");
    String w1 = console.row(y);
    assertEquals(RUNNING_GREEN, console.cell(w1.indexOf("RUNNING"), y).getForegroundColor());
    assertTrue(w1.contains("4101") && w1.contains("1h02m"), w1);
    console.awaitText("3 processes  2 running  1 fatal");
  }

  @Test
  void selectionMovesAndIsHighlighted() {
    start();
    assertEquals(SELECTED_BG, console.cellOf("api").getBackgroundColor());
    console.press("j");
    Await.until(
        "w1 selected", () -> SELECTED_BG.equals(console.cellOf("web:w1").getBackgroundColor()));
    assertNotEquals(SELECTED_BG, console.cellOf("api ").getBackgroundColor());
  }

  @Test
  void stopAsksAndTheAnswerStopsTheProcess() {
    start();
    console.press("j", "x");
    console.awaitText("Stop web:w1?");
    console.awaitText("any other key: no");
    console.press("y");
    console.awaitText("web:w1: stopped");
    Await.until("stopped", () -> api.process("web:w1").state() == ProcessState.STOPPED);
    Await.until("shown stopped", () -> console.row(console.rowOf("web:w1")).contains("STOPPED"));
  }

  @Test
  void aGroupNeedsTheWordTyped() {
    start();
    console.press(":");
    console.type("stop web:*");
    console.press("Enter");
    console.awaitText("Type stop and Enter");
    console.type("stop");
    console.press("Enter");
    Await.until(
        "both stopped",
        () ->
            api.process("web:w1").state() == ProcessState.STOPPED
                && api.process("web:w2").state() == ProcessState.STOPPED);
    console.awaitText("stopped 2 of 2");
  }

  @Test
  void at80x24TheLessImportantColumnsGoAndAt200x60TheyAreBack() {
    api.process("web:w1").stats(2.5, 50 << 20);
    start(Mode.ATTACHED, ConsoleDriver.TRUECOLOR, 200, 60);
    console.awaitText("DESCRIPTION");
    console.awaitText("CPU%");
    console.resize(80, 24);
    Await.value(
        "a frame at 80x24",
        console::screen,
        s ->
            s.contains("EXIT/REASON")
                && console.row(23).contains("help")
                && console.row(0).contains("tend"));
    assertFalse(console.screen().contains("DESCRIPTION"));
    assertFalse(console.screen().contains("CPU%"));
    assertEquals(80, console.row(0).length());
    console.resize(200, 60);
    Await.value(
        "a frame at 200x60",
        console::screen,
        s -> s.contains("DESCRIPTION") && console.row(59).contains("help"));
  }

  @Test
  void ctrlLRepaintsTheWholeScreen() {
    start();
    console.terminal.isWholeBufferDirtyThenReset();
    console.press("j"); // an ordinary frame repaints only what changed
    console.awaitText("web:w1");
    Await.until(
        "the delta frame", () -> SELECTED_BG.equals(console.cellOf("web:w1").getBackgroundColor()));
    assertFalse(console.terminal.isWholeBufferDirtyThenReset());
    console.press("Ctrl-L");
    Await.until("a full repaint", () -> console.terminal.isWholeBufferDirtyThenReset());
    console.awaitText("web:w2");
  }

  @Test
  void themeSwitchChangesColours() {
    start();
    TextColor before = console.cell(0, 0).getBackgroundColor();
    console.press("Ctrl-T");
    console.awaitText("theme: light");
    Await.until("new colours", () -> !before.equals(console.cell(0, 0).getBackgroundColor()));
    assertEquals(new TextColor.RGB(0xe4, 0xe4, 0xe4), console.cell(0, 0).getBackgroundColor());
  }

  @Test
  void noColorMeansNoColourAnywhereAndSelectionInReverse() {
    Map<String, String> env = new HashMap<>(ConsoleDriver.TRUECOLOR);
    env.put("NO_COLOR", "1");
    start(Mode.ATTACHED, env, 100, 30);
    console.awaitText("api");
    String screen = console.screen();
    for (int y = 0; y < 30; y++) {
      for (int x = 0; x < 100; x++) {
        TextCharacter c = console.cell(x, y);
        assertEquals(
            TextColor.ANSI.DEFAULT, c.getForegroundColor(), "fg at " + x + "," + y + "\n" + screen);
        assertEquals(TextColor.ANSI.DEFAULT, c.getBackgroundColor(), "bg at " + x + "," + y);
      }
    }
    assertTrue(console.cellOf("api").getModifiers().contains(SGR.REVERSE));
  }

  @Test
  void sixteenColourTerminalsGetAnsiColours() {
    start(Mode.ATTACHED, Map.of("TERM", "xterm", "LANG", "C"), 100, 30);
    assertEquals(TextColor.ANSI.RED_BRIGHT, console.cellOf("FATAL").getForegroundColor());
    assertTrue(console.screen().contains("NAME^"), "ASCII glyphs without UTF-8");
  }

  @Test
  void logPaneShowsChildColoursTintsStderrAndDropsOtherEscapes() {
    api.log("api", LogStream.STDOUT, "\u001b[2J\u001b[Hplain \u001b[32mgreen\u001b[0m text\n");
    api.log("api", LogStream.STDERR, "oops on stderr\u001b]0;title\u0007\n");
    start();
    console.awaitText("plain green text");
    assertEquals(TextColor.ANSI.GREEN, console.cellOf("green text").getForegroundColor());
    console.awaitText("oops on stderr");
    assertEquals(STDERR_ROSE, console.cellOf("oops").getForegroundColor());
    assertFalse(console.screen().contains("title"));
    api.log("api", LogStream.STDOUT, "live line\n");
    console.awaitText("live line");
  }

  @Test
  void helpIsGeneratedFromTheKeymap() {
    start();
    console.press("?");
    console.awaitText("Show every key");
    console.press("PgDn");
    console.awaitText("Stop the process(es)");
    console.awaitText("(asks first)");
    console.press("Esc");
    console.awaitGone("Stop the process(es)");
  }

  @Test
  void at80x24TheHelpWrapsItsDescriptionsAtWordsAndLosesNoneOfThem() {
    start(Mode.ATTACHED, ConsoleDriver.TRUECOLOR, 80, 24);
    console.press("?");
    console.awaitText("Show every key");
    StringBuilder seen = new StringBuilder();
    java.util.regex.Pattern position = java.util.regex.Pattern.compile(" (\\d+)-(\\d+)/(\\d+) ");
    for (int page = 0; page < 40; page++) {
      String screen = console.screen();
      for (String row : screen.split("\n")) {
        int left = row.indexOf('│');
        int right = row.lastIndexOf('│');
        if (left >= 0 && right > left) {
          seen.append(row, left + 1, right).append(' '); // the box's inside only
        }
      }
      java.util.regex.Matcher m = position.matcher(screen);
      if (!m.find() || m.group(2).equals(m.group(3))) {
        break;
      }
      String before = m.group();
      console.press("PgDn");
      Await.until("the next page", () -> !console.screen().contains(before));
    }
    String text = seen.toString().replaceAll("\\s+", " ");
    for (var section :
        dev.tend.tui.keymap.KeyHelp.sections(dev.tend.tui.keymap.Keymap.defaults())) {
      for (var entry : section.entries()) {
        assertTrue(
            text.contains(entry.description().replaceAll("\\s+", " ")),
            "cut: " + entry.description() + "\n" + text);
      }
    }
  }

  @Test
  void aLostServerIsShownAndTheScreenKept() {
    start();
    api.goAway(dev.tend.api.ConnectionException.Kind.REFUSED);
    console.awaitText("connection lost, retrying");
    assertTrue(console.screen().contains("web:w2"));
    api.comeBack();
    console.awaitGone("connection lost, retrying");
    console.awaitText("reconnected to tend (fake)");
    console.awaitText("the server is back"); // the log pane says where its lines stopped and go on
  }

  @Test
  void quittingAttachedDetachesAndRestoresTheTerminal() {
    console =
        ConsoleDriver.start(
            api,
            ConsoleDriver.options(Mode.ATTACHED, DemoScene.NOW, ConsoleDriver.TRUECOLOR),
            100,
            30);
    console.awaitText("web:w2");
    console.press("q");
    assertEquals(ExitChoice.DETACH, console.awaitExit());
    assertTrue(console.row(0).startsWith(ConsoleDriver.SHELL_PROMPT), console.row(0));
    assertTrue(console.terminal.isCursorVisible());
  }

  @Test
  void quittingHostedAsksWhatToDoWithThePrograms() {
    start(Mode.HOSTED, ConsoleDriver.TRUECOLOR, 100, 30);
    assertTrue(console.row(0).contains("HOSTED"));
    console.press("q");
    console.awaitText("stop every program, then quit");
    console.press("s");
    assertEquals(ExitChoice.STOP_PROGRAMS, console.awaitExit());
  }

  @Test
  void readOnlySaysSoAndDoesNothingOnActionKeys() {
    ConsoleOptions o =
        ConsoleDriver.options(Mode.ATTACHED, DemoScene.NOW, ConsoleDriver.TRUECOLOR)
            .withReadOnly(true);
    console = ConsoleDriver.start(api, o, 100, 30);
    console.awaitText("READ-ONLY");
    console.press("j", "x");
    console.press("?");
    console.awaitText("Keys (read-only)");
    console.press("PgDn");
    console.awaitText("Tag or untag the process");
    assertFalse(console.screen().contains("Stop the process(es)"));
    assertEquals(ProcessState.RUNNING, api.process("web:w1").state());
  }

  @Test
  void commandLineCompletesWithACandidateList() {
    start();
    console.press(":");
    console.type("stop w");
    console.press("Tab");
    console.awaitText(":stop web:");
    console.awaitText("web:w1");
    assertTrue(console.screen().contains("group of 2"), console.screen());
    console.press("Esc");
    console.awaitGone(":stop web:");
  }

  @Test
  void filterNarrowsTheTable() {
    start();
    console.press("/");
    console.type("w2");
    console.awaitGone("web:w1");
    assertTrue(console.screen().contains("/w2"));
    console.press("Esc");
    console.awaitText("web:w1");
  }

  @Test
  void detailsShowTheConfiguration() {
    start();
    console.press("d");
    console.awaitText("Details api");
    console.awaitText("/usr/local/bin/api");
    console.press("Esc");
    console.awaitGone("Details api");
  }

  @Test
  void freezeHoldsTheScreen() {
    start();
    console.press("Z");
    console.awaitText("FROZEN");
    api.process("web:w2").stopped(15);
    api.add("new", "newcomer").running(5000);
    console.press("j"); // a key makes a frame: the table still shows the frozen rows
    console.awaitText("frozen: the screen holds still");
    assertFalse(console.screen().contains("newcomer"));
    console.press("Z");
    console.awaitText("newcomer");
  }

  @Test
  void aTerminalThatFailsEndsTheConsoleWithTheErrorAndTheTerminalRestored() throws Exception {
    FaultyTerminal term = new FaultyTerminal();
    term.putString("before");
    java.util.concurrent.atomic.AtomicReference<Throwable> thrown =
        new java.util.concurrent.atomic.AtomicReference<>();
    Thread t =
        new Thread(
            () -> {
              try {
                Console.run(
                    api,
                    ConsoleDriver.options(Mode.ATTACHED, DemoScene.NOW, ConsoleDriver.TRUECOLOR),
                    term);
              } catch (Throwable e) {
                thrown.set(e);
              }
            });
    t.start();
    Await.until("the console drew", () -> term.getCharacter(1, 0).getCharacterString().equals("t"));
    term.fail();
    t.join(10_000);
    assertEquals("device gone", thrown.get().getMessage());
    assertTrue(
        term.getCharacter(0, 0).getCharacterString().equals("b"), "the shell's screen is back");
    assertTrue(term.isCursorVisible());
  }

  @Test
  void whenTheTerminalsInputEndsAnAttachedConsoleDetaches() {
    console =
        ConsoleDriver.start(
            api,
            ConsoleDriver.options(Mode.ATTACHED, DemoScene.NOW, ConsoleDriver.TRUECOLOR),
            100,
            30);
    console.awaitText("web:w2");
    console.terminal.addInput(
        new com.googlecode.lanterna.input.KeyStroke(com.googlecode.lanterna.input.KeyType.EOF));
    assertEquals(ExitChoice.DETACH, console.awaitExit());
    assertTrue(console.row(0).startsWith(ConsoleDriver.SHELL_PROMPT), console.row(0));
  }
}
