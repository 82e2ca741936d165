package dev.tend.tui.control;

import dev.tend.api.SupervisorApi;
import dev.tend.api.SupervisorState;

/** Test fixture: a key handler that calls the server on the UI thread, which the rules reject. */
public final class ControllerThatCallsTheServer {
  public SupervisorState ask(SupervisorApi api) {
    return api.getState();
  }
}
