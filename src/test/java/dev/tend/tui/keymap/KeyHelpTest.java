package dev.tend.tui.keymap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class KeyHelpTest {

  @Test
  void helpListsEveryActionOnceUnderItsContext() {
    List<KeyHelp.Section> sections = KeyHelp.sections(Keymap.defaults());
    assertEquals(
        List.of("Global", "Process table", "Log pane", "Servers view"),
        sections.stream().map(KeyHelp.Section::title).toList());
    long entries = sections.stream().mapToLong(s -> s.entries().size()).sum();
    assertEquals(Action.values().length, entries);
    KeyHelp.Entry stop =
        sections.get(1).entries().stream().filter(e -> e.action() == Action.STOP).findFirst().get();
    assertEquals("x", stop.keys());
    assertTrue(stop.dangerous());
  }

  @Test
  void helpShowsReboundKeysAndHidesWhatReadOnlyRemoves() {
    Keymap k = KeymapFile.parse("stop = X\n", "k").keymap();
    assertTrue(
        KeyHelp.sections(k).get(1).entries().stream()
            .anyMatch(e -> e.action() == Action.STOP && e.keys().equals("X")));
    assertFalse(
        KeyHelp.sections(k.readOnly()).stream()
            .flatMap(s -> s.entries().stream())
            .anyMatch(e -> e.action().effect().changesPrograms()));
  }

  @Test
  void footerShowsTheFocusedContextFirstThenGlobalKeysNotShadowed() {
    List<KeyHelp.Hint> table = KeyHelp.footer(Keymap.defaults(), KeyContext.TABLE);
    assertEquals(new KeyHelp.Hint("?", "help"), table.get(0));
    assertEquals(new KeyHelp.Hint("Enter", "log"), table.get(1));
    assertTrue(table.contains(new KeyHelp.Hint("x", "stop")));
    assertTrue(table.contains(new KeyHelp.Hint("q", "quit")));
    List<KeyHelp.Hint> log = KeyHelp.footer(Keymap.defaults(), KeyContext.LOG);
    assertTrue(log.contains(new KeyHelp.Hint("q", "close")));
    // q closes the pane there, so quit is offered on its other key
    assertTrue(log.contains(new KeyHelp.Hint("Ctrl-C", "quit")), log.toString());
  }
}
