package dev.tend.tui.feed;

import dev.tend.api.LogStream;
import dev.tend.tui.state.LogLine;
import dev.tend.tui.state.StreamKey;
import java.util.ArrayList;
import java.util.List;

/**
 * Puts the histories of a pane's streams in time order, as far as anyone knows it. A line's time is
 * when its server received it (a tend daemon's marks) or, where the server keeps none
 * (supervisord), the time the line begins with, if every line of that history begins with one.
 * Lines with a time are merged by it, each stream's in its own order (ties: the earlier stream
 * first). Lines without one come first, each stream's as a block under a notice saying that it is
 * not interleaved and why: never a made-up order shown as if it were true. With one history that
 * has lines there is nothing to interleave and no notice. Stateless.
 */
final class HistoryMerge {
  /** A line without a known time. */
  static final long UNTIMED = Long.MIN_VALUE;

  /**
   * One stream's history: its lines, the time of each ({@link #UNTIMED}: none; untimed lines only
   * before timed ones), and why the untimed ones have none.
   */
  record Block(StreamKey key, List<LogLine> lines, long[] times, String why) {
    Block {
      if (lines.size() != times.length) {
        throw new IllegalArgumentException(lines.size() + " lines but " + times.length + " times");
      }
      lines = List.copyOf(lines);
      times = times.clone();
    }

    /** Lines before the first timed one. */
    int untimed() {
      int i = 0;
      while (i < times.length && times[i] == UNTIMED) {
        i++;
      }
      return i;
    }
  }

  private HistoryMerge() {}

  /**
   * The lines of {@code blocks} in the order to show them. {@code stamps} reads the times lines
   * begin with, for histories that came without any.
   */
  static List<LogLine> merge(List<Block> blocks, LineTimestamps stamps, long noticeMillis) {
    List<Block> filled = blocks.stream().filter(b -> !b.lines().isEmpty()).toList();
    if (filled.size() <= 1) {
      return filled.isEmpty() ? List.of() : filled.getFirst().lines();
    }
    List<Block> timed = new ArrayList<>(filled.size());
    for (Block b : filled) {
      timed.add(b.untimed() == b.lines().size() ? stamped(b, stamps) : b);
    }
    List<LogLine> out = new ArrayList<>();
    for (Block b : timed) {
      int n = b.untimed();
      if (n > 0) {
        out.add(notice(b, noticeMillis));
        out.addAll(b.lines().subList(0, n));
      }
    }
    interleave(timed, out);
    return out;
  }

  /** A history without times, timed by what its lines begin with if all of them begin with one. */
  private static Block stamped(Block b, LineTimestamps stamps) {
    long[] t = new long[b.lines().size()];
    for (int i = 0; i < t.length; i++) {
      LogLine l = b.lines().get(i);
      t[i] = l.kind() == LogLine.Kind.TEXT ? stamps.millis(l.text()) : UNTIMED;
      if (t[i] == LineTimestamps.NONE) {
        return b;
      }
    }
    return new Block(b.key(), b.lines(), t, b.why());
  }

  /** The timed lines of every block, merged by time, each block's in its order. */
  private static void interleave(List<Block> blocks, List<LogLine> out) {
    int[] next = new int[blocks.size()];
    for (int i = 0; i < next.length; i++) {
      next[i] = blocks.get(i).untimed();
    }
    while (true) {
      int best = -1;
      long bestTime = 0;
      for (int i = 0; i < next.length; i++) {
        Block b = blocks.get(i);
        if (next[i] < b.times.length) {
          long t = b.times[next[i]];
          if (best < 0 || t < bestTime) {
            best = i;
            bestTime = t;
          }
        }
      }
      if (best < 0) {
        return;
      }
      out.add(blocks.get(best).lines().get(next[best]++));
    }
  }

  private static LogLine notice(Block b, long millis) {
    String what =
        b.key().source()
            + (b.key().stream() == LogStream.STDERR ? " " + LogStream.STDERR.word() : "");
    return new LogLine(
        0,
        LogLine.Kind.NOTICE,
        null,
        b.key().source(),
        millis,
        "earlier output of " + what + ", not interleaved: " + b.why(),
        List.of(),
        0);
  }
}
