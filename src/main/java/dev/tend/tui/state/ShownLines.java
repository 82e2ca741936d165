package dev.tend.tui.state;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The lines a log pane shows, by position (see {@link LogPane}), as its scroll and its search walk
 * them: which are shown (their stream, the filter) and how each breaks into screen rows (wrapping,
 * the sideways scroll).
 */
interface ShownLines {
  /** The first position. */
  long startPos();

  /** One past the last position. */
  long endPos();

  /** The line at a position, or null. */
  @Nullable LogLine lineAt(long pos);

  /** The position of a line these lines hold. */
  long positionOf(LogLine l);

  /** Whether a line is shown. */
  boolean visible(LogLine l);

  /** The line's rows in a text area {@code width} columns wide. */
  List<LogRow> split(LogLine l, int width);
}
