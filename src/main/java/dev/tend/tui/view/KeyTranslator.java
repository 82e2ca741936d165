package dev.tend.tui.view;

import com.googlecode.lanterna.input.KeyStroke;
import dev.tend.tui.keymap.KeyChord;
import org.jspecify.annotations.Nullable;

/** Lanterna's key strokes as the console's {@link KeyChord}s; null for what has no meaning here. */
final class KeyTranslator {
  private KeyTranslator() {}

  static @Nullable KeyChord chord(KeyStroke k) {
    String named =
        switch (k.getKeyType()) {
          case Character -> null;
          case Escape -> "Esc";
          case Backspace -> "Backspace";
          case ArrowLeft -> "Left";
          case ArrowRight -> "Right";
          case ArrowUp -> "Up";
          case ArrowDown -> "Down";
          case Insert -> "Insert";
          case Delete -> "Delete";
          case Home -> "Home";
          case End -> "End";
          case PageUp -> "PgUp";
          case PageDown -> "PgDn";
          case Tab -> "Tab";
          case ReverseTab -> "Shift-Tab";
          case Enter -> "Enter";
          case F1 -> "F1";
          case F2 -> "F2";
          case F3 -> "F3";
          case F4 -> "F4";
          case F5 -> "F5";
          case F6 -> "F6";
          case F7 -> "F7";
          case F8 -> "F8";
          case F9 -> "F9";
          case F10 -> "F10";
          case F11 -> "F11";
          case F12 -> "F12";
          default -> "";
        };
    if (named == null) {
      Character c = k.getCharacter();
      if (c == null || Character.isISOControl(c)) {
        return null;
      }
      return new KeyChord(String.valueOf(c), k.isCtrlDown(), k.isAltDown());
    }
    if (named.isEmpty()) {
      return null; // F13+, mouse, cursor reports, EOF (handled by the loop)
    }
    return new KeyChord(named, k.isCtrlDown(), k.isAltDown());
  }
}
