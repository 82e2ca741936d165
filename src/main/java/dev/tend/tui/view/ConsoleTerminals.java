package dev.tend.tui.view;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.terminal.virtual.DefaultVirtualTerminal;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import org.jspecify.annotations.Nullable;

/**
 * Terminals for the console that are not a real tty: a virtual one for tests, screenshots and
 * benchmarks. (The real terminal is made by the app on the platform's {@code Tty}: one place.)
 */
public final class ConsoleTerminals {
  private ConsoleTerminals() {}

  /** A virtual terminal of this size whose input can be fed with {@code addInput}. */
  public static DefaultVirtualTerminal virtual(int columns, int rows) {
    return new QueueInputTerminal(new TerminalSize(columns, rows));
  }

  /**
   * lanterna's virtual terminal waits for input while holding its monitor, which every drawing call
   * needs too: a console reading keys on one thread and drawing on another would deadlock. This one
   * waits on its own queue.
   */
  private static final class QueueInputTerminal extends DefaultVirtualTerminal {
    private final BlockingQueue<KeyStroke> keys = new LinkedBlockingQueue<>();

    QueueInputTerminal(TerminalSize size) {
      super(size);
    }

    @Override
    public void addInput(KeyStroke keyStroke) {
      keys.add(keyStroke);
    }

    @Override
    public @Nullable KeyStroke pollInput() {
      return keys.poll();
    }

    @Override
    public KeyStroke readInput() {
      try {
        return keys.take();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return new KeyStroke(com.googlecode.lanterna.input.KeyType.EOF);
      }
    }
  }
}
