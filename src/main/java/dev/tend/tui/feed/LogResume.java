package dev.tend.tui.feed;

import java.util.List;

/**
 * Where a log follow started again after its server came back picks up: after the lines the pane
 * already has. The new follow reads the log's end again (its history); the pane's last lines are
 * found in it and what comes after them is new. By content: the protocol gives no offsets that
 * would survive a restarted daemon, and a log's last lines identify a place in it unless they
 * repeat (then the latest place is taken).
 */
public final class LogResume {
  /** How many of a stream's last lines the pane hands over to be found again. */
  public static final int SEEN_LINES = 20;

  private LogResume() {}

  /**
   * The index in {@code history} of its first line the pane does not have: just after the last
   * place where {@code history} holds {@code seen} (the pane's last lines, oldest first), or all of
   * them but the very last one (a line cut when the connection dropped, now complete); 0 when the
   * pane had none; -1 when {@code history} does not hold them (the log moved on further than the
   * history reaches, or was cleared): lines may be missing.
   */
  static int after(List<String> seen, List<String> history) {
    if (seen.isEmpty()) {
      return 0;
    }
    int at = lastPlace(seen, history);
    if (at < 0 && seen.size() > 1) {
      at = lastPlace(seen.subList(0, seen.size() - 1), history);
    }
    return at;
  }

  private static int lastPlace(List<String> tail, List<String> history) {
    int m = tail.size();
    for (int end = history.size(); end >= m; end--) {
      if (history.subList(end - m, end).equals(tail)) {
        return end;
      }
    }
    return -1;
  }
}
