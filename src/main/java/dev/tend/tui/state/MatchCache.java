package dev.tend.tui.state;

import java.util.Arrays;

/**
 * Whether each line of a buffer matches the pane's filter, remembered by sequence number in a ring
 * as large as the buffer's, so a filter that matches rarely costs one regex run per line, not one
 * per line per frame. UI thread only.
 */
final class MatchCache {
  private final LogQuery query;
  // seq + 1 of the line each slot describes; 0 for none
  private final long[] seqs;
  private final boolean[] hits;

  MatchCache(LogQuery query, int capacity) {
    this.query = query;
    this.seqs = new long[capacity];
    this.hits = new boolean[capacity];
  }

  LogQuery query() {
    return query;
  }

  /** Whether the buffered line {@code l} (numbered by its buffer) matches. */
  boolean matches(LogLine l) {
    int i = (int) (l.seq() % seqs.length);
    if (seqs[i] == l.seq() + 1) {
      return hits[i];
    }
    boolean hit = query.matches(l.text());
    seqs[i] = l.seq() + 1;
    hits[i] = hit;
    return hit;
  }

  void clear() {
    Arrays.fill(seqs, 0);
  }
}
