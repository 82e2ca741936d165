package dev.tend.cli;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;

/**
 * One server's output among several: cuts it into lines and writes each whole, after the server's
 * prefix, to the shared stream, so that servers' lines interleave but never mix. A last line
 * without its end gets one when the stream is closed.
 */
final class PrefixingStream extends OutputStream {
  private final PrintStream target;
  private final byte[] prefix;
  private final ByteArrayOutputStream line = new ByteArrayOutputStream(); // guarded by this

  PrefixingStream(PrintStream target, byte[] prefix) {
    this.target = target;
    this.prefix = prefix.clone();
  }

  @Override
  public synchronized void write(int b) {
    line.write(b);
    if (b == '\n') {
      emit();
    }
  }

  @Override
  public synchronized void write(byte[] b, int off, int len) {
    int start = off;
    for (int i = off; i < off + len; i++) {
      if (b[i] == '\n') {
        line.write(b, start, i + 1 - start);
        emit();
        start = i + 1;
      }
    }
    line.write(b, start, off + len - start);
  }

  private void emit() {
    synchronized (target) {
      target.write(prefix, 0, prefix.length);
      target.write(line.toByteArray(), 0, line.size());
      target.flush();
    }
    line.reset();
  }

  @Override
  public synchronized void flush() {
    // whole lines only: a partial line waits for its end or for close()
  }

  @Override
  public synchronized void close() {
    if (line.size() > 0) {
      line.write('\n');
      emit();
    }
  }
}
