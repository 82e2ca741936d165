package dev.tend.tui.control;

/** Runs a parsed {@code :} line: a process action, any keymap action, or a console command. */
final class Commands {
  private final Actions actions;
  private final Requests requests;
  private final ThemeChoice themes;
  private final TableControl table;
  private final PaneOpener panes;
  private final MessageLine messages;

  Commands(
      Actions actions,
      Requests requests,
      ThemeChoice themes,
      TableControl table,
      PaneOpener panes,
      MessageLine messages) {
    this.actions = actions;
    this.requests = requests;
    this.themes = themes;
    this.table = table;
    this.panes = panes;
    this.messages = messages;
  }

  void run(Command c) {
    switch (c) {
      case Command.Run r -> requests.request(r.request());
      case Command.RunOnSelection r -> requests.onSelection(r.verb(), r.signal());
      case Command.Invoke i -> actions.perform(i.action(), null);
      case Command.ChooseTheme t -> {
        String name = t.name();
        if (name == null) {
          themes.next();
        } else {
          themes.choose(name);
        }
      }
      case Command.SetFilter f -> table.filter(f.text());
      case Command.Sort s -> table.sortBy(s.column());
      case Command.Tail t -> {
        table.select(t.namespec());
        panes.showSelection(t.streams());
      }
      case Command.OpenLog l -> panes.openPane(l.source());
      case Command.Problem p -> messages.say(p.message(), true);
      case Command.Nothing n -> {}
    }
  }
}
