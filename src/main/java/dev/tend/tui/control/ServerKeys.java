package dev.tend.tui.control;

import dev.tend.tui.feed.ConsoleServices;
import dev.tend.tui.keymap.Action;
import dev.tend.tui.keymap.KeyChord;
import dev.tend.tui.keymap.KeyContext;
import dev.tend.tui.state.Connection;
import dev.tend.tui.state.ConsoleModel;
import dev.tend.tui.state.Overlay;
import dev.tend.tui.state.ProcessRow;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The servers view's actions (the keymap's {@link KeyContext#SERVERS}) on one server: the one
 * selected in the view, or, from the {@code :} line with the view closed, the selected row's. Its
 * fixed keys move the selection and close it, as in other overlays. UI thread only.
 */
final class ServerKeys {
  private final ConsoleModel model;
  private final TableControl table;
  private final ConsoleServices services;
  private final MessageLine messages;

  ServerKeys(
      ConsoleModel model, TableControl table, ConsoleServices services, MessageLine messages) {
    this.model = model;
    this.table = table;
    this.services = services;
    this.messages = messages;
  }

  /** A key while the servers view is open. */
  void onKey(Overlay.Servers view, KeyChord k, boolean cancel, int step) {
    if (cancel || k.character() == 'q' || k.character() == '@') {
      model.closeOverlay();
      return;
    }
    Optional<Action> a =
        model
            .keymap()
            .resolve(KeyContext.SERVERS, k)
            .filter(x -> x.context() == KeyContext.SERVERS);
    if (a.isPresent()) {
      perform(a.get());
    } else {
      view.move(step, model.servers().size());
    }
  }

  /** Runs a servers-view action on the server it applies to. */
  void perform(Action a) {
    Overlay.Servers view = model.overlay() instanceof Overlay.Servers s ? s : null;
    String server = view != null ? selected(view) : selectedRowServer();
    if (server == null) {
      messages.say("no server selected", true);
      return;
    }
    switch (a) {
      case SERVER_JUMP -> {
        model.closeOverlay();
        table.jumpToServer(server);
      }
      case SERVER_FILTER -> {
        model.closeOverlay();
        if (model.servers().many()) {
          table.filter("@" + server);
          messages.say("showing " + server + "'s processes (Esc shows all)", false);
        }
      }
      case SERVER_RECONNECT -> reconnect(server);
      case SERVER_ERROR -> {
        if (view != null) {
          view.toggleError();
        } else {
          Connection c = model.servers().get(server);
          String name = server.isEmpty() ? "" : server + ": ";
          messages.say(name + c.problem(), c.status() == Connection.Status.LOST);
        }
      }
      default -> throw new IllegalArgumentException("not a servers view action: " + a);
    }
  }

  private void reconnect(String server) {
    String name = server.isEmpty() ? "the server" : server;
    if (model.servers().get(server).status() == Connection.Status.CONNECTED) {
      messages.say(name + " is connected", false);
      return;
    }
    services.reconnect(server);
    messages.say("reconnecting to " + name + " now", false);
  }

  private @Nullable String selected(Overlay.Servers view) {
    List<String> names = model.servers().names();
    return names.isEmpty() ? null : names.get(Math.min(view.selected(), names.size() - 1));
  }

  /** The selected row's server; the one server when there is one; else null. */
  private @Nullable String selectedRowServer() {
    if (!model.servers().many()) {
      return model.servers().first();
    }
    long now = model.options().clock().millis() / 1000;
    return model.table().selected(now).map(ProcessRow::server).orElse(null);
  }
}
