package dev.tend.tui.view;

import com.googlecode.lanterna.screen.TerminalScreen;
import com.googlecode.lanterna.terminal.Terminal;
import java.io.IOException;

/**
 * Puts the terminal back as it was: leaves the alternate screen, resets colours, shows the cursor.
 * Runs at most once, from the console's {@code finally} or from the JVM's shutdown hook, whichever
 * comes first. Never throws: a terminal that is gone cannot be restored.
 */
final class TerminalRestorer {
  private final TerminalScreen screen;
  private final Terminal terminal;
  // guarded by this
  private boolean done;

  TerminalRestorer(TerminalScreen screen, Terminal terminal) {
    this.screen = screen;
    this.terminal = terminal;
  }

  synchronized void restore() {
    if (done) {
      return;
    }
    done = true;
    try {
      screen.stopScreen(false);
    } catch (IOException | RuntimeException e) {
      // the terminal may be gone (hung up); then there is nothing to restore
    }
    try {
      terminal.resetColorAndSGR();
      terminal.setCursorVisible(true);
      terminal.flush();
    } catch (IOException | RuntimeException e) {
      // as above
    }
  }
}
