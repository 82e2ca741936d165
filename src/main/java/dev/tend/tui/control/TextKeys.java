package dev.tend.tui.control;

import dev.tend.tui.keymap.KeyChord;
import dev.tend.tui.state.LineEditor;

/** The text editing keys of every one-line field: the : line, filters, prompts, typed words. */
final class TextKeys {
  private TextKeys() {}

  /** Applies an editing key; returns whether the text may have changed. */
  static boolean edit(LineEditor e, KeyChord k) {
    if (k.ctrl() && k.key().equals("U")) {
      e.deleteToStart();
      return true;
    }
    if (k.ctrl() || k.alt()) {
      return false;
    }
    switch (k.key()) {
      case "Backspace" -> e.backspace();
      case "Delete" -> e.delete();
      case "Left" -> e.left();
      case "Right" -> e.right();
      case "Home" -> e.home();
      case "End" -> e.end();
      case "Space" -> e.insert(' ');
      default -> {
        if (!k.isCharacter()) {
          return false;
        }
        e.insert(k.key().charAt(0));
      }
    }
    return true;
  }

  /** A named key without Ctrl or Alt. */
  static boolean is(KeyChord k, String named) {
    return !k.ctrl() && !k.alt() && k.key().equals(named);
  }
}
