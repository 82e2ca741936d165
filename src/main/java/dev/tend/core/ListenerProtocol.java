package dev.tend.core;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Reads an event listener's side of the protocol (spec §6.1) from its stdout: {@code READY\n} when
 * it waits for an event, {@code RESULT <n>\n<n bytes>} when it finished one. Fed on the I/O thread,
 * in order; what it recognises goes to a {@link Listener}. The listener state it needs (what is
 * expected next) is told to it by the loop through {@link #expect}.
 */
final class ListenerProtocol {
  private static final byte[] READY = "READY\n".getBytes(StandardCharsets.US_ASCII);
  private static final int RESULT_PREFIX = "RESULT ".length();

  /** What the listener said. Called on the I/O thread. */
  interface Listener {
    void ready();

    void result(byte[] body);

    /** The listener broke the protocol; {@code why} is for the log. */
    void violation(String why);
  }

  /** What the loop expects from the listener next. */
  enum Expect {
    /** ACKNOWLEDGED: a READY token. */
    READY,
    /** READY: nothing at all (any output is a violation). */
    NOTHING,
    /** BUSY: a RESULT line and body. */
    RESULT,
    /** UNKNOWN: ignore everything. */
    IGNORE
  }

  private final Listener listener;
  // All fields: I/O thread, except `expect` which the loop sets.
  private volatile Expect expect = Expect.READY;
  private final ByteArrayOutputStream pending = new ByteArrayOutputStream();
  private int resultLength = -1;

  ListenerProtocol(Listener listener) {
    this.listener = listener;
  }

  /** The loop tells what the listener's next words should be (after a state change). */
  void expect(Expect next) {
    expect = next;
  }

  void feed(ByteBuffer data) {
    byte[] bytes = new byte[data.remaining()];
    data.get(bytes);
    pending.writeBytes(bytes);
    parse();
  }

  private void parse() {
    while (pending.size() > 0) {
      byte[] buf = pending.toByteArray();
      int used = step(buf);
      if (used == 0) {
        return;
      }
      pending.reset();
      pending.write(buf, used, buf.length - used);
    }
  }

  /** Consumes one token from the front of {@code buf}; returns how many bytes, 0 when too few. */
  private int step(byte[] buf) {
    switch (expect) {
      case IGNORE -> {
        return buf.length;
      }
      case NOTHING -> {
        expect = Expect.IGNORE;
        listener.violation("wrote output while READY");
        return buf.length;
      }
      case READY -> {
        if (buf.length < READY.length) {
          return 0;
        }
        if (!java.util.Arrays.equals(buf, 0, READY.length, READY, 0, READY.length)) {
          expect = Expect.IGNORE;
          listener.violation("expected READY");
          return buf.length;
        }
        expect = Expect.NOTHING;
        listener.ready();
        return READY.length;
      }
      default -> {
        return stepResult(buf);
      }
    }
  }

  private int stepResult(byte[] buf) {
    if (resultLength < 0) {
      int nl = indexOf(buf, (byte) '\n');
      if (nl < 0) {
        return 0;
      }
      String line = new String(buf, 0, nl, StandardCharsets.UTF_8);
      try {
        resultLength = Integer.parseInt(line.substring(Math.min(RESULT_PREFIX, line.length())));
      } catch (NumberFormatException e) {
        expect = Expect.IGNORE;
        listener.violation("bad result line: '" + line + "'");
        return buf.length;
      }
      return nl + 1;
    }
    if (buf.length < resultLength) {
      return 0;
    }
    byte[] body = java.util.Arrays.copyOf(buf, resultLength);
    int used = resultLength;
    resultLength = -1;
    expect = Expect.READY;
    listener.result(body);
    return used;
  }

  private static int indexOf(byte[] buf, byte b) {
    for (int i = 0; i < buf.length; i++) {
      if (buf[i] == b) {
        return i;
      }
    }
    return -1;
  }
}
