package dev.tend.tui.control;

import dev.tend.tui.feed.ConsoleEvent;
import dev.tend.tui.feed.ConsoleServices;
import dev.tend.tui.feed.EventSink;
import dev.tend.tui.keymap.Action;
import dev.tend.tui.keymap.KeyChord;
import dev.tend.tui.state.ConsoleModel;
import dev.tend.tui.state.ConsoleOptions.ExitChoice;
import dev.tend.tui.state.ConsoleOptions.Mode;
import dev.tend.tui.state.Message;
import dev.tend.tui.state.Overlay;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * The console's behaviour: keys, background events and the view's measures in, model changes and
 * service calls out. Runs on the UI thread only and never blocks: API work goes to {@link
 * ConsoleServices}. It builds its parts once, each on what it needs (the parts below it, the model,
 * narrow interfaces), and only hands each key or event to the part whose context it is.
 */
public final class ConsoleController {
  private final ConsoleModel model;
  private final ConsoleServices services;
  private final MessageLine messages;
  private final PaneArrangement arrangement;
  private final TableKeys table;
  private final Actions actions;
  private final Commands commands;
  private final OverlayKeys overlays;
  private final FeedEvents events;

  public ConsoleController(
      ConsoleModel model,
      ConsoleServices services,
      EventSink sink,
      Function<CommandGrammar, CommandCompleter> completers) {
    Clock time = model.options().clock();
    this.model = model;
    this.services = services;
    this.messages = (text, error) -> model.show(Message.of(text, error, time.millis()));
    this.arrangement =
        new PaneArrangement(
            model,
            services,
            new PaneFollows(services, sink, model.options().logLines(), time),
            messages);
    Requests requests = new Requests(model, services, messages);
    ThemeChoice themes = new ThemeChoice(model, services, messages);
    this.table = new TableKeys(model, arrangement, requests, services, messages);
    LogPaneKeys logs = new LogPaneKeys(model, arrangement, arrangement, table, services, messages);
    ServerKeys servers = new ServerKeys(model, table, services, messages);
    this.actions =
        new Actions(
            new GlobalKeys(model, arrangement, logs, table, themes, messages),
            table,
            logs,
            servers);
    CommandGrammar grammar =
        new CommandGrammar(model.table(), model.themes().names(), model.options().readOnly());
    this.commands = new Commands(actions, requests, themes, table, arrangement, messages);
    this.overlays =
        new OverlayKeys(
            model,
            requests,
            messages,
            new CommandLineKeys(model, completers.apply(grammar), grammar, commands, table),
            new LogOverlayKeys(model, logs, messages),
            servers);
    this.events = new FeedEvents(model, arrangement, messages);
    List<String> warnings = model.startupWarnings();
    if (!warnings.isEmpty()) {
      String more = warnings.size() > 1 ? " (+" + (warnings.size() - 1) + " more in help)" : "";
      messages.say(warnings.get(0) + more, true);
    }
  }

  public ConsoleModel model() {
    return model;
  }

  /** A key press. */
  public void onKey(KeyChord key) {
    Overlay o = model.overlay();
    if (o != null) {
      overlays.onKey(o, key);
    } else {
      Optional<Action> a = model.keymap().resolve(model.focusContext(), key);
      a.ifPresent(action -> actions.perform(action, key));
    }
    afterwards();
  }

  /** An update from a background thread. */
  public void onEvent(ConsoleEvent e) {
    events.apply(e);
    afterwards();
  }

  /** What follows every key and event: the selection pane keeps up, the layout is kept. */
  private void afterwards() {
    arrangement.followSelection();
    arrangement.saveIfChanged();
  }

  /**
   * A frame is due at {@code nowMillis}: the table's order is brought up to that second, then
   * {@code measure} (the view) says what the frame needs: how many rows the table shows, each log
   * pane's text area, where each pane goes. All of it is set here, so drawing only reads.
   */
  public void prepareFrame(
      long nowMillis, Function<ConsoleModel, @Nullable ScreenMeasure> measure) {
    table.frameDue(nowMillis / 1000);
    ScreenMeasure m = measure.apply(model);
    if (m != null) {
      if (m.tableRows() >= 0) {
        table.measured(m.tableRows());
      }
      arrangement.measured(m.places(), m.textAreas());
    }
  }

  /** Runs an action as its key would, without a key (as the {@code :} line does). */
  void perform(Action a, @Nullable KeyChord key) {
    actions.perform(a, key);
  }

  /** Runs a parsed {@code :} line. */
  void run(Command c) {
    commands.run(c);
  }

  /** Something the view has to tell the user (on the message line). */
  public void notice(String text, boolean error) {
    messages.say(text, error);
  }

  /**
   * The terminal's input ended (closed, ssh dropped): nobody can answer a question, so an attached
   * console detaches and a hosted one leaves the programs running.
   */
  public void inputEnded() {
    model.end(
        model.options().mode() == Mode.ATTACHED ? ExitChoice.DETACH : ExitChoice.LEAVE_RUNNING);
  }

  /**
   * The view ran the pager on {@code file} (it has ended, or failed with {@code problem}): the
   * temporary file goes.
   */
  public void pagerDone(Path file, @Nullable String problem) {
    services.deleteFile(file);
    if (problem != null) {
      messages.say(problem, true);
    }
  }
}
