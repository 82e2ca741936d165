package dev.tend.tui.control;

import static dev.tend.tui.state.Infos.NOW;
import static dev.tend.tui.state.Infos.delta;
import static dev.tend.tui.state.Infos.full;
import static dev.tend.tui.state.Infos.info;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tend.api.ProcessInfo;
import dev.tend.api.ProcessState;
import dev.tend.api.SupervisorApi;
import dev.tend.testing.RecordingConsoleServices;
import dev.tend.tui.feed.ConsoleEvent;
import dev.tend.tui.feed.ConsoleSetup;
import dev.tend.tui.feed.LogInbox;
import dev.tend.tui.keymap.KeyChord;
import dev.tend.tui.state.ConsoleModel;
import dev.tend.tui.state.ConsoleOptions;
import dev.tend.tui.state.LogLine;
import dev.tend.tui.state.LogPane;
import dev.tend.tui.state.Message;
import dev.tend.tui.state.Overlay;
import dev.tend.tui.state.PaneSource;
import dev.tend.tui.state.Rect;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Opening, splitting, moving, closing and keeping log panes, through the controller's keys. */
class PaneArrangementTest {
  private final RecordingConsoleServices services = new RecordingConsoleServices();
  private ConsoleController controller;

  PaneArrangementTest() {
    controller = controller(null);
    batch(
        full(
            info("api", "api", ProcessState.FATAL),
            info("web", "w1", ProcessState.RUNNING, NOW - 50),
            info("web", "w2", ProcessState.RUNNING, NOW - 5)));
  }

  private ConsoleController controller(@Nullable Path configDir) {
    ConsoleOptions o =
        ConsoleOptions.defaults(ConsoleOptions.Mode.ATTACHED, "unix:///tmp/s.sock")
            .withConfigDir(configDir)
            .withEnv(Map.of("TERM", "xterm-256color"))
            .withClock(Clock.fixed(Instant.ofEpochSecond(NOW), ZoneOffset.UTC), ZoneOffset.UTC);
    ConsoleController c =
        new ConsoleController(ConsoleSetup.load(o), services, e -> {}, WordCompleter::new);
    c.onEvent(
        new ConsoleEvent.Connected(
            new SupervisorApi.Capabilities("tend", true, true, true), "supervisor"));
    return c;
  }

  private void batch(dev.tend.api.ChangeBatch b) {
    controller.onEvent(new ConsoleEvent.Changes(b));
  }

  private ConsoleModel model() {
    return controller.model();
  }

  private void keys(String... keys) {
    for (String k : keys) {
      controller.onKey(KeyChord.parse(k));
    }
  }

  private void type(String text) {
    for (char c : text.toCharArray()) {
      controller.onKey(KeyChord.of(c));
    }
  }

  private String message() {
    return model().message(NOW * 1000).map(Message::text).orElse("");
  }

  private PaneSource source(int pane) {
    return model().pane(pane).orElseThrow().source();
  }

  /** Lines arrive in a pane as a follower would hand them over. */
  private void lines(int pane, String... texts) {
    LogInbox inbox = services.inbox(pane);
    for (String t : texts) {
      inbox.offer(
          inbox.generation(),
          new LogLine(
              0, LogLine.Kind.TEXT, dev.tend.api.LogStream.STDOUT, "api", 0, t, List.of(), 0));
    }
    controller.onEvent(new ConsoleEvent.LogReady(pane));
    model().pane(pane).orElseThrow().viewport(60, 10);
  }

  @Test
  void splittingOpensAPinnedPaneOnTheSameProcessBesideItAndFocusesIt() {
    keys("Enter", "|");
    assertEquals("v(55:0,45:h(50:1,50:2))", model().layout().encode());
    assertEquals(2, model().focus());
    assertEquals(new PaneSource.Process("api"), source(2));
    assertTrue(services.calls().contains("follow 2 api"));
    keys("1", "j"); // the table selects web:w1: the selection pane follows, the pinned one stays
    assertEquals(new PaneSource.Process("web:w1"), source(1));
    assertEquals(new PaneSource.Process("api"), source(2));
    keys("3", "-");
    assertEquals("v(55:0,45:h(50:1,50:v(50:2,50:3)))", model().layout().encode());
  }

  @Test
  void bracketsMoveAPinnedPaneAndTheSelectionPaneMovesTheSelection() {
    keys("Enter", "|", "]");
    assertEquals(new PaneSource.Process("web:w1"), source(2));
    keys("]", "]");
    assertEquals(new PaneSource.Process("api"), source(2), "around the end");
    keys("[");
    assertEquals(new PaneSource.Process("web:w2"), source(2));
    keys("2", "]");
    assertEquals("web:w1", model().table().selected(NOW).orElseThrow().namespec());
    assertEquals(new PaneSource.Process("web:w1"), source(1));
  }

  @Test
  void closingGivesFocusToThePaneBeforeAndTheSelectionPaneComesBackOnEnter() {
    keys("Enter", "|", "q");
    assertEquals(List.of(0, 1), model().layout().panes());
    assertEquals(1, model().focus());
    assertTrue(services.calls().contains("unfollow 2"));
    keys("q");
    assertEquals(List.of(0), model().layout().panes());
    assertEquals(-1, model().selectionPane());
    keys("Enter");
    assertEquals(3, model().selectionPane());
    assertEquals(3, model().focus());
  }

  @Test
  void aMergedPaneShowsTheGroupOrTheTaggedAndFollowsNewcomers() {
    keys("j", "L");
    assertEquals(new PaneSource.Group("web"), source(2));
    assertTrue(services.calls().contains("follow 2 web:w1 web:w2"), services.calls().toString());
    batch(delta(List.of(info("web", "w3", ProcessState.STARTING)), List.of()));
    assertEquals("update 2 web:w1 web:w2 web:w3", last());
    batch(delta(List.of(), List.of("web:w1")));
    assertTrue(services.calls().contains("update 2 web:w2 web:w3"), services.calls().toString());
    keys("1", "g", "Space", "Space", "L");
    assertEquals(new PaneSource.Tagged(List.of("api", "web:w2")), source(3));
  }

  @Test
  void aLargeMergedPaneFollowsABoundedNumberAndKeepsThoseItFollows() {
    List<ProcessInfo> many = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      many.add(
          info(
              "big",
              String.format("p%02d", i),
              i < 5 ? ProcessState.STOPPED : ProcessState.RUNNING));
    }
    batch(delta(many, List.of()));
    controller.run(new Command.OpenLog(new PaneSource.Group("big")));
    LogPane p = model().pane(2).orElseThrow();
    assertEquals(20, p.members().size());
    assertEquals(PaneArrangement.MAX_MERGED, p.followed().size());
    assertEquals("big:p05", p.followed().get(0), "running ones first");
    batch(delta(List.of(info("big", "p05", ProcessState.STOPPED)), List.of()));
    assertEquals("big:p05", p.followed().get(0), "a followed process stays followed");
  }

  @Test
  void aPaneTooSmallToSplitSaysSo() {
    keys("Enter");
    model().panes().setPlaced(Map.of(1, new Rect(0, 20, 30, 8)));
    keys("|");
    assertEquals(List.of(0, 1), model().layout().panes());
    assertEquals(
        "this pane is too small to split side by side (30x8); > makes it bigger, z zooms",
        message());
  }

  @Test
  void sizesChangeWithTheKeysAndComeBackEqual() {
    keys("Enter", "|", ">", ">");
    assertEquals("v(55:0,45:h(40:1,60:2))", model().layout().encode());
    keys("=");
    assertEquals("v(55:0,45:h(100:1,100:2))", model().layout().encode());
  }

  @Test
  void theLayoutIsKeptAndComesBackForTheSameTarget(@TempDir Path dir) throws Exception {
    controller = controller(dir);
    batch(full(info("api", "api", ProcessState.FATAL), info("web", "w1", ProcessState.RUNNING)));
    keys("Enter", "|", "]", "E", "w");
    String kept = services.layout();
    assertTrue(kept.startsWith("# tend console layout for unix:///tmp/s.sock"), kept);
    assertTrue(kept.contains("pane 2 = stdout nowrap notime process web:w1\n"), kept);
    Path file = model().options().layoutFile();
    Files.createDirectories(file.getParent());
    Files.writeString(file, kept);

    controller = controller(dir);
    batch(full(info("api", "api", ProcessState.FATAL), info("web", "w1", ProcessState.RUNNING)));
    assertEquals("v(55:0,45:h(50:1,50:2))", model().layout().encode());
    assertEquals(2, model().focus());
    LogPane p = model().pane(2).orElseThrow();
    assertEquals(new PaneSource.Process("web:w1"), p.source());
    assertEquals(LogPane.Streams.STDOUT, p.streams());
    assertEquals(false, p.wraps());
    assertEquals(1, model().selectionPane());
    assertTrue(services.calls().contains("follow 2 web:w1"));
  }

  @Test
  void aSavedLayoutThatCannotBeReadIsAWarningNotAFailure(@TempDir Path dir) throws Exception {
    controller = controller(dir);
    Path file = model().options().layoutFile();
    Files.createDirectories(file.getParent());
    Files.writeString(file, "layout = v(50:0,50:9)\n");
    controller = controller(dir);
    assertTrue(
        model().startupWarnings().get(0).startsWith("ignoring the saved pane layout " + file),
        model().startupWarnings().toString());
    batch(full(info("api", "api", ProcessState.FATAL)));
    assertEquals(List.of(0, 1), model().layout().panes(), "the usual first pane instead");
  }

  @Test
  void searchHighlightsGoesToTheNewestMatchAndEscClearsIt() {
    keys("Enter");
    lines(1, "a hit", "b", "c hit", "d");
    keys("/");
    type("hit");
    assertEquals("2 matching lines", ((Overlay.LogPrompt) model().overlay()).status());
    keys("Enter");
    LogPane p = model().pane(1).orElseThrow();
    assertEquals("\"hit\"", p.search().describe());
    assertEquals(2, p.searchPosition() - p.buffer().first());
    keys("N");
    assertEquals(0, p.searchPosition() - p.buffer().first());
    keys("N");
    assertEquals("search wrapped to the newest line", message());
    keys("Esc");
    assertEquals(null, p.search());
    assertEquals(1, model().focus(), "Esc took the highlight, not the focus");
  }

  @Test
  void aBadRegexSaysWhyAndKeepsTheOldSearch() {
    keys("Enter");
    lines(1, "x");
    keys("/");
    type("x");
    keys("Enter", "/", "Ctrl-R");
    type("(");
    assertTrue(((Overlay.LogPrompt) model().overlay()).status().startsWith("bad regex /x(/"));
    keys("Enter");
    assertTrue(message().startsWith("bad regex /x(/"), message());
    assertEquals("\"x\"", model().pane(1).orElseThrow().search().describe());
  }

  @Test
  void ampersandFiltersAndAgainShowsEverything() {
    keys("Enter");
    lines(1, "keep 1", "drop", "keep 2");
    keys("&");
    type("keep");
    keys("Enter");
    LogPane p = model().pane(1).orElseThrow();
    assertEquals(2, p.viewport(40, 10).size());
    assertEquals("showing lines matching \"keep\" (& again shows all)", message());
    keys("&");
    assertEquals(3, p.viewport(40, 10).size());
    assertEquals(null, p.filter());
  }

  @Test
  void copyModeYanksTheSelectedLinesAsShown() {
    keys("Enter");
    lines(1, "one", "two", "three");
    keys("v", "k", "y");
    assertEquals("two\nthree\n", model().takeClipboard());
    assertEquals("copied 2 lines to the terminal's clipboard", message());
    keys("v", "g", "v", "j", "Esc");
    assertEquals(null, model().takeClipboard(), "Esc leaves without copying");
  }

  @Test
  void thePagerGetsATemporaryFileThatIsDeletedAfterwards() {
    keys("Enter");
    lines(1, "one", "two");
    keys("o");
    assertEquals("write PAGER (temporary)", last());
    assertEquals(List.of("one", "two"), services.written().get(0));
    Path tmp = Path.of("/tmp/tend-pane-1.log");
    controller.onEvent(
        new ConsoleEvent.TextWritten(tmp, 2, ConsoleEvent.TextWritten.Purpose.PAGER, null));
    assertEquals(tmp, model().takePagerFile());
    controller.pagerDone(tmp, null);
    assertEquals("delete " + tmp, last());
  }

  @Test
  void saveAsksWhereWithAGoodNameAndSaysWhereItWent() {
    keys("Enter");
    lines(1, "one");
    keys("S");
    Overlay.LogPrompt prompt = (Overlay.LogPrompt) model().overlay();
    assertEquals("tend-api-20231114-221320.log", prompt.editor().text());
    keys("Enter");
    assertEquals("write SAVE tend-api-20231114-221320.log", last());
    controller.onEvent(
        new ConsoleEvent.TextWritten(
            Path.of("tend-api-20231114-221320.log"),
            1,
            ConsoleEvent.TextWritten.Purpose.SAVE,
            null));
    assertEquals("saved 1 line to tend-api-20231114-221320.log", message());
  }

  @Test
  void theCommandLineOpensMergedPanes() {
    keys(":");
    type("log web:*");
    keys("Enter");
    assertEquals(new PaneSource.Group("web"), source(2));
    keys(":");
    type("log all");
    keys("Enter");
    assertEquals(new PaneSource.All(), source(3));
    keys(":");
    type("log nosuch");
    keys("Enter");
    assertEquals("no such process: nosuch", message());
  }

  private String last() {
    List<String> calls = services.calls();
    return calls.get(calls.size() - 1);
  }
}
