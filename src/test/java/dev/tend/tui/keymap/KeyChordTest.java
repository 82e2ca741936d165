package dev.tend.tui.keymap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class KeyChordTest {

  @Test
  void parsesTheSpellingsPeopleWrite() {
    assertEquals(KeyChord.ctrl('l'), KeyChord.parse("Ctrl-L"));
    assertEquals(KeyChord.ctrl('l'), KeyChord.parse("ctrl+l"));
    assertEquals(KeyChord.ctrl('l'), KeyChord.parse("C-l"));
    assertEquals(KeyChord.ctrl('l'), KeyChord.parse("^L"));
    assertEquals(new KeyChord("x", false, true), KeyChord.parse("M-x"));
    assertEquals(KeyChord.named("PgUp"), KeyChord.parse("pageup"));
    assertEquals(KeyChord.named("Esc"), KeyChord.parse("Escape"));
    assertEquals(KeyChord.named("Shift-Tab"), KeyChord.parse("BackTab"));
    assertEquals(KeyChord.named("Space"), KeyChord.of(' '));
    assertEquals(KeyChord.of('K'), KeyChord.parse("K"));
    assertEquals(KeyChord.of('-'), KeyChord.parse("-"));
  }

  @Test
  void upperAndLowerCaseLettersAreDifferentKeysButNotUnderCtrl() {
    assertTrue(!KeyChord.of('k').equals(KeyChord.of('K')));
    assertEquals(KeyChord.ctrl('t'), KeyChord.ctrl('T'));
  }

  @Test
  void toStringReadsBack() {
    for (String s : new String[] {"j", "Ctrl-L", "Alt-x", "Shift-Tab", "F1", "Space", "|"}) {
      assertEquals(s, KeyChord.parse(s).toString());
    }
  }

  @Test
  void rejectsWhatIsNotAKeyNamingIt() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> KeyChord.parse("Hyper-Q"));
    assertEquals("not a key: 'Hyper-Q'", e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> KeyChord.parse(" "));
  }
}
