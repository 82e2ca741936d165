package dev.tend.cli;

import dev.tend.api.LogListener;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Cuts one followed log into lines and writes each with a prefix, whole, so that lines of several
 * processes interleave but never mix. A line without its end yet waits for it, up to {@link
 * #MAX_PENDING} bytes.
 */
final class PrefixedLines implements LogListener {
  static final int MAX_PENDING = 8192;

  private final CtlSession session;
  private final byte[] prefix;
  private final LogStreaming streaming;
  private final ByteArrayOutputStream pending = new ByteArrayOutputStream(); // follow thread only

  PrefixedLines(CtlSession session, String prefix, LogStreaming streaming) {
    this.session = session;
    this.prefix = prefix.getBytes(StandardCharsets.UTF_8);
    this.streaming = streaming;
  }

  @Override
  public void onData(byte[] data) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(data.length + 64);
    int start = 0;
    for (int i = 0; i < data.length; i++) {
      if (data[i] == '\n') {
        out.write(prefix, 0, prefix.length);
        out.writeBytes(pending.toByteArray());
        pending.reset();
        out.write(data, start, i + 1 - start);
        start = i + 1;
      }
    }
    pending.write(data, start, data.length - start);
    if (pending.size() > MAX_PENDING) {
      endLine(out);
    }
    if (out.size() > 0) {
      session.printRaw(out.toByteArray());
    }
  }

  @Override
  public void onGap(long bytes) {
    String what = bytes < 0 ? "log cleared or rotated" : bytes + " bytes skipped";
    line("==> " + what + " <==");
  }

  @Override
  public void onClosed(String reason) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    endLine(out);
    if (out.size() > 0) {
      session.printRaw(out.toByteArray());
    }
    if (!streaming.wasInterrupted() && !reason.equals("closed")) {
      line("==> " + reason + " <==");
    }
    streaming.streamEnded();
  }

  private void line(String text) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    endLine(out);
    out.write(prefix, 0, prefix.length);
    byte[] t = (text + "\n").getBytes(StandardCharsets.UTF_8);
    out.write(t, 0, t.length);
    session.printRaw(out.toByteArray());
  }

  /** Writes the pending part of a line, ended, if there is one. */
  private void endLine(ByteArrayOutputStream out) {
    if (pending.size() > 0) {
      out.write(prefix, 0, prefix.length);
      out.writeBytes(pending.toByteArray());
      out.write('\n');
      pending.reset();
    }
  }
}
