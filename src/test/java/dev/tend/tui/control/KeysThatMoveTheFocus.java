package dev.tend.tui.control;

import dev.tend.tui.state.Panes;

/** Test fixture: a second writer of the focus, which the console's rules reject. */
public final class KeysThatMoveTheFocus {
  public void focusNext(Panes panes) {
    panes.cycleFocus(1);
  }
}
