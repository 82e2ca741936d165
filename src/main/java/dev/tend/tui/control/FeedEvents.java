package dev.tend.tui.control;

import dev.tend.tui.feed.ConsoleEvent;
import dev.tend.tui.state.Connection;
import dev.tend.tui.state.ConsoleModel;
import dev.tend.tui.state.Overlay;
import dev.tend.tui.state.ServerKey;
import dev.tend.tui.text.Durations;
import java.nio.file.Path;

/**
 * How the model takes each update the feeds post: the one writer of the server's status and of the
 * process rows; log lines go to their pane, answers to the overlay that asked. UI thread only.
 */
final class FeedEvents {
  private final ConsoleModel model;
  private final PaneArrangement panes;
  private final MessageLine messages;

  FeedEvents(ConsoleModel model, PaneArrangement panes, MessageLine messages) {
    this.model = model;
    this.panes = panes;
    this.messages = messages;
  }

  void apply(ConsoleEvent e) {
    switch (e) {
      case ConsoleEvent.Connected ok -> connected(ok);
      case ConsoleEvent.Changes ch -> {
        model.table().apply(ch.batch());
        model.setConnection(model.connection().withDaemonState(ch.batch().state()));
        panes.processesChanged();
      }
      case ConsoleEvent.ConnectionLost lost ->
          model.setConnection(model.connection().lost(lost.reason(), lost.retryAt()));
      case ConsoleEvent.Stats s -> model.table().applyStats(s.sample());
      case ConsoleEvent.SpawnAsked asked -> model.table().spawnAsked(asked.target());
      case ConsoleEvent.ActionDone done ->
          messages.say(done.outcome().text(), done.outcome().error());
      case ConsoleEvent.LogReady ready -> panes.linesArrived(ready.pane());
      case ConsoleEvent.DetailsLoaded d -> {
        if (model.overlay() instanceof Overlay.Details o && o.namespec().equals(d.namespec())) {
          o.loaded(d.config(), d.error());
        }
      }
      case ConsoleEvent.TextWritten w -> textWritten(w);
      case ConsoleEvent.Notice n -> messages.say(n.text(), n.error());
      case ConsoleEvent.FromServer f -> fromServer(f.server(), f.event());
    }
  }

  /**
   * An event of one of several servers, in its own names: its rows, stats and connection are keyed
   * by the server; what it says on the message line is prefixed with its name.
   */
  private void fromServer(String server, ConsoleEvent e) {
    switch (e) {
      case ConsoleEvent.Connected ok -> connected(server, ok);
      case ConsoleEvent.Changes ch -> {
        model.table().apply(server, ch.batch());
        Connection c = model.servers().get(server);
        model.setConnection(server, c.withDaemonState(ch.batch().state()));
        panes.processesChanged();
      }
      case ConsoleEvent.ConnectionLost lost -> {
        long now = model.options().clock().millis();
        Connection c = model.servers().get(server);
        model.setConnection(server, c.lost(lost.reason(), lost.retryAt(), now));
      }
      case ConsoleEvent.Stats s -> model.table().applyStats(server, s.sample());
      case ConsoleEvent.SpawnAsked asked -> model.table().spawnAsked(server, asked.target());
      case ConsoleEvent.ActionDone done ->
          messages.say(server + ": " + done.outcome().text(), done.outcome().error());
      case ConsoleEvent.DetailsLoaded d ->
          apply(
              new ConsoleEvent.DetailsLoaded(
                  ServerKey.of(server, d.namespec()), d.config(), d.error()));
      case ConsoleEvent.Notice n -> messages.say(server + ": " + n.text(), n.error());
      default -> apply(e);
    }
  }

  private void connected(String server, ConsoleEvent.Connected ok) {
    Connection before = model.servers().get(server);
    model.setConnection(server, before.connected(ok.capabilities(), ok.identification()));
    if (before.status() == Connection.Status.LOST) {
      messages.say("reconnected to " + server + " (" + ok.capabilities().server() + ")", false);
      panes.resumeServer(server, backAfter(server, before)); // its follows ended with it
    }
  }

  private void connected(ConsoleEvent.Connected ok) {
    Connection before = model.connection();
    model.setConnection(before.connected(ok.capabilities(), ok.identification()));
    if (before.status() == Connection.Status.LOST) {
      messages.say("reconnected to " + ok.capabilities().server(), false);
      panes.resumeServer("", backAfter("the server", before)); // the old follows ended with it
    }
  }

  /** The marker a pane gets where a server's lines stopped and go on. */
  private String backAfter(String server, Connection lost) {
    long away = Math.max(0, model.options().clock().millis() - lost.lostSince());
    String after = lost.lostSince() > 0 ? " after " + Durations.compact(away / 1000) : "";
    return "-- " + server + " is back" + after + ": its logs go on from where they stopped --";
  }

  /** A pane's lines were written to a file: the pager shows it, or the user hears where. */
  private void textWritten(ConsoleEvent.TextWritten w) {
    String error = w.error();
    if (error != null) {
      messages.say(error, true);
    } else if (w.purpose() == ConsoleEvent.TextWritten.Purpose.PAGER) {
      model.page(w.file());
    } else {
      Path file = w.file();
      messages.say(
          "saved " + w.lines() + (w.lines() == 1 ? " line to " : " lines to ") + file, false);
    }
  }
}
