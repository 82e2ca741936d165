package dev.tend.control.client.ssh;

import java.io.FileInputStream;
import java.io.IOException;

/**
 * Whether ssh may ask the person at the terminal (a passphrase, an unknown host key), and one at a
 * time: two hosts asking at once would mix their questions. A console allows it until it takes the
 * screen; {@code tend ctl} allows it whenever there is a terminal.
 */
final class PromptGate {
  private volatile boolean allowed; // any thread; the console clears it before it draws

  PromptGate(boolean allowed) {
    this.allowed = allowed;
  }

  void allow(boolean allow) {
    this.allowed = allow;
  }

  /** Allowed, and this process has a controlling terminal ssh can open. */
  boolean open() {
    if (!allowed) {
      return false;
    }
    try (FileInputStream tty = new FileInputStream("/dev/tty")) {
      return tty.getFD().valid();
    } catch (IOException e) {
      return false; // no controlling terminal: ENXIO
    }
  }
}
