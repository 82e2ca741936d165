package dev.tend.tui.model;

import dev.tend.tui.keymap.Action;
import dev.tend.tui.keymap.KeyChord;
import dev.tend.tui.model.ConsoleOptions.ExitChoice;
import dev.tend.tui.model.ConsoleOptions.Mode;
import dev.tend.tui.model.ProcessRequest.Verb;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * The console's behaviour: keys and background events in, model changes and service calls out. Runs
 * on the UI thread only and never blocks: API work goes to {@link ConsoleServices}.
 */
public final class ConsoleController {
  private final ConsoleModel model;
  private final ConsoleServices services;
  private final EventSink sink;
  private final Clock clock;
  private final OverlayKeys overlays;
  private final CommandGrammar grammar;
  private final PaneArrangement arrangement;
  private final LogPaneControl panes;

  public ConsoleController(
      ConsoleModel model,
      ConsoleServices services,
      EventSink sink,
      Function<CommandGrammar, CommandCompleter> completers) {
    this.model = model;
    this.services = services;
    this.sink = sink;
    this.clock = model.options().clock();
    this.grammar =
        new CommandGrammar(model.table, model.themes().names(), model.options().readOnly());
    this.arrangement = new PaneArrangement(model, services, sink, this);
    this.panes = new LogPaneControl(model, services, this, arrangement);
    this.overlays =
        new OverlayKeys(
            model,
            this,
            completers.apply(grammar),
            grammar,
            new LogOverlayKeys(model, this, panes));
    List<String> warnings = model.startupWarnings();
    if (!warnings.isEmpty()) {
      String more = warnings.size() > 1 ? " (+" + (warnings.size() - 1) + " more in help)" : "";
      say(warnings.get(0) + more, true);
    }
  }

  public ConsoleModel model() {
    return model;
  }

  /** The grammar of the {@code :} line (the view's completer uses it). */
  public CommandGrammar grammar() {
    return grammar;
  }

  long now() {
    return clock.millis();
  }

  long nowSeconds() {
    return clock.millis() / 1000;
  }

  /** A key press. */
  public void onKey(KeyChord key) {
    if (model.overlay != null) {
      overlays.onKey(model.overlay, key);
    } else {
      Optional<Action> a = model.keymap().resolve(model.focusContext(), key);
      a.ifPresent(action -> perform(action, key));
    }
    afterwards();
  }

  /** What follows every key and event: the selection pane keeps up, the layout is kept. */
  private void afterwards() {
    arrangement.followSelection();
    arrangement.saveIfChanged();
  }

  /** Runs an action as its key would ({@code key} is null from the command line). */
  void perform(Action a, @Nullable KeyChord key) {
    Runnable behaviour =
        switch (a.context()) {
          case GLOBAL -> global(a, key);
          case TABLE -> table(a);
          case LOG -> () -> panes.logAction(a);
        };
    behaviour.run();
  }

  private Runnable global(Action a, @Nullable KeyChord key) {
    return switch (a) {
      case HELP -> () -> model.overlay = new Overlay.Help();
      case COMMAND -> () -> model.overlay = new Overlay.CommandLine();
      case BACK -> this::back;
      case QUIT -> this::quit;
      case FOCUS_NEXT -> () -> cycleFocus(1);
      case FOCUS_PREVIOUS -> () -> cycleFocus(-1);
      case FOCUS_PANE -> () -> focusNumber(key);
      case REDRAW -> () -> model.fullRedraw = true;
      case FREEZE -> () -> freeze(!model.frozen);
      case THEME_NEXT -> () -> chooseTheme(model.themes().next(model.themeName));
      case GROW -> () -> arrangement.resize(1);
      case SHRINK -> () -> arrangement.resize(-1);
      case EQUALIZE -> arrangement::equalize;
      default -> throw new IllegalArgumentException("not a global action: " + a.id());
    };
  }

  private Runnable table(Action a) {
    ProcessTable t = model.table;
    long now = nowSeconds();
    return switch (a) {
      case MOVE_DOWN -> () -> t.move(1, now);
      case MOVE_UP -> () -> t.move(-1, now);
      case MOVE_TOP -> () -> t.moveToTop(now);
      case MOVE_BOTTOM -> () -> t.moveToBottom(now);
      case PAGE_UP -> () -> t.move(-model.tableRows, now);
      case PAGE_DOWN -> () -> t.move(model.tableRows, now);
      case OPEN_LOG -> () -> arrangement.openSelectionPane(true);
      case OPEN_MERGED -> this::openMerged;
      case TAG -> this::tagAndMoveOn;
      case UNTAG_ALL -> t::untagAll;
      case START -> () -> onSelection(Verb.START, null);
      case STOP -> () -> onSelection(Verb.STOP, null);
      case RESTART -> () -> onSelection(Verb.RESTART, null);
      case SIGNAL_MENU ->
          () -> target().ifPresent(tg -> model.overlay = new Overlay.SignalMenu(tg));
      case DETAILS -> this::details;
      case FILTER -> () -> model.overlay = new Overlay.Filter(t.filter());
      case HIDE_STOPPED -> this::toggleHideStopped;
      case NEXT_FAILING -> this::nextFailing;
      case SORT_NAME -> () -> t.sortBy(Column.NAME);
      case SORT_STATE -> () -> t.sortBy(Column.STATE);
      case SORT_PID -> () -> t.sortBy(Column.PID);
      case SORT_UPTIME -> () -> t.sortBy(Column.UPTIME);
      case SORT_RESTARTS -> () -> t.sortBy(Column.RESTARTS);
      case SORT_EXIT -> () -> t.sortBy(Column.REASON);
      case SORT_CPU -> () -> t.sortBy(Column.CPU);
      case SORT_MEMORY -> () -> t.sortBy(Column.RSS);
      default -> throw new IllegalArgumentException("not a table action: " + a.id());
    };
  }

  /** A merged pane of the tagged processes, or else of the selected process's group. */
  private void openMerged() {
    List<String> tagged = model.table.tagged();
    if (tagged.size() > 1) {
      arrangement.openPane(new PaneSource.Tagged(tagged));
    } else if (tagged.size() == 1) {
      arrangement.openPane(new PaneSource.Process(tagged.get(0)));
    } else {
      model
          .table
          .selected(nowSeconds())
          .ifPresent(r -> arrangement.openPane(new PaneSource.Group(r.group())));
    }
  }

  private void tagAndMoveOn() {
    model.table.toggleTag(nowSeconds());
    model.table.move(1, nowSeconds());
  }

  private void toggleHideStopped() {
    model.table.toggleHideStopped();
    say(
        model.table.hidesStopped() ? "hiding stopped processes (H shows them)" : "showing all",
        false);
  }

  private void nextFailing() {
    if (!model.table.selectNextFailing(nowSeconds())) {
      say("no failing process", false);
    }
  }

  private void back() {
    LogPane focused = model.panes.get(model.focus);
    if (focused != null && focused.search() != null) {
      focused.setSearch(null); // the highlight goes first
    } else if (model.zoomed) {
      model.zoomed = false;
    } else if (model.focus != ConsoleModel.TABLE) {
      model.focus = ConsoleModel.TABLE;
    } else if (!model.table.filter().isEmpty()) {
      model.table.setFilter("");
    }
  }

  private void quit() {
    if (model.options().mode() == Mode.ATTACHED) {
      model.exit = ExitChoice.DETACH;
    } else {
      model.overlay = new Overlay.Quit();
    }
  }

  private void cycleFocus(int step) {
    List<Integer> panes = model.layout.panes();
    int i = panes.indexOf(model.focus);
    model.focus = panes.get(Math.floorMod(i + step, panes.size()));
  }

  private void focusNumber(@Nullable KeyChord key) {
    List<Integer> panes = model.layout.panes();
    char c = key == null ? '1' : key.character();
    int i = c >= '1' && c <= '9' ? c - '1' : 0;
    if (i < panes.size()) {
      model.focus = panes.get(i);
    }
  }

  void freeze(boolean on) {
    model.frozen = on;
    model.table.setFrozen(on);
    for (LogPane p : model.panes.values()) {
      p.setFollow(!on);
    }
    say(on ? "frozen: the screen holds still (Z again to go on)" : "live again", false);
  }

  void chooseTheme(String name) {
    if (!model.themes().has(name)) {
      say(
          "no theme named '"
              + name
              + "' (themes: "
              + String.join(", ", model.themes().names())
              + ")",
          true);
      return;
    }
    if (model.colorDepth() == dev.tend.tui.theme.ColorDepth.NONE) {
      say("this terminal shows no colour (NO_COLOR or TERM): the monochrome theme stays", false);
      return;
    }
    var s = model.themes().select(name, model.colorDepth());
    model.theme = s.theme();
    model.themeName = name;
    services.saveTheme(name);
    if (s.warnings().isEmpty()) {
      say("theme: " + s.theme().name(), false);
    } else {
      say(s.warnings().get(s.warnings().size() - 1), true);
    }
    model.fullRedraw = true;
  }

  /** The processes an action applies to: the tagged ones, else the selected one. */
  Optional<Target> target() {
    List<String> tagged = model.table.tagged();
    if (tagged.size() == 1) {
      return Optional.of(new Target.One(tagged.get(0)));
    }
    if (!tagged.isEmpty()) {
      return Optional.of(new Target.Several(tagged));
    }
    Optional<ProcessRow> sel = model.table.selected(nowSeconds());
    if (sel.isEmpty()) {
      say("no process selected", true);
    }
    return sel.map(r -> new Target.One(r.namespec()));
  }

  void onSelection(Verb verb, @Nullable String signal) {
    target().ifPresent(t -> request(new ProcessRequest(verb, t, signal)));
  }

  /** Asks for the confirmation a request needs, or runs it. */
  void request(ProcessRequest r) {
    if (model.options().readOnly()) {
      say("read-only: cannot " + r.describe(), true);
      return;
    }
    Confirmation c = Confirmation.required(r);
    if (c instanceof Confirmation.None) {
      execute(r);
    } else {
      model.overlay = new Overlay.Confirm(r, c);
    }
  }

  void execute(ProcessRequest r) {
    services.run(r);
    say(r.describe() + " ...", false);
  }

  private void details() {
    model
        .table
        .selected(nowSeconds())
        .ifPresent(
            r -> {
              model.overlay = new Overlay.Details(r.namespec());
              services.loadDetails(r.namespec());
            });
  }

  /** Something the view has to tell the user (on the message line). */
  public void notice(String text, boolean error) {
    say(text, error);
  }

  void say(String text, boolean error) {
    model.message = Message.of(text, error, now());
  }

  /**
   * The terminal's input ended (closed, ssh dropped): nobody can answer a question, so an attached
   * console detaches and a hosted one leaves the programs running.
   */
  public void inputEnded() {
    model.exit =
        model.options().mode() == Mode.ATTACHED ? ExitChoice.DETACH : ExitChoice.LEAVE_RUNNING;
  }

  /** An update from a background thread. */
  public void onEvent(ConsoleEvent e) {
    EventHandling.apply(this, model, e);
    afterwards();
  }

  /**
   * Processes arrived: the first time, the saved layout comes back (or the first log pane opens);
   * merged panes follow processes that joined or left.
   */
  void processesChanged() {
    if (model.awaitingFirstBatch && model.table.size() > 0) {
      model.awaitingFirstBatch = false;
      arrangement.firstProcesses();
    }
    arrangement.membersChanged();
  }

  /** Follows every pane's process again (after the server came back). */
  void refollowAll() {
    arrangement.refollowAll();
  }

  /** A pane's lines were written to a file: the pager shows it, or the user hears where. */
  void textWritten(ConsoleEvent.TextWritten w) {
    if (w.error() != null) {
      say(w.error(), true);
    } else if (w.purpose() == ConsoleEvent.TextWritten.Purpose.PAGER) {
      model.pagerFile = w.file();
    } else {
      say("saved " + w.lines() + (w.lines() == 1 ? " line to " : " lines to ") + w.file(), false);
    }
  }

  /**
   * The view ran the pager on {@code file} (it has ended, or failed with {@code problem}): the
   * temporary file goes.
   */
  public void pagerDone(java.nio.file.Path file, @Nullable String problem) {
    services.deleteFile(file);
    if (problem != null) {
      say(problem, true);
    }
  }

  /** Shows a process's log in the selection pane, as {@code :tail} asks. */
  private void tail(String namespec, LogPane.Streams streams) {
    if (!model.table.select(namespec, nowSeconds())) {
      model.table.setFilter("");
      model.table.select(namespec, nowSeconds());
    }
    arrangement.openSelectionPane(true);
    arrangement.followSelection();
    model.pane(model.selectionPane).ifPresent(p -> p.setStreams(streams));
  }

  /** Runs a parsed {@code :} line. */
  void run(Command c) {
    switch (c) {
      case Command.Run r -> request(r.request());
      case Command.RunOnSelection r -> onSelection(r.verb(), r.signal());
      case Command.Invoke i -> perform(i.action(), null);
      case Command.ChooseTheme t ->
          chooseTheme(t.name() == null ? model.themes().next(model.themeName) : t.name());
      case Command.SetFilter f -> model.table.setFilter(f.text());
      case Command.Sort s -> model.table.sortBy(s.column());
      case Command.Tail t -> tail(t.namespec(), t.streams());
      case Command.OpenLog l -> arrangement.openPane(l.source());
      case Command.Problem p -> say(p.message(), true);
      case Command.Nothing n -> {}
    }
  }
}
