package dev.tend.tui.view;

import dev.tend.platform.Tty;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * The terminal's input for the console's input thread, which can be told to leave the terminal
 * alone: while paused it reads nothing, so a program the console runs in the foreground (the pager)
 * gets every key. A read waits for input in short slices ({@link Tty#awaitInput}) so a pause takes
 * effect within one slice; a read never blocks inside the kernel where a pause cannot reach it.
 */
final class PausableTtyInput extends InputStream {
  private static final int SLICE_MILLIS = 100;

  private final int fd;
  private final FileInputStream in;
  // guarded by this: whether reads must wait
  private boolean paused;
  // guarded by this: whether a reader is parked by the pause (so nothing touches the terminal)
  private boolean parked;

  PausableTtyInput(int fd, FileInputStream in) {
    this.fd = fd;
    this.in = in;
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    int n = read(one, 0, 1);
    return n < 0 ? -1 : one[0] & 0xff;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    if (len == 0) {
      return 0;
    }
    while (true) {
      waitWhilePaused();
      if (Tty.awaitInput(fd, SLICE_MILLIS)) {
        return in.read(b, off, len); // there is input: this does not block
      }
    }
  }

  private synchronized void waitWhilePaused() throws IOException {
    while (paused) {
      parked = true;
      notifyAll();
      try {
        wait();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new java.io.InterruptedIOException("interrupted while the terminal was lent out");
      }
    }
    parked = false;
  }

  @Override
  public synchronized int available() throws IOException {
    return paused ? 0 : in.available();
  }

  /**
   * Stops reading: returns once the reader is parked, or after {@code waitMillis} when no reader
   * came (one that comes later parks before it reads).
   */
  synchronized void pause(long waitMillis) {
    paused = true;
    long deadline = System.nanoTime() + waitMillis * 1_000_000;
    while (!parked) {
      long left = (deadline - System.nanoTime()) / 1_000_000;
      if (left <= 0) {
        return;
      }
      try {
        wait(left);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  synchronized void resume() {
    paused = false;
    notifyAll();
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
