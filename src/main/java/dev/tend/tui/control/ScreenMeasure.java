package dev.tend.tui.control;

import dev.tend.tui.state.Rect;
import java.util.Map;

/**
 * What the view measured for the next frame, told to the controller before it draws (drawing itself
 * changes nothing): where each pane goes, how many process rows the table shows, and each log
 * pane's text area.
 *
 * @param places where each pane is drawn, by pane id (only the zoomed one when zoomed)
 * @param tableRows process rows the table shows; -1 when the table is not drawn
 * @param textAreas the text area of each log pane drawn, by pane id
 */
public record ScreenMeasure(
    Map<Integer, Rect> places, int tableRows, Map<Integer, TextArea> textAreas) {

  /** A log pane's text area: columns for the text (after the time and name gutter) and rows. */
  public record TextArea(int width, int rows) {}

  public ScreenMeasure {
    places = Map.copyOf(places);
    textAreas = Map.copyOf(textAreas);
  }
}
