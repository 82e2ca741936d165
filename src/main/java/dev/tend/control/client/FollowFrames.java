package dev.tend.control.client;

import dev.tend.api.LineTimes;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Reads the frames of a streaming follow (docs/PROTOCOL.md, "Streaming follow") from the body's
 * pieces as they come, however the pieces cut them: {@code D <position> <lost> <length>\n} and that
 * many bytes, {@code T <length>\n} and that many bytes of marks, or {@code E <faultCode>
 * <faultString>\n}. Used by one thread.
 */
final class FollowFrames {
  private static final int MAX_LINE = 4096;
  private static final int MAX_TIMES = 1 << 20;

  /** What the frames say, in order. */
  interface Handler {
    /** Bytes (none: a heartbeat), the position after them, and the loss before them. */
    void data(byte[] data, String position, long lost);

    /** The follow ended with this fault; nothing follows. */
    void fault(int code, String text);

    /** When the bytes of the next data frame (the history) arrived. */
    default void times(LineTimes times) {}
  }

  private final Handler handler;
  // The frame line being read (until its '\n').
  private final ByteArrayOutputStream line = new ByteArrayOutputStream(64);
  // The data frame whose bytes are being read: its fields, and bytes still to come.
  private byte[] data = new byte[0];
  private int filled;
  private String position = "";
  private long lost;
  private boolean inData;
  // The frame's bytes are a times frame's text, not log data.
  private boolean inTimes;

  FollowFrames(Handler handler) {
    this.handler = handler;
  }

  /** Consumes a piece of the body; throws when the stream is not frames. */
  void feed(ByteBuffer piece) throws FrameException {
    while (piece.hasRemaining()) {
      if (inData) {
        int n = Math.min(piece.remaining(), data.length - filled);
        piece.get(data, filled, n);
        filled += n;
        if (filled == data.length) {
          inData = false;
          dataDone();
        }
        continue;
      }
      byte b = piece.get();
      if (b != '\n') {
        if (line.size() >= MAX_LINE) {
          throw new FrameException("a frame line longer than " + MAX_LINE + " bytes");
        }
        line.write(b);
        continue;
      }
      String text = line.toString(StandardCharsets.UTF_8);
      line.reset();
      frame(text);
    }
  }

  private void frame(String text) throws FrameException {
    if (text.startsWith("E ")) {
      int space = text.indexOf(' ', 2);
      try {
        int code = Integer.parseInt(space < 0 ? text.substring(2) : text.substring(2, space));
        handler.fault(code, space < 0 ? "" : text.substring(space + 1));
        return;
      } catch (NumberFormatException e) {
        throw new FrameException("bad fault frame: " + clip(text));
      }
    }
    String[] f = text.split(" ");
    if (f.length == 2 && f[0].equals("T")) {
      start(f[1], text, true);
      return;
    }
    if (f.length != 4 || !f[0].equals("D")) {
      throw new FrameException("not a frame: " + clip(text));
    }
    try {
      position = f[1];
      lost = Long.parseLong(f[2]);
    } catch (NumberFormatException e) {
      throw new FrameException("bad data frame: " + clip(text));
    }
    start(f[3], text, false);
  }

  /** A frame of {@code length} bytes begins: log data, or the text of a times frame. */
  private void start(String length, String text, boolean times) throws FrameException {
    int n;
    try {
      n = Integer.parseInt(length);
    } catch (NumberFormatException e) {
      throw new FrameException("bad frame length: " + clip(text));
    }
    if (n < 0 || (times && n > MAX_TIMES)) {
      throw new FrameException("bad frame length: " + clip(text));
    }
    data = new byte[n];
    filled = 0;
    inTimes = times;
    if (n == 0) {
      dataDone();
    } else {
      inData = true;
    }
  }

  private void dataDone() throws FrameException {
    if (!inTimes) {
      handler.data(data, position, lost);
      return;
    }
    inTimes = false;
    String text = new String(data, StandardCharsets.US_ASCII);
    String[] f = text.isEmpty() ? new String[0] : text.split(" ");
    if (f.length % 2 != 0) {
      throw new FrameException("bad times frame: " + clip(text));
    }
    long[] offsets = new long[f.length / 2];
    long[] millis = new long[f.length / 2];
    try {
      for (int i = 0; i < offsets.length; i++) {
        offsets[i] = Long.parseLong(f[2 * i]);
        millis[i] = Long.parseLong(f[2 * i + 1]);
      }
      handler.times(new LineTimes(offsets, millis, LineTimes.OLDER));
    } catch (IllegalArgumentException e) { // NumberFormatException too
      throw new FrameException("bad times frame: " + clip(text));
    }
  }

  private static String clip(String s) {
    return s.length() <= 80 ? s : s.substring(0, 80) + "...";
  }

  /** The body is not a stream of frames. */
  static final class FrameException extends Exception {
    private static final long serialVersionUID = 1L;

    FrameException(String message) {
      super(message);
    }
  }
}
