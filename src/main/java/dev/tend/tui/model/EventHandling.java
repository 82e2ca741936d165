package dev.tend.tui.model;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/** How the model takes each {@link ConsoleEvent} (UI thread). */
final class EventHandling {
  private EventHandling() {}

  static void apply(ConsoleController c, ConsoleModel m, ConsoleEvent e) {
    switch (e) {
      case ConsoleEvent.Connected ok -> {
        boolean wasLost = m.connection.status() == Connection.Status.LOST;
        m.connection = m.connection.connected(ok.capabilities(), ok.identification());
        if (wasLost) {
          c.say("reconnected to " + ok.capabilities().server(), false);
          c.refollowAll(); // the old follows ended with the connection
        }
      }
      case ConsoleEvent.Changes ch -> {
        m.table.apply(ch.batch());
        m.connection = m.connection.withDaemonState(ch.batch().state());
        c.processesChanged();
      }
      case ConsoleEvent.ConnectionLost lost ->
          m.connection = m.connection.lost(lost.reason(), lost.retryAt());
      case ConsoleEvent.Stats s -> m.table.applyStats(s.sample());
      case ConsoleEvent.ActionDone done -> c.say(done.outcome().text(), done.outcome().error());
      case ConsoleEvent.LogReady ready -> drain(m, ready.pane());
      case ConsoleEvent.DetailsLoaded d -> {
        if (m.overlay instanceof Overlay.Details o && o.namespec.equals(d.namespec())) {
          o.loading = false;
          o.config = d.config();
          o.error = d.error();
        }
      }
      case ConsoleEvent.TextWritten w -> c.textWritten(w);
      case ConsoleEvent.Notice n -> c.say(n.text(), n.error());
    }
  }

  private static void drain(ConsoleModel m, int paneId) {
    LogInbox inbox = m.inboxes.get(paneId);
    LogPane pane = m.panes.get(paneId);
    if (inbox == null || pane == null) {
      return;
    }
    LogInbox.Drained d = inbox.drain();
    long now = m.options().clock().millis();
    if (d.dropped() > 0) {
      pane.append(
          new LogLine(
              0,
              LogLine.Kind.NOTICE,
              null,
              "",
              now,
              d.dropped() + " lines dropped: the console could not keep up",
              java.util.List.of(),
              0));
    }
    d.lines().forEach(pane::append);
    for (Map.Entry<StreamKey, @Nullable LogLine> p : d.partials().entrySet()) {
      pane.setPartial(p.getKey(), p.getValue());
    }
  }
}
