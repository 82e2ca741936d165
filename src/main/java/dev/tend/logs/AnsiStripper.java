package dev.tend.logs;

import java.nio.ByteBuffer;

/**
 * supervisord's strip_ansi (dispatchers.stripEscapes): drops each {@code ESC [} and everything
 * after it up to and including the first of {@code H f A B C D R s u J K h l p m}. Unlike
 * supervisord, which strips each read on its own, the state carries across reads, so an escape
 * split between two reads is stripped as if it had arrived whole; a lone {@code ESC} at the end of
 * a read is held until the next byte shows whether it starts an escape.
 */
final class AnsiStripper {
  private static final byte ESC = 0x1b;
  private static final int TEXT = 0;
  private static final int AFTER_ESC = 1;
  private static final int IN_ESCAPE = 2;

  private final ByteBuffer heldEsc = ByteBuffer.wrap(new byte[] {ESC});
  // TEXT, AFTER_ESC (an ESC is held, not yet passed on) or IN_ESCAPE (dropping bytes).
  private int state = TEXT;

  /** Passes the bytes of {@code data} that survive to {@code out}, in runs. */
  void strip(ByteBuffer data, ByteStage out) {
    int limit = data.limit();
    int run = data.position(); // start of the pending run of kept bytes (meaningful in TEXT)
    for (int i = data.position(); i < limit; i++) {
      if (state == TEXT) {
        i = ByteScan.indexOf(data, i, limit, ESC); // skip the plain text at once
        if (i < 0) {
          break;
        }
      }
      byte b = data.get(i);
      if (state == TEXT) {
        if (b == ESC) {
          ByteStage.pass(data, run, i, out);
          state = AFTER_ESC;
        }
      } else if (state == AFTER_ESC) {
        if (b == '[') {
          state = IN_ESCAPE;
        } else {
          releaseEsc(out);
          if (b != ESC) { // an ESC followed by ESC holds the second one instead
            state = TEXT;
            run = i;
          }
        }
      } else if (isTerminator(b)) {
        state = TEXT;
        run = i + 1;
      }
    }
    if (state == TEXT) {
      ByteStage.pass(data, run, limit, out);
    }
    data.position(limit);
  }

  /** Ends the stream (or a capture block): a held ESC is passed on; an open escape is dropped. */
  void finish(ByteStage out) {
    if (state == AFTER_ESC) {
      releaseEsc(out);
    }
    state = TEXT;
  }

  private void releaseEsc(ByteStage out) {
    heldEsc.clear();
    out.accept(heldEsc);
  }

  private static boolean isTerminator(byte b) {
    return switch (b) {
      case 'H', 'f', 'A', 'B', 'C', 'D', 'R', 's', 'u', 'J', 'K', 'h', 'l', 'p', 'm' -> true;
      default -> false;
    };
  }
}
