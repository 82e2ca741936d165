package dev.tend.tui.view;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.screen.Screen;
import dev.tend.tui.control.ScreenMeasure;
import dev.tend.tui.state.ConsoleModel;
import dev.tend.tui.state.LogPane;
import dev.tend.tui.state.Overlay;
import dev.tend.tui.state.Panes;
import dev.tend.tui.state.Rect;
import dev.tend.tui.theme.Role;
import dev.tend.tui.theme.Style;
import dev.tend.tui.theme.Theme;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * One frame of the console, in two steps on the UI thread. {@link #measure} works out where the
 * header, the panes of the layout (or the zoomed one), the bottom lines and the overlay go, and
 * what the controller must know before anything is drawn (how many rows the table shows, each log
 * pane's text area). {@link #draw} then paints the model into the screen's back buffer as measured
 * and sends the difference to the terminal; it only reads the model.
 */
final class Frame {
  static final int HEADER_ROWS = 2;
  static final int BOTTOM_ROWS = 2;

  /** Where the panes of one frame go, and the border columns between side by side panes. */
  private record Layout(
      TerminalSize size, boolean fits, Map<Integer, Rect> places, List<Rect> borders) {}

  private final Screen screen;
  private final Painter painter;
  // UI thread only: the theme the pens were made for
  private Theme drawnTheme;
  // UI thread only: what the last measure found, for the draw that follows it
  private @Nullable Layout layout;
  // UI thread only: the terminal changed size since the last draw (it repaints everything)
  private boolean resized;

  Frame(Screen screen, ConsoleModel m) {
    this.screen = screen;
    this.painter = new Painter(screen, Glyphs.of(m.options().unicode()));
    this.drawnTheme = m.theme();
  }

  /**
   * Measures the next frame at the terminal's size: where every pane goes, and what the model must
   * be told before drawing; null when the terminal is too small to show anything but a warning.
   */
  @Nullable ScreenMeasure measure(ConsoleModel m) {
    resized |= screen.doResizeIfNecessary() != null;
    TerminalSize size = screen.getTerminalSize();
    if (size.getRows() < HEADER_ROWS + BOTTOM_ROWS + 2 || size.getColumns() < 20) {
      layout = new Layout(size, false, Map.of(), List.of());
      return null;
    }
    Rect body =
        new Rect(0, HEADER_ROWS, size.getColumns(), size.getRows() - HEADER_ROWS - BOTTOM_ROWS);
    List<Rect> borders = new ArrayList<>();
    Map<Integer, Rect> places =
        m.zoomed()
            ? Map.of(m.focus(), body)
            : withBorders(body, tableNoTallerThanItsRows(m, m.layout().place(body)), borders);
    layout = new Layout(size, true, places, borders);
    int tableRows = -1;
    Map<Integer, ScreenMeasure.TextArea> text = new HashMap<>();
    for (Map.Entry<Integer, Rect> e : places.entrySet()) {
      Rect area = e.getValue();
      if (e.getKey() == Panes.TABLE) {
        tableRows = area.isEmpty() ? -1 : Math.max(0, area.height() - 1);
      } else {
        m.pane(e.getKey())
            .map(pane -> LogView.textArea(pane, area))
            .ifPresent(t -> text.put(e.getKey(), t));
      }
    }
    return new ScreenMeasure(places, tableRows, text);
  }

  /**
   * Draws the model as last measured and refreshes the terminal (everything after Ctrl-L, a new
   * theme or a resize, when {@code full}).
   */
  void draw(ConsoleModel m, long nowMillis, boolean full) throws IOException {
    Layout l = Objects.requireNonNull(layout, "a frame is measured before it is drawn");
    boolean complete = full || resized;
    resized = false;
    if (m.theme() != drawnTheme) {
      drawnTheme = m.theme();
      painter.forgetStyles();
      complete = true;
    }
    TerminalSize size = l.size();
    painter.begin(size.getColumns(), size.getRows());
    Styles st = new Styles(m.theme(), m.colorDepth());
    long nowSeconds = nowMillis / 1000;
    if (l.fits()) {
      // every widget paints all of its area, so there is no clearing pass
      HeaderBar.draw(painter, st, m, nowMillis);
      body(st, m, l, nowSeconds);
      BottomBar.draw(painter, st, m, nowMillis);
      overlay(st, m, nowSeconds);
    } else {
      painter.fill(new Rect(0, 0, size.getColumns(), size.getRows()), st.of(Role.SCREEN));
      painter.clipped(
          0, 0, size.getColumns(), "tend: terminal too small", st.of(Role.MESSAGE_ERROR));
    }
    screen.refresh(complete ? Screen.RefreshType.COMPLETE : Screen.RefreshType.DELTA);
  }

  private void body(Styles st, ConsoleModel m, Layout l, long nowSeconds) {
    Style border = st.of(Role.PANE_BORDER);
    for (Rect b : l.borders()) {
      for (int y = b.y(); y < b.y() + b.height(); y++) {
        painter.text(b.x(), y, b.x() + 1, painter.glyphs().vertical(), border);
      }
    }
    List<Integer> order = m.layout().panes();
    for (Map.Entry<Integer, Rect> e : l.places().entrySet()) {
      int id = e.getKey();
      if (id == Panes.TABLE) {
        TableView.draw(painter, st, m, e.getValue(), nowSeconds);
      } else {
        Optional<LogPane> pane = m.pane(id);
        int number = order.indexOf(id) + 1;
        if (pane.isPresent()) {
          LogView.draw(
              painter, st, m, pane.get(), e.getValue(), number <= 9 ? number : 0, m.focus() == id);
        } else {
          painter.fill(e.getValue(), st.of(Role.SCREEN));
        }
      }
    }
  }

  /**
   * Panes that do not start at the body's left edge give their first column to a border (added to
   * {@code borders}), so side by side panes never run into each other.
   */
  private static Map<Integer, Rect> withBorders(
      Rect body, Map<Integer, Rect> places, List<Rect> borders) {
    Map<Integer, Rect> out = new LinkedHashMap<>();
    for (Map.Entry<Integer, Rect> e : places.entrySet()) {
      Rect r = e.getValue();
      if (r.x() > body.x() && r.width() > 1) {
        borders.add(new Rect(r.x(), r.y(), 1, r.height()));
        r = new Rect(r.x() + 1, r.y(), r.width() - 1, r.height());
      }
      out.put(e.getKey(), r);
    }
    return out;
  }

  /**
   * The table never takes more rows than it has processes (plus its title and a blank line): the
   * room it does not need goes to the panes right below it (when there are none, it keeps it).
   */
  private static Map<Integer, Rect> tableNoTallerThanItsRows(
      ConsoleModel m, Map<Integer, Rect> places) {
    Rect table = places.get(Panes.TABLE);
    if (table == null) {
      return places;
    }
    int wanted = Math.max(4, m.table().visibleRows().size() + 2);
    int spare = table.height() - wanted;
    int bottom = table.y() + table.height();
    boolean anyBelow =
        places.values().stream()
            .anyMatch(
                r -> r.y() == bottom && r.x() >= table.x() && r.x() < table.x() + table.width());
    if (spare <= 0 || !anyBelow) {
      return places;
    }
    Map<Integer, Rect> out = new LinkedHashMap<>();
    for (Map.Entry<Integer, Rect> e : places.entrySet()) {
      Rect r = e.getValue();
      boolean below = r.y() == bottom && r.x() >= table.x() && r.x() < table.x() + table.width();
      if (e.getKey() == Panes.TABLE) {
        out.put(e.getKey(), new Rect(r.x(), r.y(), r.width(), wanted));
      } else if (below) {
        out.put(e.getKey(), new Rect(r.x(), r.y() - spare, r.width(), r.height() + spare));
      } else {
        out.put(e.getKey(), r);
      }
    }
    return out;
  }

  private void overlay(Styles st, ConsoleModel m, long nowSeconds) {
    Overlay o = m.overlay();
    if (o == null) {
      return;
    }
    switch (o) {
      case Overlay.Help h -> HelpView.draw(painter, st, m, h);
      case Overlay.Confirm c -> Dialogs.confirm(painter, st, c);
      case Overlay.SignalMenu s -> Dialogs.signalMenu(painter, st, s);
      case Overlay.Details d -> Dialogs.details(painter, st, m, d, nowSeconds);
      case Overlay.Quit q -> Dialogs.quit(painter, st);
      case Overlay.Servers s -> ServersView.draw(painter, st, m, s, nowSeconds * 1000);
      case Overlay.CommandLine c -> {} // drawn on the bottom line
      case Overlay.Filter f -> {}
      case Overlay.LogPrompt l -> {} // on the bottom line
      case Overlay.CopyMode c -> {} // in its pane
    }
  }
}
