package dev.tend.tui.control;

import dev.tend.tui.keymap.Action;
import dev.tend.tui.keymap.KeyChord;
import dev.tend.tui.state.ConsoleModel;
import dev.tend.tui.state.ConsoleOptions.ExitChoice;
import dev.tend.tui.state.ConsoleOptions.Mode;
import dev.tend.tui.state.Overlay;
import org.jspecify.annotations.Nullable;

/**
 * The keys that work everywhere: help and the command line, back and quit, focus, zoom and room of
 * the panes, redraw, freeze, the next theme. UI thread only.
 */
final class GlobalKeys {
  private final ConsoleModel model;
  private final PaneFocus panes;
  private final LogPaneKeys logs;
  private final TableControl table;
  private final ThemeChoice themes;
  private final MessageLine messages;

  GlobalKeys(
      ConsoleModel model,
      PaneFocus panes,
      LogPaneKeys logs,
      TableControl table,
      ThemeChoice themes,
      MessageLine messages) {
    this.model = model;
    this.panes = panes;
    this.logs = logs;
    this.table = table;
    this.themes = themes;
    this.messages = messages;
  }

  /** A global action ({@code key} is null from the command line). */
  void perform(Action a, @Nullable KeyChord key) {
    behaviour(a, key).run();
  }

  private Runnable behaviour(Action a, @Nullable KeyChord key) {
    return switch (a) {
      case HELP -> () -> model.open(new Overlay.Help());
      case COMMAND -> () -> model.open(new Overlay.CommandLine());
      case BACK -> this::back;
      case QUIT -> this::quit;
      case FOCUS_NEXT -> () -> panes.cycleFocus(1);
      case FOCUS_PREVIOUS -> () -> panes.cycleFocus(-1);
      case FOCUS_PANE -> () -> focusNumber(key);
      case REDRAW -> model::requestFullRedraw;
      case FREEZE -> () -> freeze(!model.frozen());
      case THEME_NEXT -> themes::next;
      case GROW -> () -> panes.resize(1);
      case SHRINK -> () -> panes.resize(-1);
      case EQUALIZE -> panes::equalize;
      case SERVERS -> () -> model.open(new Overlay.Servers());
      default -> throw new IllegalArgumentException("not a global action: " + a.id());
    };
  }

  /** Esc: a search highlight goes first, then the zoom, then focus goes back, then the filter. */
  private void back() {
    if (!logs.dropSearch() && !panes.unzoom() && !panes.focusTable()) {
      table.clearFilter();
    }
  }

  private void quit() {
    if (model.options().mode() == Mode.ATTACHED) {
      model.end(ExitChoice.DETACH);
    } else {
      model.open(new Overlay.Quit());
    }
  }

  private void focusNumber(@Nullable KeyChord key) {
    char c = key == null ? '1' : key.character();
    panes.focusNumber(c >= '1' && c <= '9' ? c - '1' : 0);
  }

  private void freeze(boolean on) {
    model.setFrozen(on);
    table.freeze(on);
    panes.followAll(!on);
    messages.say(on ? "frozen: the screen holds still (Z again to go on)" : "live again", false);
  }
}
