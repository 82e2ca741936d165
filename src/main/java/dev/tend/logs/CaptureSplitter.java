package dev.tend.logs;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Capture mode's token scanner (spec §6.3): splits a stream into text and captured blocks at {@code
 * <!--XSUPERVISOR:BEGIN-->} and {@code <!--XSUPERVISOR:END-->}, which are themselves dropped.
 * Tokens may span any number of reads: a partial match is held as a count of matched token bytes
 * (so nothing is copied), and released from the token itself when the match fails. Unlike
 * supervisord, which holds back up to a token's length of any output while capture is enabled, only
 * a true partial token is ever held.
 */
final class CaptureSplitter {
  static final byte[] BEGIN = "<!--XSUPERVISOR:BEGIN-->".getBytes(StandardCharsets.US_ASCII);
  static final byte[] END = "<!--XSUPERVISOR:END-->".getBytes(StandardCharsets.US_ASCII);

  /** Where the pieces go, in stream order. */
  interface Target {
    /** Bytes outside a block. */
    void text(ByteBuffer data);

    /** Bytes inside a block. */
    void captured(ByteBuffer data);

    /** A token was seen: a block begins ({@code true}) or ends ({@code false}). */
    void toggled(boolean capturing);
  }

  private static final int[] BEGIN_FALLBACK = fallback(BEGIN);
  private static final int[] END_FALLBACK = fallback(END);

  private final ByteBuffer beginBytes = ByteBuffer.wrap(BEGIN).asReadOnlyBuffer();
  private final ByteBuffer endBytes = ByteBuffer.wrap(END).asReadOnlyBuffer();
  // Inside a block (between BEGIN and END).
  private boolean capturing;
  // How many bytes of the awaited token the stream has just shown; those bytes are held.
  private int matched;

  boolean capturing() {
    return capturing;
  }

  /** Splits {@code data} (consuming it) into {@code target}. */
  void split(ByteBuffer data, Target target) {
    int limit = data.limit();
    int run = data.position();
    byte[] token = capturing ? END : BEGIN;
    for (int i = data.position(); i < limit; i++) {
      if (matched == 0) {
        i = ByteScan.indexOf(data, i, limit, token[0]); // the run goes on to the next '<'
        if (i < 0) {
          break;
        }
      }
      byte b = data.get(i);
      if (matched == 0) {
        emit(data, run, i, target); // the run ends where a possible token starts
      }
      while (matched > 0 && b != token[matched]) {
        int keep = (capturing ? END_FALLBACK : BEGIN_FALLBACK)[matched - 1];
        release(matched - keep, target);
        matched = keep;
      }
      if (b == token[matched]) {
        matched++;
        run = i + 1;
        if (matched == token.length) {
          matched = 0;
          capturing = !capturing;
          target.toggled(capturing);
          token = capturing ? END : BEGIN;
        }
      } else {
        run = i; // b starts a new run
      }
    }
    if (matched == 0) {
      emit(data, run, limit, target);
    }
    data.position(limit);
  }

  /** The stream ended: a held partial token is passed on as the bytes it was. */
  void finish(Target target) {
    if (matched > 0) {
      release(matched, target);
      matched = 0;
    }
  }

  private void emit(ByteBuffer data, int from, int to, Target target) {
    if (from >= to) {
      return;
    }
    int limit = data.limit();
    data.limit(to).position(from);
    if (capturing) {
      target.captured(data);
    } else {
      target.text(data);
    }
    data.limit(limit).position(to);
  }

  /** Passes on the first {@code n} held bytes, which are the awaited token's first bytes. */
  private void release(int n, Target target) {
    ByteBuffer held = capturing ? endBytes : beginBytes;
    held.limit(n).position(0);
    if (capturing) {
      target.captured(held);
    } else {
      target.text(held);
    }
  }

  /**
   * For each prefix length {@code k+1} of {@code token}, the length of its longest proper prefix
   * that is also its suffix: how much of a failed partial match may still start a token.
   */
  private static int[] fallback(byte[] token) {
    int[] f = new int[token.length];
    int k = 0;
    for (int i = 1; i < token.length; i++) {
      while (k > 0 && token[i] != token[k]) {
        k = f[k - 1];
      }
      if (token[i] == token[k]) {
        k++;
      }
      f[i] = k;
    }
    return f;
  }
}
