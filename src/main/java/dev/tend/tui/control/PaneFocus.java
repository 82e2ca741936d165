package dev.tend.tui.control;

/** What the global keys and a log pane's zoom ask of the panes: focus, zoom, room, follow. */
interface PaneFocus {
  /** Focus moves {@code step} panes on in reading order, wrapping. */
  void cycleFocus(int step);

  /** Focuses the {@code n}th pane in reading order (0 is the first), when there is one. */
  void focusNumber(int n);

  /** Focus goes back to the table; false when it was there. */
  boolean focusTable();

  void toggleZoom();

  /** Ends the zoom; false when nothing was zoomed. */
  boolean unzoom();

  /** The focused pane grows (1) or shrinks (-1) by a step. */
  void resize(int sign);

  /** The focused pane and its siblings get the same room. */
  void equalize();

  /** Every log pane follows its end ({@code true}) or holds still. */
  void followAll(boolean on);
}
