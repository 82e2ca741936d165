package dev.tend.tui.control;

import static dev.tend.tui.state.Infos.full;
import static dev.tend.tui.state.Infos.info;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tend.api.ProcessState;
import dev.tend.tui.keymap.Action;
import dev.tend.tui.state.Candidate;
import dev.tend.tui.state.Column;
import dev.tend.tui.state.LogPane;
import dev.tend.tui.state.ProcessRequest;
import dev.tend.tui.state.ProcessRequest.Verb;
import dev.tend.tui.state.ProcessTable;
import dev.tend.tui.state.Target;
import java.util.List;
import org.junit.jupiter.api.Test;

class CommandGrammarTest {
  private final ProcessTable table = new ProcessTable();
  private final CommandGrammar grammar =
      new CommandGrammar(table, List.of("default", "gruvbox"), false);

  CommandGrammarTest() {
    table.apply(
        full(
            info("api", "api", ProcessState.RUNNING),
            info("web", "w1", ProcessState.RUNNING),
            info("web", "w2", ProcessState.RUNNING)));
  }

  @Test
  void ctlVerbsWithNamesGroupsAndAll() {
    assertEquals(
        new Command.Run(ProcessRequest.of(Verb.STOP, new Target.One("api"))),
        grammar.parse("stop api"));
    assertEquals(
        new Command.Run(ProcessRequest.of(Verb.RESTART, new Target.Group("web"))),
        grammar.parse("restart web:*"));
    assertEquals(
        new Command.Run(ProcessRequest.of(Verb.START, new Target.All())),
        grammar.parse("start api all"));
    assertEquals(
        new Command.Run(
            ProcessRequest.of(Verb.STOP, new Target.Several(List.of("web:w1", "web:w2", "api")))),
        grammar.parse("stop web: api"));
    assertEquals(
        new Command.Run(ProcessRequest.signal("HUP", new Target.One("api"))),
        grammar.parse("signal sighup api"));
  }

  @Test
  void withoutNamesAVerbActsOnTheSelectionLikeItsKey() {
    assertEquals(new Command.RunOnSelection(Verb.STOP, null), grammar.parse("stop"));
    assertEquals(new Command.RunOnSelection(Verb.SIGNAL, "USR1"), grammar.parse("signal USR1"));
    assertEquals(new Command.Invoke(Action.SIGNAL_MENU), grammar.parse("signal"));
  }

  @Test
  void problemsSayWhatIsWrong() {
    assertEquals(new Command.Problem("no such process: nope"), grammar.parse("stop nope"));
    assertEquals(new Command.Problem("no such group: db"), grammar.parse("stop db:*"));
    assertEquals(new Command.Problem("bad signal name 'FOO'"), grammar.parse("signal FOO api"));
    assertEquals(
        new Command.Problem("unknown command 'frobnicate' (Tab lists them)"),
        grammar.parse("frobnicate"));
    assertEquals(new Command.Nothing(), grammar.parse("   "));
  }

  @Test
  void consoleCommandsAndEveryActionByName() {
    assertEquals(new Command.Invoke(Action.WRAP), grammar.parse("wrap"));
    assertEquals(new Command.Invoke(Action.QUIT), grammar.parse("q"));
    assertEquals(new Command.ChooseTheme("gruvbox"), grammar.parse("theme gruvbox"));
    assertEquals(new Command.SetFilter("web w"), grammar.parse("filter web w"));
    assertEquals(new Command.Sort(Column.REASON), grammar.parse("sort exit"));
    assertEquals(
        new Command.Tail("web:w1", LogPane.Streams.STDERR), grammar.parse("tail web:w1 stderr"));
  }

  @Test
  void readOnlyRefusesWhatChangesPrograms() {
    CommandGrammar ro = new CommandGrammar(table, List.of(), true);
    assertEquals(
        new Command.Problem("read-only: 'stop' would change the programs"), ro.parse("stop api"));
    assertEquals(
        new Command.Problem("read-only: 'restart' would change the programs"), ro.parse("restart"));
    assertEquals(new Command.Invoke(Action.DETAILS), ro.parse("details"));
    assertEquals(
        List.of(),
        ro.complete(List.of(), "st").stream().filter(c -> c.value().equals("stop")).toList());
  }

  @Test
  void completionFromVerbsAndLiveNames() {
    assertEquals(
        List.of("start", "stop", "streams"),
        grammar.complete(List.of(), "st").stream().map(Candidate::value).toList());
    assertEquals(
        List.of("web:*", "web:w1", "web:w2"),
        grammar.complete(List.of("stop"), "w").stream().map(Candidate::value).toList());
    assertEquals(
        List.of("all", "web:*", "web:w1", "web:w2"),
        grammar.complete(List.of("stop", "api"), "").stream().map(Candidate::value).toList());
    assertEquals(
        List.of("HUP"),
        grammar.complete(List.of("signal"), "HU").stream().map(Candidate::value).toList());
    assertEquals(
        List.of("gruvbox"),
        grammar.complete(List.of("theme"), "g").stream().map(Candidate::value).toList());
  }
}
