package dev.tend.tui.control;

import dev.tend.tui.feed.ConsoleServices;
import dev.tend.tui.state.ConsoleModel;

/** Switching the theme ({@code Ctrl-T}, {@code :theme}): checked, drawn with, kept, said. */
final class ThemeChoice {
  private final ConsoleModel model;
  private final ConsoleServices services;
  private final MessageLine messages;

  ThemeChoice(ConsoleModel model, ConsoleServices services, MessageLine messages) {
    this.model = model;
    this.services = services;
    this.messages = messages;
  }

  /** The theme after the current one. */
  void next() {
    choose(model.themes().next(model.themeName()));
  }

  void choose(String name) {
    if (!model.themes().has(name)) {
      messages.say(
          "no theme named '"
              + name
              + "' (themes: "
              + String.join(", ", model.themes().names())
              + ")",
          true);
      return;
    }
    if (model.colorDepth() == dev.tend.tui.theme.ColorDepth.NONE) {
      messages.say(
          "this terminal shows no colour (NO_COLOR or TERM): the monochrome theme stays", false);
      return;
    }
    var s = model.themes().select(name, model.colorDepth());
    model.useTheme(name, s.theme());
    services.saveTheme(name);
    if (s.warnings().isEmpty()) {
      messages.say("theme: " + s.theme().name(), false);
    } else {
      messages.say(s.warnings().get(s.warnings().size() - 1), true);
    }
  }
}
