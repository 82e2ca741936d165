package dev.tend.tui.view;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.screen.Screen;
import dev.tend.tui.model.ConsoleModel;
import dev.tend.tui.model.LogPane;
import dev.tend.tui.model.Overlay;
import dev.tend.tui.model.Rect;
import dev.tend.tui.theme.Role;
import dev.tend.tui.theme.Style;
import dev.tend.tui.theme.Theme;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Draws one frame of the console from the model into the screen's back buffer and sends the
 * difference to the terminal: header, the panes of the layout (or the zoomed one), the bottom
 * lines, the overlay on top. UI thread only.
 */
final class Frame {
  static final int HEADER_ROWS = 2;
  static final int BOTTOM_ROWS = 2;

  private final Screen screen;
  private final Painter painter;
  // UI thread only: the theme the pens were made for
  private Theme drawnTheme;

  Frame(Screen screen, ConsoleModel m) {
    this.screen = screen;
    this.painter = new Painter(screen, m.glyphs());
    this.drawnTheme = m.theme();
  }

  /** Draws the model and refreshes the terminal (a full repaint after Ctrl-L or a new theme). */
  void render(ConsoleModel m, long nowMillis) throws IOException {
    TerminalSize resized = screen.doResizeIfNecessary();
    boolean full = m.takeFullRedraw() || resized != null;
    if (m.theme() != drawnTheme) {
      drawnTheme = m.theme();
      painter.forgetStyles();
      full = true;
    }
    TerminalSize size = screen.getTerminalSize();
    painter.begin(size.getColumns(), size.getRows());
    Styles st = new Styles(m.theme(), m.colorDepth());
    long nowSeconds = nowMillis / 1000;
    if (size.getRows() >= HEADER_ROWS + BOTTOM_ROWS + 2 && size.getColumns() >= 20) {
      // every widget paints all of its area, so there is no clearing pass
      HeaderBar.draw(painter, st, m, nowMillis);
      body(st, m, size, nowSeconds);
      BottomBar.draw(painter, st, m, nowMillis);
      overlay(st, m, nowSeconds);
    } else {
      painter.fill(new Rect(0, 0, size.getColumns(), size.getRows()), st.of(Role.SCREEN));
      painter.clipped(
          0, 0, size.getColumns(), "tend: terminal too small", st.of(Role.MESSAGE_ERROR));
    }
    screen.refresh(full ? Screen.RefreshType.COMPLETE : Screen.RefreshType.DELTA);
  }

  private void body(Styles st, ConsoleModel m, TerminalSize size, long nowSeconds) {
    Rect body =
        new Rect(0, HEADER_ROWS, size.getColumns(), size.getRows() - HEADER_ROWS - BOTTOM_ROWS);
    Map<Integer, Rect> places =
        m.zoomed()
            ? Map.of(m.focus(), body)
            : withBorders(
                st, body, tableNoTallerThanItsRows(m, m.layout().place(body), nowSeconds));
    m.setPlaced(places);
    List<Integer> order = m.layout().panes();
    for (Map.Entry<Integer, Rect> e : places.entrySet()) {
      int id = e.getKey();
      if (id == ConsoleModel.TABLE) {
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
   * Panes that do not start at the body's left edge give their first column to a border, so side by
   * side panes never run into each other.
   */
  private Map<Integer, Rect> withBorders(Styles st, Rect body, Map<Integer, Rect> places) {
    Map<Integer, Rect> out = new LinkedHashMap<>();
    Style border = st.of(Role.PANE_BORDER);
    for (Map.Entry<Integer, Rect> e : places.entrySet()) {
      Rect r = e.getValue();
      if (r.x() > body.x() && r.width() > 1) {
        for (int y = r.y(); y < r.y() + r.height(); y++) {
          painter.text(r.x(), y, r.x() + 1, painter.glyphs().vertical(), border);
        }
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
      ConsoleModel m, Map<Integer, Rect> places, long nowSeconds) {
    Rect table = places.get(ConsoleModel.TABLE);
    if (table == null) {
      return places;
    }
    int wanted = Math.max(4, m.table().visibleRows(nowSeconds).size() + 2);
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
      if (e.getKey() == ConsoleModel.TABLE) {
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
      case Overlay.CommandLine c -> {} // drawn on the bottom line
      case Overlay.Filter f -> {}
      case Overlay.LogPrompt l -> {} // on the bottom line
      case Overlay.CopyMode c -> {} // in its pane
    }
  }
}
