package dev.tend.core;

import dev.tend.platform.OutputSink;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * An output sink that also looks for the first line matching {@code ready_log}, then only passes
 * data on. Lines longer than {@link #MAX_LINE} bytes are matched on their first {@code MAX_LINE}
 * bytes. Runs on the I/O thread, like every sink.
 */
final class LogLineWatch implements OutputSink {
  static final int MAX_LINE = 4096;

  private final OutputSink next;
  private final Pattern pattern;
  private final Consumer<String> matched;
  // I/O thread only: the line read so far, and whether the watch is over.
  private final byte[] line = new byte[MAX_LINE];
  private int length;
  private boolean done;

  LogLineWatch(OutputSink next, Pattern pattern, Consumer<String> matched) {
    this.next = next;
    this.pattern = pattern;
    this.matched = matched;
  }

  @Override
  public void onData(ByteBuffer data) {
    if (!done) {
      scan(data.duplicate());
    }
    next.onData(data);
  }

  private void scan(ByteBuffer data) {
    while (data.hasRemaining() && !done) {
      byte b = data.get();
      if (b == '\n') {
        lineEnded();
      } else if (length < MAX_LINE) {
        line[length++] = b;
      }
    }
  }

  private void lineEnded() {
    int end = length > 0 && line[length - 1] == '\r' ? length - 1 : length;
    String text = new String(line, 0, end, StandardCharsets.UTF_8);
    length = 0;
    if (pattern.matcher(text).find()) {
      done = true;
      matched.accept(text);
    }
  }

  @Override
  public void onEof() {
    if (!done && length > 0) {
      lineEnded();
    }
    next.onEof();
  }
}
