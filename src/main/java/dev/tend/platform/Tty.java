package dev.tend.platform;

import com.sun.jna.Memory;
import java.io.IOException;
import java.util.Optional;

/**
 * The console's terminal, natively: isatty, window size (TIOCGWINSZ) and raw mode with the previous
 * settings restored. Replaces lanterna's UnixTerminal, which runs {@code stty} in child processes
 * and would break the single-reaper rule when the console hosts the supervisor.
 */
public final class Tty {
  private Tty() {}

  /** A terminal's size in character cells. */
  public record Size(int rows, int columns) {}

  public static boolean isatty(int fd) {
    return LibC.isatty(fd) == 1;
  }

  /** The window size of the terminal on {@code fd}, or empty when it is not a terminal. */
  public static Optional<Size> size(int fd) {
    try (Memory ws = new Memory(8)) {
      ws.clear();
      if (LibCVarargs.C.ioctl(fd, LibC.TIOCGWINSZ, ws) != 0) {
        return Optional.empty();
      }
      return Optional.of(new Size(ws.getShort(0) & 0xffff, ws.getShort(2) & 0xffff));
    }
  }

  /**
   * Puts the terminal on {@code fd} in raw mode (cfmakeraw: no echo, no line editing, no signal
   * keys, no output processing); closing the result restores the settings saved here.
   */
  public static RawMode enterRaw(int fd) throws IOException {
    byte[] saved = attributes(fd);
    try (Memory raw = new Memory(LibC.TERMIOS_SIZE)) {
      raw.write(0, saved, 0, saved.length);
      LibC.cfmakeraw(raw);
      if (LibC.tcsetattr(fd, LibC.TCSAFLUSH, raw) != 0) {
        throw new IOException("tcsetattr(fd " + fd + "): " + Errno.name(LibC.errno()));
      }
    }
    return new RawMode(fd, saved);
  }

  // Linux termios: c_iflag, c_oflag, c_cflag, c_lflag (4 bytes each), c_line, then c_cc.
  private static final int LFLAG_OFFSET = 12;
  private static final int CC_OFFSET = 17;
  private static final int VTIME = 5;
  private static final int VMIN = 6;
  private static final int ISIG = 0x1;
  private static final int ICANON = 0x2;
  private static final int ECHO = 0x8;
  private static final int ECHONL = 0x40;
  private static final int IEXTEN = 0x8000;

  /**
   * Puts the terminal on {@code fd} in the mode a full-screen program wants: keys arrive one by one
   * (no line editing), unechoed, and Ctrl-C, Ctrl-Z and Ctrl-\ arrive as keys, not signals; input
   * and output translation stay as they were (Enter still reads as a newline, a newline still
   * returns the carriage). Closing the result restores the settings saved here.
   */
  public static RawMode enterKeys(int fd) throws IOException {
    byte[] saved = attributes(fd);
    byte[] mode = saved.clone();
    int lflag =
        java.nio.ByteBuffer.wrap(mode, LFLAG_OFFSET, 4)
            .order(java.nio.ByteOrder.nativeOrder())
            .getInt();
    lflag &= ~(ICANON | ECHO | ECHONL | ISIG | IEXTEN);
    java.nio.ByteBuffer.wrap(mode, LFLAG_OFFSET, 4)
        .order(java.nio.ByteOrder.nativeOrder())
        .putInt(lflag);
    mode[CC_OFFSET + VMIN] = 1;
    mode[CC_OFFSET + VTIME] = 0;
    try (Memory t = new Memory(LibC.TERMIOS_SIZE)) {
      t.write(0, mode, 0, mode.length);
      if (LibC.tcsetattr(fd, LibC.TCSAFLUSH, t) != 0) {
        throw new IOException("tcsetattr(fd " + fd + "): " + Errno.name(LibC.errno()));
      }
    }
    return new RawMode(fd, saved);
  }

  /**
   * Waits up to {@code timeoutMillis} for input on {@code fd}; true when a read would not block.
   * Lets a reader check between waits whether it should leave the terminal to someone else.
   */
  public static boolean awaitInput(int fd, int timeoutMillis) {
    try (Memory pollfd = new Memory(8)) {
      pollfd.setInt(0, fd);
      pollfd.setShort(4, LibC.POLLIN);
      pollfd.setShort(6, (short) 0);
      return LibC.poll(pollfd, 1, timeoutMillis) > 0;
    }
  }

  /** The process group in the foreground of the terminal on {@code fd} (tcgetpgrp). */
  public static int foregroundGroup(int fd) throws IOException {
    int pgrp = LibC.tcgetpgrp(fd);
    if (pgrp < 0) {
      throw new IOException("tcgetpgrp(fd " + fd + "): " + Errno.name(LibC.errno()));
    }
    return pgrp;
  }

  /**
   * Puts process group {@code pgrp} in the foreground of the terminal on {@code fd} (tcsetpgrp), as
   * a shell does for a job: then only that group reads the terminal and gets its Ctrl-C. SIGTTOU is
   * blocked on the calling thread meanwhile (sigprocmask acts on the calling thread on Linux), so a
   * process in the background can take the terminal back without being stopped.
   */
  public static void setForegroundGroup(int fd, int pgrp) throws IOException {
    try (Memory block = new Memory(LibC.SIGSET_SIZE);
        Memory old = new Memory(LibC.SIGSET_SIZE)) {
      LibC.sigemptyset(block);
      LibC.sigaddset(block, LibC.SIGTTOU);
      LibC.sigprocmask(LibC.SIG_BLOCK, block, old);
      try {
        if (LibC.tcsetpgrp(fd, pgrp) != 0) {
          throw new IOException(
              "tcsetpgrp(fd " + fd + ", " + pgrp + "): " + Errno.name(LibC.errno()));
        }
      } finally {
        LibC.sigprocmask(LibC.SIG_SETMASK, old, null);
      }
    }
  }

  /** The raw termios bytes of {@code fd}. */
  static byte[] attributes(int fd) throws IOException {
    try (Memory t = new Memory(LibC.TERMIOS_SIZE)) {
      t.clear(); // tcgetattr leaves the struct's padding as it was: the same settings, equal bytes
      if (LibC.tcgetattr(fd, t) != 0) {
        throw new IOException("tcgetattr(fd " + fd + "): " + Errno.name(LibC.errno()));
      }
      return t.getByteArray(0, LibC.TERMIOS_SIZE);
    }
  }

  /** Raw mode in force; {@link #close()} puts the saved settings back (once). */
  public static final class RawMode implements AutoCloseable {
    private final int fd;
    private final byte[] saved;
    private boolean restored; // guarded by this

    RawMode(int fd, byte[] saved) {
      this.fd = fd;
      this.saved = saved.clone();
    }

    @Override
    public synchronized void close() throws IOException {
      if (restored) {
        return;
      }
      restored = true;
      try (Memory t = new Memory(LibC.TERMIOS_SIZE)) {
        t.write(0, saved, 0, saved.length);
        if (LibC.tcsetattr(fd, LibC.TCSANOW, t) != 0) {
          throw new IOException(
              "restoring the terminal (fd " + fd + "): " + Errno.name(LibC.errno()));
        }
      }
    }
  }
}
