package dev.tend.logs;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Cuts a stream into lines for syslog. supervisord sends each read's lines as they come (so a line
 * split across reads becomes two messages); tend joins the pieces and sends whole lines, a partial
 * line being sent when it grows past {@link #MAX_LINE} or the stream ends.
 */
final class SyslogLines implements ByteStage {
  static final int MAX_LINE = 8 * 1024;

  private final String processName;
  private final SyslogWriter writer;
  // The current line's bytes so far (no newline); sent and reset at each newline.
  private final ByteArrayOutputStream line = new ByteArrayOutputStream();

  SyslogLines(String processName, SyslogWriter writer) {
    this.processName = processName;
    this.writer = writer;
  }

  @Override
  public void accept(ByteBuffer data) {
    byte[] chunk = new byte[data.remaining()];
    data.get(chunk);
    int from = 0;
    for (int i = 0; i < chunk.length; i++) {
      if (chunk[i] == '\n') {
        append(chunk, from, i);
        send();
        from = i + 1;
      }
    }
    append(chunk, from, chunk.length);
  }

  /** Adds bytes {@code [from, to)} to the current line, sending it whenever it grows too long. */
  private void append(byte[] chunk, int from, int to) {
    while (from < to) {
      int n = Math.min(to - from, MAX_LINE - line.size());
      line.write(chunk, from, n);
      from += n;
      if (line.size() >= MAX_LINE) {
        send();
      }
    }
  }

  /** The stream ended: a partial line is sent. */
  void finish() {
    if (line.size() > 0) {
      send();
    }
  }

  private void send() {
    writer.send(processName + " " + line.toString(StandardCharsets.UTF_8));
    line.reset();
  }
}
