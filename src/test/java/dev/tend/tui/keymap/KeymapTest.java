package dev.tend.tui.keymap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class KeymapTest {

  @Test
  void defaultKeymapHasAKeyForEveryActionAndNoKeyTwiceInAContext() {
    assertEquals(List.of(), Keymap.defaults().problems());
  }

  @Test
  void problemsNameAnActionWithoutAKeyAndAKeyBoundTwice() {
    Map<Action, List<KeyChord>> keys = new EnumMap<>(Action.class);
    keys.put(Action.STOP, List.of(KeyChord.of('x')));
    keys.put(Action.RESTART, List.of(KeyChord.of('x')));
    keys.put(Action.START, List.of());
    List<String> problems = Keymap.of(keys).problems();
    assertTrue(problems.contains("action 'start' has no key"), problems.toString());
    assertTrue(
        problems.contains(
            "key x is bound to both 'stop' and 'restart' in the process table context"),
        problems.toString());
  }

  @Test
  void defaultsNeverBindWhatTerminalsTmuxAndScreenTakeForThemselves() {
    Keymap keymap = Keymap.defaults();
    Set<String> reserved = Set.of("A", "B", "S", "Q", "W");
    for (Action a : Action.values()) {
      List<KeyChord> keys = keymap.keysOf(a);
      for (KeyChord k : keys) {
        assertFalse(
            k.ctrl() && reserved.contains(k.key()),
            a.id() + " is bound to " + k + " (tmux/screen prefix or flow control)");
        assertFalse(k.ctrl() && a.dangerous(), a.id() + " is dangerous and bound to a Ctrl chord");
      }
      assertTrue(
          keys.stream().anyMatch(k -> !k.isFunctionKey() && !k.alt()),
          a.id() + " is reachable only by an F-key or an Alt chord");
    }
  }

  @Test
  void everyActionIsReachableInItsOwnContext() {
    Keymap keymap = Keymap.defaults();
    for (Action a : Action.values()) {
      KeyContext where = a.context() == KeyContext.GLOBAL ? KeyContext.TABLE : a.context();
      boolean reachable =
          keymap.keysOf(a).stream().anyMatch(k -> keymap.resolve(where, k).orElse(null) == a);
      assertTrue(reachable, a.id() + " is shadowed in " + where);
    }
  }

  @Test
  void contextBindingWinsOverGlobal() {
    Keymap keymap = Keymap.defaults();
    assertEquals(Optional.of(Action.QUIT), keymap.resolve(KeyContext.TABLE, KeyChord.of('q')));
    assertEquals(Optional.of(Action.CLOSE_PANE), keymap.resolve(KeyContext.LOG, KeyChord.of('q')));
    assertEquals(Optional.of(Action.HELP), keymap.resolve(KeyContext.LOG, KeyChord.of('?')));
    assertEquals(Optional.empty(), keymap.resolve(KeyContext.TABLE, KeyChord.of('#')));
  }

  @Test
  void readOnlyRemovesEveryActionThatChangesPrograms() {
    Keymap ro = Keymap.defaults().readOnly();
    for (Action a : Action.values()) {
      assertEquals(!a.effect().changesPrograms(), ro.has(a), a.id());
    }
    assertEquals(Optional.empty(), ro.resolve(KeyContext.TABLE, KeyChord.of('x')));
    assertTrue(ro.has(Action.DETAILS));
    assertEquals(List.of(), ro.problems());
  }

  @Test
  void dangerousActionsAreExactlyThoseThatCanTakeProgramsDown() {
    List<Action> dangerous = new ArrayList<>();
    for (Action a : Action.values()) {
      if (a.dangerous()) {
        dangerous.add(a);
      }
    }
    assertEquals(List.of(Action.STOP, Action.RESTART, Action.SIGNAL_MENU), dangerous);
  }

  @Test
  void actionNamesAreUniqueAndFoundById() {
    for (Action a : Action.values()) {
      assertEquals(Optional.of(a), Action.byId(a.id()));
    }
    assertEquals(Optional.empty(), Action.byId("nope"));
  }
}
