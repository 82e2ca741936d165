package dev.tend.tui.view;

import java.io.IOException;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;

/**
 * What the console asks of its terminal besides drawing: the clipboard of the terminal the user
 * sits at, and lending the terminal to a pager. UI thread only.
 */
interface TerminalAccess {

  /** Puts text on the terminal's clipboard; returns why it cannot, or null. */
  @Nullable String copy(String text) throws IOException;

  /**
   * Shows a file in the user's pager in the foreground, the console suspended meanwhile, and
   * returns once it ended: null, or what went wrong. The caller repaints the whole screen after.
   */
  @Nullable String page(Path file) throws IOException;

  /** For a terminal that is not tend's own (the virtual one, lanterna's): neither works. */
  TerminalAccess NONE =
      new TerminalAccess() {
        @Override
        public @Nullable String copy(String text) {
          return "this terminal cannot take a clipboard escape";
        }

        @Override
        public @Nullable String page(Path file) {
          return "the pager needs tend's own terminal; the pane's lines are in " + file;
        }
      };
}
