package dev.tend.tui.view;

import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import com.googlecode.lanterna.terminal.Terminal;
import com.googlecode.lanterna.terminal.TerminalResizeListener;
import dev.tend.tui.control.ConsoleController;
import dev.tend.tui.feed.ConsoleEvent;
import dev.tend.tui.keymap.KeyChord;
import dev.tend.tui.state.ConsoleModel;
import dev.tend.tui.state.ConsoleOptions;
import dev.tend.tui.state.ConsoleOptions.ExitChoice;
import java.io.IOException;
import java.time.Clock;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * The UI thread: takes keys (from an input thread), background events and resizes from one queue,
 * hands them to the controller, and draws a frame when anything happened, coalescing everything
 * that queued up meanwhile into that one frame. Also wakes once a second, on the second, for the
 * clock and the uptimes. The only thread that touches the model and the screen.
 */
final class ConsoleLoop {
  /** Posted by the resize listener; the frame asks the screen for the new size. */
  private static final Object RESIZED = new Object();

  /** Posted when the terminal's input ends (the terminal closed, ssh dropped). */
  private static final Object INPUT_ENDED = new Object();

  /**
   * Frames for background events alone come at most this often (25 a second: smooth enough for a
   * scrolling log, and four chatty panes cost a frame every 40 ms, not one per line). Keys and
   * resizes draw at once.
   */
  private static final long MIN_FRAME_NANOS = 40_000_000L;

  private final Terminal terminal;
  private final ConsoleController controller;
  private final ConsoleModel model;
  private final Frame frame;
  private final TerminalAccess access;
  private final Clock clock;
  // any thread puts, the UI thread takes: keys, events, and the markers above
  private final BlockingQueue<Object> queue;
  private final TerminalResizeListener onResize;
  // set once by run(); the input thread
  private @Nullable Thread input;
  // UI thread only: System.nanoTime() of the last frame
  private long lastFrame;
  // UI thread only: looked at once a second, after a frame
  private final HeapAfterBurst heap = HeapAfterBurst.ofThisJvm();
  // UI thread only: clock.millis() / 1000 of the heap's last check
  private long heapChecked;

  /**
   * @param queue where background threads post their events (the controller's sink puts there)
   */
  ConsoleLoop(
      Terminal terminal,
      ConsoleController controller,
      Frame frame,
      TerminalAccess access,
      BlockingQueue<Object> queue) {
    this.terminal = terminal;
    this.controller = controller;
    this.model = controller.model();
    this.frame = frame;
    this.access = access;
    this.clock = model.options().clock();
    this.queue = queue;
    this.onResize = (t, size) -> queue.add(RESIZED);
  }

  /** Runs until the model says how the console ends. */
  ExitChoice run() throws IOException {
    ConsoleController c = controller;
    terminal.addResizeListener(onResize);
    Thread t = new Thread(this::readKeys, "tend-console-input");
    t.setDaemon(true);
    input = t;
    t.start();
    render();
    while (true) {
      ExitChoice exit = model.exit();
      if (exit != null) {
        return exit;
      }
      long now = clock.millis();
      long untilTick = 1000 - now % 1000;
      Object e;
      try {
        e = queue.poll(untilTick, TimeUnit.MILLISECONDS);
      } catch (InterruptedException ie) {
        Thread.currentThread().interrupt();
        return fallbackExit();
      }
      boolean urgent = drain(c, e);
      if (!urgent) {
        urgent = gatherUntilFrameIsDue(c);
      }
      if (model.exit() == null) {
        render();
        if (terminalRequests(c)) {
          render();
        }
      }
      long second = clock.millis() / 1000;
      if (second != heapChecked) {
        heapChecked = second;
        heap.check();
      }
    }
  }

  /**
   * Draws a frame: the controller first brings the model up to what the view measured, then the
   * frame only reads it.
   */
  private void render() throws IOException {
    long now = clock.millis();
    controller.prepareFrame(now, frame::measure);
    frame.draw(model, now, model.takeFullRedraw());
    lastFrame = System.nanoTime();
  }

  /**
   * Does what the user asked of the terminal itself, after the frame that asked: text for the
   * clipboard, a file for the pager (the UI thread waits for it; events queue meanwhile). True when
   * the screen must be drawn again.
   */
  private boolean terminalRequests(ConsoleController c) throws IOException {
    boolean again = false;
    String text = model.takeClipboard();
    if (text != null) {
      String problem = access.copy(text);
      if (problem != null) {
        c.notice(problem, true);
        again = true;
      }
    }
    java.nio.file.Path file = model.takePagerFile();
    if (file != null) {
      c.pagerDone(file, access.page(file));
      model.requestFullRedraw();
      again = true;
    }
    return again;
  }

  /**
   * Handles {@code first} and whatever else is queued; true when a key or a resize was among them.
   */
  private boolean drain(ConsoleController c, @Nullable Object first) throws IOException {
    boolean urgent = false;
    Object e = first;
    for (int n = 0; e != null; n++) {
      urgent |= e instanceof KeyStroke || e == RESIZED;
      handle(c, e);
      e = n < 10_000 ? queue.poll() : null;
    }
    return urgent;
  }

  /**
   * Background events alone (log lines, changes) draw at most {@link #MIN_FRAME_NANOS} apart: a
   * chatty log costs frames per second, not frames per line. A key ends the wait at once.
   */
  private boolean gatherUntilFrameIsDue(ConsoleController c) throws IOException {
    long due = lastFrame + MIN_FRAME_NANOS;
    for (long left = due - System.nanoTime(); left > 0; left = due - System.nanoTime()) {
      Object e;
      try {
        e = queue.poll(left, TimeUnit.NANOSECONDS);
      } catch (InterruptedException ie) {
        Thread.currentThread().interrupt();
        return true;
      }
      if (e == null) {
        return false;
      }
      if (drain(c, e)) {
        return true;
      }
    }
    return false;
  }

  private void handle(ConsoleController c, Object e) throws IOException {
    if (e instanceof KeyStroke k) {
      KeyChord chord = KeyTranslator.chord(k);
      if (chord != null) {
        c.onKey(chord);
      }
    } else if (e instanceof ConsoleEvent ev) {
      c.onEvent(ev);
    } else if (e == INPUT_ENDED) {
      c.inputEnded();
    } else if (e instanceof IOException io) {
      throw io;
    }
    // RESIZED: nothing to do but draw
  }

  private ExitChoice fallbackExit() {
    return model.options().mode() == ConsoleOptions.Mode.ATTACHED
        ? ExitChoice.DETACH
        : ExitChoice.LEAVE_RUNNING;
  }

  private void readKeys() {
    try {
      while (!Thread.currentThread().isInterrupted()) {
        KeyStroke k = terminal.readInput();
        if (k == null || k.getKeyType() == KeyType.EOF) {
          queue.add(INPUT_ENDED);
          return;
        }
        queue.add(k);
      }
    } catch (IOException e) {
      queue.add(e);
    } catch (java.io.UncheckedIOException e) {
      queue.add(e.getCause());
    } catch (RuntimeException e) {
      if (!Thread.currentThread().isInterrupted()) {
        queue.add(new IOException("terminal input failed: " + e.getMessage(), e));
      }
    }
  }

  /** Stops listening; the input thread ends with its next key or with the JVM. */
  void close() {
    terminal.removeResizeListener(onResize);
    Thread t = input;
    if (t != null) {
      t.interrupt();
    }
  }
}
