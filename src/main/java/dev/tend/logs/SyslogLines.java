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
    while (data.hasRemaining()) {
      byte b = data.get();
      if (b == '\n') {
        send();
      } else {
        line.write(b);
        if (line.size() >= MAX_LINE) {
          send();
        }
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
