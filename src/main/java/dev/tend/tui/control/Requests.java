package dev.tend.tui.control;

import dev.tend.tui.feed.ConsoleServices;
import dev.tend.tui.state.Confirmation;
import dev.tend.tui.state.ConsoleModel;
import dev.tend.tui.state.Overlay;
import dev.tend.tui.state.ProcessRequest;
import dev.tend.tui.state.ProcessRequest.Verb;
import dev.tend.tui.state.ProcessRow;
import dev.tend.tui.state.ProcessTable;
import dev.tend.tui.state.Target;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Process actions from keys, menus and the {@code :} line: what they apply to, the confirmation
 * their reach needs, and handing them over to run. UI thread only.
 */
final class Requests {
  private final ConsoleModel model;
  private final ProcessTable table;
  private final ConsoleServices services;
  private final MessageLine messages;
  private final Clock clock;

  Requests(ConsoleModel model, ConsoleServices services, MessageLine messages) {
    this.model = model;
    this.table = model.table();
    this.services = services;
    this.messages = messages;
    this.clock = model.options().clock();
  }

  /** The processes an action applies to: the tagged ones, else the selected one. */
  Optional<Target> target() {
    List<String> tagged = table.tagged();
    if (tagged.size() == 1) {
      return Optional.of(new Target.One(tagged.get(0)));
    }
    if (!tagged.isEmpty()) {
      return Optional.of(new Target.Several(tagged));
    }
    Optional<ProcessRow> sel = table.selected(clock.millis() / 1000);
    if (sel.isEmpty()) {
      messages.say("no process selected", true);
    }
    return sel.map(r -> new Target.One(r.namespec()));
  }

  /** A verb on the tagged or selected processes, as its key does. */
  void onSelection(Verb verb, @Nullable String signal) {
    target().ifPresent(t -> request(new ProcessRequest(verb, t, signal)));
  }

  /** Asks for the confirmation a request needs, or runs it. */
  void request(ProcessRequest r) {
    if (model.options().readOnly()) {
      messages.say("read-only: cannot " + r.describe(), true);
      return;
    }
    Confirmation c = Confirmation.required(r);
    if (c instanceof Confirmation.None) {
      execute(r);
    } else {
      model.open(new Overlay.Confirm(r, c));
    }
  }

  /** Runs a request (confirmed, or needing no confirmation). */
  void execute(ProcessRequest r) {
    services.run(r);
    messages.say(r.describe() + " ...", false);
  }
}
