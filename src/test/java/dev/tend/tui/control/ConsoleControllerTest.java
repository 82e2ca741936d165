package dev.tend.tui.control;

import static dev.tend.tui.state.Infos.NOW;
import static dev.tend.tui.state.Infos.full;
import static dev.tend.tui.state.Infos.info;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tend.api.LogStream;
import dev.tend.api.ProcessState;
import dev.tend.api.SupervisorApi;
import dev.tend.testing.RecordingConsoleServices;
import dev.tend.tui.feed.ConsoleEvent;
import dev.tend.tui.feed.ConsoleSetup;
import dev.tend.tui.feed.LogInbox;
import dev.tend.tui.keymap.KeyChord;
import dev.tend.tui.state.Confirmation;
import dev.tend.tui.state.Connection;
import dev.tend.tui.state.ConsoleModel;
import dev.tend.tui.state.ConsoleOptions;
import dev.tend.tui.state.ConsoleOptions.ExitChoice;
import dev.tend.tui.state.ConsoleOptions.Mode;
import dev.tend.tui.state.LogLine;
import dev.tend.tui.state.LogPane;
import dev.tend.tui.state.Message;
import dev.tend.tui.state.Overlay;
import dev.tend.tui.state.PaneSource;
import dev.tend.tui.state.Panes;
import dev.tend.tui.state.Target;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConsoleControllerTest {
  private final RecordingConsoleServices services = new RecordingConsoleServices();
  private final List<ConsoleEvent> posted = new ArrayList<>();
  private ConsoleController controller = controller(Mode.ATTACHED, false);

  private ConsoleController controller(Mode mode, boolean readOnly) {
    ConsoleOptions o =
        ConsoleOptions.defaults(mode, "unix:///tmp/s.sock")
            .withConfigDir(null)
            .withEnv(Map.of("TERM", "xterm-256color"))
            .withClock(Clock.fixed(Instant.ofEpochSecond(NOW), ZoneOffset.UTC), ZoneOffset.UTC)
            .withReadOnly(readOnly);
    ConsoleModel m = ConsoleSetup.load(o);
    ConsoleController c = new ConsoleController(m, services, posted::add, WordCompleter::new);
    c.onEvent(
        new ConsoleEvent.Connected(
            new SupervisorApi.Capabilities("tend", true, true, true), "supervisor"));
    c.onEvent(
        new ConsoleEvent.Changes(
            full(
                info("api", "api", ProcessState.FATAL),
                info("web", "w1", ProcessState.RUNNING, NOW - 50),
                info("web", "w2", ProcessState.RUNNING, NOW - 5))));
    return c;
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

  @Test
  void theFirstBatchOpensTheLogPaneOnTheFirstProcess() {
    assertEquals(List.of(0, 1), model().layout().panes());
    assertEquals(List.of("follow 1 api"), services.calls());
    assertEquals(Panes.TABLE, model().focus());
  }

  @Test
  void movingTheSelectionSwitchesTheLogPane() {
    keys("j");
    assertEquals(new PaneSource.Process("web:w1"), model().pane(Panes.LOG).orElseThrow().source());
    assertEquals(List.of("follow 1 api", "follow 1 web:w1"), services.calls());
  }

  @Test
  void stopAsksYesNoForOneProcessAndRunsOnY() {
    keys("j", "x");
    Overlay.Confirm c = assertInstanceOf(Overlay.Confirm.class, model().overlay());
    assertEquals(new Confirmation.YesNo("Stop web:w1?"), c.confirmation());
    keys("y");
    assertNull(model().overlay());
    assertEquals("run stop web:w1", services.calls().get(services.calls().size() - 1));
  }

  @Test
  void anyOtherKeyCancelsTheYesNo() {
    keys("j", "x", "n");
    assertNull(model().overlay());
    assertTrue(services.runs().isEmpty());
    assertEquals("cancelled: stop web:w1", message());
  }

  @Test
  void startOfOneProcessRunsWithoutAQuestion() {
    keys("s");
    assertEquals("run start api", services.calls().get(services.calls().size() - 1));
  }

  @Test
  void actionsApplyToTheTaggedSetWithATypedConfirmation() {
    keys("Space", "Space", "r");
    Overlay.Confirm c = assertInstanceOf(Overlay.Confirm.class, model().overlay());
    assertEquals(new Target.Several(List.of("api", "web:w1")), c.request().target());
    type("restart");
    keys("Enter");
    assertEquals(1, services.runs().size());
  }

  @Test
  void aWrongTypedWordDoesNothing() {
    keys("Space", "Space", "x");
    type("yes");
    keys("Enter");
    assertTrue(services.runs().isEmpty());
    assertEquals("not confirmed: typed 'yes', not 'stop'", message());
  }

  @Test
  void signalMenuKillNeedsTheWordKill() {
    keys("j", "K");
    assertInstanceOf(Overlay.SignalMenu.class, model().overlay());
    keys("7"); // KILL is the 7th entry
    Overlay.Confirm c = assertInstanceOf(Overlay.Confirm.class, model().overlay());
    assertEquals("kill", ((Confirmation.Typed) c.confirmation()).word());
    type("kill");
    keys("Enter");
    assertEquals("run send SIGKILL to web:w1", services.calls().get(services.calls().size() - 1));
  }

  @Test
  void readOnlyHasNoKeysThatChangeProgramsAndRefusesTheCommands() {
    controller = controller(Mode.ATTACHED, true);
    keys("x", "s", "r", "K");
    assertNull(model().overlay());
    keys(":");
    type("stop all");
    keys("Enter");
    assertTrue(services.runs().isEmpty());
    assertEquals("read-only: 'stop' would change the programs", message());
  }

  @Test
  void commandLineRunsCtlGrammarWithConfirmation() {
    keys(":");
    type("restart web:*");
    keys("Enter");
    Overlay.Confirm c = assertInstanceOf(Overlay.Confirm.class, model().overlay());
    assertEquals(new Target.Group("web"), c.request().target());
    assertEquals(List.of("restart web:*"), model().history().lines());
  }

  @Test
  void commandLineCompletesVerbsAndNames() {
    keys(":");
    type("resta");
    keys("Tab");
    Overlay.CommandLine c = (Overlay.CommandLine) model().overlay();
    assertEquals("restart ", c.editor().text());
    type("w");
    keys("Tab");
    assertEquals("restart web:", c.editor().text());
    assertEquals(3, c.candidates().size());
    keys("Tab");
    assertEquals("restart web:*", c.editor().text());
    keys("Tab");
    assertEquals("restart web:w1", c.editor().text());
  }

  @Test
  void historyWalksBackAndForth() {
    keys(":");
    type("sort pid");
    keys("Enter", ":");
    type("filter w");
    keys("Enter", ":", "Up");
    Overlay.CommandLine c = (Overlay.CommandLine) model().overlay();
    assertEquals("filter w", c.editor().text());
    keys("Up");
    assertEquals("sort pid", c.editor().text());
    keys("Down", "Down");
    assertEquals("", c.editor().text());
  }

  @Test
  void filterTypesLiveAndEscPutsTheOldOneBack() {
    keys("/");
    type("w2");
    assertEquals("w2", model().table().filter());
    assertEquals(1, model().table().visibleRows(NOW).size());
    keys("Esc");
    assertEquals("", model().table().filter());
    keys("/");
    type("web");
    keys("Enter");
    assertEquals("web", model().table().filter());
    keys("Esc"); // back clears the filter
    assertEquals("", model().table().filter());
  }

  @Test
  void quitDetachesWhenAttached() {
    keys("q");
    assertEquals(ExitChoice.DETACH, model().exit());
  }

  @Test
  void quitAsksWhenHostedAndReturnsTheChoice() {
    controller = controller(Mode.HOSTED, false);
    keys("q");
    assertInstanceOf(Overlay.Quit.class, model().overlay());
    keys("Esc");
    assertNull(model().exit());
    keys("q", "s");
    assertEquals(ExitChoice.STOP_PROGRAMS, model().exit());
  }

  @Test
  void enterFocusesTheLogAndLogKeysWorkThere() {
    keys("Enter");
    assertEquals(Panes.LOG, model().focus());
    keys("w", "t", "E");
    LogPane p = model().pane(Panes.LOG).orElseThrow();
    assertTrue(!p.wraps() && p.showsTimestamps());
    assertEquals(LogPane.Streams.STDOUT, p.streams());
    keys("q");
    assertEquals(List.of(0), model().layout().panes());
    assertEquals(Panes.TABLE, model().focus());
  }

  @Test
  void logLinesArriveThroughTheInbox() {
    LogInbox inbox = services.inbox(Panes.LOG);
    long g = inbox.generation();
    inbox.offer(
        g, new LogLine(0, LogLine.Kind.TEXT, LogStream.STDOUT, "api", 0, "hello", List.of(), 0));
    assertEquals(List.of(new ConsoleEvent.LogReady(Panes.LOG)), posted);
    controller.onEvent(posted.get(0));
    assertEquals(1, model().pane(Panes.LOG).orElseThrow().buffer().size());
  }

  @Test
  void nextFailingJumpsToTheFailure() {
    keys("G", "!");
    assertEquals("api", model().table().selected(NOW).orElseThrow().namespec());
  }

  @Test
  void themeSwitchesAreSavedAndSaid() {
    keys("Ctrl-T");
    assertEquals("light", model().themeName());
    assertTrue(services.calls().contains("theme light"));
    assertEquals("theme: light", message());
  }

  @Test
  void anUnknownThemeChangesNothing() {
    keys(":");
    type("theme nope");
    keys("Enter");
    assertEquals("default", model().themeName());
    assertTrue(message().startsWith("no theme named 'nope' (themes: default, light"), message());
    assertTrue(services.calls().stream().noneMatch(c -> c.startsWith("theme ")));
  }

  @Test
  void connectionLossIsShownAndReconnectSaid() {
    controller.onEvent(new ConsoleEvent.ConnectionLost("refused", NOW * 1000 + 500));
    assertEquals(Connection.Status.LOST, model().connection().status());
    assertEquals(3, model().table().size());
    controller.onEvent(
        new ConsoleEvent.Connected(new SupervisorApi.Capabilities("tend", true, true, true), "s"));
    assertEquals("reconnected to tend", message());
  }

  @Test
  void detailsAskTheServerAndFillIn() {
    keys("d");
    assertTrue(services.calls().contains("details api"));
    controller.onEvent(new ConsoleEvent.DetailsLoaded("api", null, "boom"));
    Overlay.Details d = (Overlay.Details) model().overlay();
    assertEquals("boom", d.error());
    keys("Esc");
    assertNull(model().overlay());
  }

  @Test
  void freezeHoldsTheTable() {
    keys("Z");
    assertTrue(model().frozen());
    controller.onEvent(new ConsoleEvent.Changes(full(info("x", "x", ProcessState.RUNNING))));
    assertEquals(3, model().table().visibleRows(NOW).size());
    keys("Z");
    assertEquals(1, model().table().visibleRows(NOW).size());
  }

  @Test
  void everyActionHasABehaviourInItsContext() {
    keys("Enter"); // a log pane, so log actions have somewhere to act
    for (dev.tend.tui.keymap.Action a : dev.tend.tui.keymap.Action.values()) {
      controller = controller(Mode.HOSTED, false);
      keys("Enter");
      controller.perform(a, null); // throws for an action its context's switch forgot
    }
  }
}
