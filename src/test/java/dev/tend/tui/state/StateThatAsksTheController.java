package dev.tend.tui.state;

import dev.tend.tui.control.ConsoleController;

/** Test fixture: state that reaches up to the controller, which the console's rules reject. */
public final class StateThatAsksTheController {
  public Class<?> upward() {
    return ConsoleController.class;
  }
}
