package dev.tend.app;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * A stream that keeps the first {@value #LIMIT} bytes written to it and drops the rest: a
 * daemonized copy's stderr, whose start-up errors go to the parent (a daemon that runs for months
 * must not grow it).
 */
final class FirstWords {
  static final int LIMIT = 64 * 1024;

  // What was written, up to LIMIT bytes; guarded by itself (PrintStream locks around each write).
  private final ByteArrayOutputStream kept = new ByteArrayOutputStream();
  private final PrintStream stream =
      new PrintStream(
          new OutputStream() {
            @Override
            public void write(int b) {
              write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] b, int off, int len) {
              synchronized (kept) {
                kept.write(b, off, Math.max(0, Math.min(len, LIMIT - kept.size())));
              }
            }
          },
          true,
          StandardCharsets.UTF_8);

  PrintStream stream() {
    return stream;
  }

  String text() {
    synchronized (kept) {
      return kept.toString(StandardCharsets.UTF_8);
    }
  }
}
