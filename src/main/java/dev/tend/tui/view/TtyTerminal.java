package dev.tend.tui.view;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.terminal.ansi.UnixLikeTerminal;
import dev.tend.platform.Signal;
import dev.tend.platform.SignalWatcher;
import dev.tend.platform.Tty;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
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

  private TtyTerminal(InputStream in, OutputStream out) throws IOException {
    super(in, out, StandardCharsets.UTF_8, CtrlCBehaviour.TRAP);
  }

  /** The terminal of this process; fails when stdin or stdout is not a terminal. */
  public static TtyTerminal open() throws IOException {
    if (!Tty.isatty(STDIN) || !Tty.isatty(STDOUT)) {
      throw new IOException("the console needs a terminal (stdin and stdout must be a tty)");
    }
    TtyTerminal t =
        new TtyTerminal(
            new FileInputStream(java.io.FileDescriptor.in),
            new FileOutputStream(java.io.FileDescriptor.out));
    return t;
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
