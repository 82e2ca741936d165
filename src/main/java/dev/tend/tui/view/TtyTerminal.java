package dev.tend.tui.view;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.terminal.ansi.UnixLikeTerminal;
import dev.tend.platform.Signal;
import dev.tend.platform.SignalWatcher;
import dev.tend.platform.Tty;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The console's terminal on the process's own tty, through termios calls (dev.tend.platform.Tty)
 * instead of lanterna's UnixTerminal, which runs {@code stty} as child processes: the supervisor
 * reaps every child it sees, and a JVM that spawns nothing is simpler to reason about. Raw mode (so
 * Ctrl-C and Ctrl-Z arrive as keys), the window size by ioctl, resizes by SIGWINCH.
 */
public final class TtyTerminal extends UnixLikeTerminal {
  private static final int STDIN = 0;
  private static final int STDOUT = 1;

  // Set while the terminal is acquired; closing it restores the saved settings.
  private Tty.@Nullable RawMode raw;
  private @Nullable SignalWatcher winch;
  private final PausableTtyInput input;

  private TtyTerminal(PausableTtyInput in, OutputStream out) throws IOException {
    super(in, out, StandardCharsets.UTF_8, CtrlCBehaviour.TRAP);
    this.input = in;
  }

  /** The terminal of this process; fails when stdin or stdout is not a terminal. */
  public static TtyTerminal open() throws IOException {
    if (!Tty.isatty(STDIN) || !Tty.isatty(STDOUT)) {
      throw new IOException("the console needs a terminal (stdin and stdout must be a tty)");
    }
    return new TtyTerminal(
        new PausableTtyInput(STDIN, new FileInputStream(java.io.FileDescriptor.in)),
        new FileOutputStream(java.io.FileDescriptor.out));
  }

  /**
   * Lends the terminal out (to a pager): the console stops reading keys, leaves the alternate
   * screen and puts the terminal's settings back as it found them.
   */
  public void suspend() throws IOException {
    input.pause(1000);
    exitPrivateMode();
    flush();
    restoreTerminalSettings();
  }

  /** Takes the terminal back after {@link #suspend}; the caller repaints the whole screen. */
  public void resume() throws IOException {
    saveTerminalSettings();
    enterPrivateMode();
    setCursorVisible(false);
    flush();
    input.resume();
  }

  /** The terminal's own file descriptor for its input (for handing it to a foreground program). */
  public int inputFd() {
    return STDIN;
  }

  /** Writes bytes as they are (an escape sequence the toolkit does not know, OSC 52). */
  public void writeRaw(byte[] bytes) throws IOException {
    writeToTerminal(bytes);
    flush();
  }

  @Override
  protected TerminalSize findTerminalSize() throws IOException {
    return Tty.size(STDOUT)
        .filter(s -> s.rows() > 0 && s.columns() > 0)
        .map(s -> new TerminalSize(s.columns(), s.rows()))
        .orElse(new TerminalSize(80, 24));
  }

  @Override
  protected void registerTerminalResizeListener(Runnable onResize) {
    Signal.byName("WINCH")
        .ifPresent(s -> winch = SignalWatcher.install(List.of(s), () -> onResizeDrained(onResize)));
  }

  private void onResizeDrained(Runnable onResize) {
    SignalWatcher w = winch;
    if (w != null && !w.drain().isEmpty()) {
      onResize.run();
    }
  }

  @Override
  protected void saveTerminalSettings() throws IOException {
    raw = Tty.enterKeys(STDIN);
  }

  @Override
  protected void restoreTerminalSettings() throws IOException {
    Tty.RawMode r = raw;
    raw = null;
    if (r != null) {
      r.close();
    }
  }

  // enterKeys already turned off echo, line editing and signal keys.
  @Override
  protected void keyEchoEnabled(boolean enabled) {}

  @Override
  protected void canonicalMode(boolean enabled) {}

  @Override
  protected void keyStrokeSignalsEnabled(boolean enabled) {}

  @Override
  public void close() throws IOException {
    try {
      super.close();
    } finally {
      SignalWatcher w = winch;
      winch = null;
      if (w != null) {
        w.close();
      }
    }
  }
}
