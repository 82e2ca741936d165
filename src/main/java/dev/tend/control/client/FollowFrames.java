package dev.tend.control.client;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Reads the frames of a streaming follow (docs/PROTOCOL.md, "Streaming follow") from the body's
 * pieces as they come, however the pieces cut them: {@code D <position> <lost> <length>\n} and that
 * many bytes, or {@code E <faultCode> <faultString>\n}. Used by one thread.
 */
final class FollowFrames {
  private static final int MAX_LINE = 4096;

  /** What the frames say, in order. */
  interface Handler {
    /** Bytes (none: a heartbeat), the position after them, and the loss before them. */
    void data(byte[] data, String position, long lost);

    /** The follow ended with this fault; nothing follows. */
    void fault(int code, String text);
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
          handler.data(data, position, lost);
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
    if (f.length != 4 || !f[0].equals("D")) {
      throw new FrameException("not a frame: " + clip(text));
    }
    try {
      position = f[1];
      lost = Long.parseLong(f[2]);
      int length = Integer.parseInt(f[3]);
      if (length < 0) {
        throw new FrameException("negative frame length: " + clip(text));
      }
      data = new byte[length];
      filled = 0;
      if (length == 0) {
        handler.data(data, position, lost);
      } else {
        inData = true;
      }
    } catch (NumberFormatException e) {
      throw new FrameException("bad data frame: " + clip(text));
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
