package dev.tend.tui.view;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.terminal.virtual.DefaultVirtualTerminal;
import java.io.IOException;
import java.util.concurrent.CountDownLatch;

/** A virtual terminal whose input fails with an IOException when told to (a device gone). */
final class FaultyTerminal extends DefaultVirtualTerminal {
  private final CountDownLatch failing = new CountDownLatch(1);

  FaultyTerminal() {
    super(new TerminalSize(100, 30));
  }

  void fail() {
    failing.countDown();
  }

  @Override
  public KeyStroke readInput() {
    try {
      failing.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    throw new java.io.UncheckedIOException(new IOException("device gone"));
  }
}
