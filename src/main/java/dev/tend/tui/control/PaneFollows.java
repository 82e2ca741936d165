package dev.tend.tui.control;

import dev.tend.tui.feed.ConsoleServices;
import dev.tend.tui.feed.EventSink;
import dev.tend.tui.feed.LogInbox;
import dev.tend.tui.state.LogLine;
import dev.tend.tui.state.LogPane;
import dev.tend.tui.state.StreamKey;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What each log pane follows: an inbox per pane that the follower threads fill, the follows asked
 * of the services, and the lines taken from the inbox into the pane when it says it has some. UI
 * thread only.
 */
final class PaneFollows {
  private final ConsoleServices services;
  private final EventSink sink;
  private final int capacity;
  private final Clock clock;
  // UI thread only: the inbox of each open log pane
  private final Map<Integer, LogInbox> inboxes = new HashMap<>();

  PaneFollows(ConsoleServices services, EventSink sink, int capacity, Clock clock) {
    this.services = services;
    this.sink = sink;
    this.capacity = capacity;
    this.clock = clock;
  }

  /** A new pane gets its inbox. */
  void open(int pane) {
    inboxes.put(pane, new LogInbox(pane, capacity, sink, clock));
  }

  /** The pane follows {@code namespecs} from their history; what it followed before stops. */
  void follow(int pane, List<String> namespecs) {
    LogInbox inbox = inboxes.get(pane);
    if (inbox != null) {
      services.follow(pane, inbox, namespecs);
    }
  }

  /** The pane follows {@code namespecs}: those it follows already go on without a seam. */
  void update(int pane, List<String> namespecs) {
    LogInbox inbox = inboxes.get(pane);
    if (inbox != null) {
      services.updateFollow(pane, inbox, namespecs);
    }
  }

  /** The pane follows {@code namespecs} again on from {@code seen}, its last lines of each. */
  void resume(int pane, List<String> namespecs, Map<StreamKey, List<String>> seen) {
    LogInbox inbox = inboxes.get(pane);
    if (inbox != null) {
      services.resumeFollow(pane, inbox, namespecs, seen);
    }
  }

  /** The pane closed: its follows stop. */
  void close(int pane) {
    LogInbox inbox = inboxes.remove(pane);
    if (inbox != null) {
      services.unfollow(pane, inbox);
    }
  }

  /** Takes what waits in the pane's inbox into the pane, saying how many lines were dropped. */
  void drain(@Nullable LogPane pane) {
    LogInbox inbox = pane == null ? null : inboxes.get(pane.id());
    if (pane == null || inbox == null) {
      return;
    }
    LogInbox.Drained d = inbox.drain();
    if (d.dropped() > 0) {
      pane.append(
          new LogLine(
              0,
              LogLine.Kind.NOTICE,
              null,
              "",
              clock.millis(),
              d.dropped() + " lines dropped: the console could not keep up",
              List.of(),
              0));
    }
    pane.appendAll(d.lines());
    for (Map.Entry<StreamKey, @Nullable LogLine> p : d.partials().entrySet()) {
      pane.setPartial(p.getKey(), p.getValue());
    }
  }
}
