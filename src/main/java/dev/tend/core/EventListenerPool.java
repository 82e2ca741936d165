package dev.tend.core;

import dev.tend.api.ProcessState;
import dev.tend.config.GroupConfig;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * An {@code [eventlistener:x]} pool (spec §6.1): a bounded buffer of the events it subscribes to,
 * dispatched one at a time to the first RUNNING listener that said READY. Loop thread only, except
 * the protocol parsers, which run on the I/O thread and post here.
 */
final class EventListenerPool {
  private static final MainLog log = MainLog.of(EventListenerPool.class);

  /** supervisord's listener states, with its codes. */
  enum ListenerState {
    READY(10),
    BUSY(20),
    ACKNOWLEDGED(30),
    UNKNOWN(40);

    final int code;

    ListenerState(int code) {
      this.code = code;
    }
  }

  /** One listener process as the pool sees it. */
  static final class Slot {
    final ProcessRuntime process;
    ListenerState state = ListenerState.ACKNOWLEDGED;
    @Nullable PendingEvent current;
    @Nullable ListenerProtocol protocol;

    Slot(ProcessRuntime process) {
      this.process = process;
    }
  }

  private final String name;
  private final int bufferSize;
  private final List<EventType> subscriptions;
  private final String identifier;
  private final CoreLoop loop;
  private final EventHub hub;
  // Oldest first.
  private final ArrayDeque<PendingEvent> buffer = new ArrayDeque<>();
  // In the group's process order.
  private final Map<ProcessRuntime, Slot> slots = new IdentityHashMap<>();
  private final List<Slot> order = new ArrayList<>();
  private long poolSerial = -1;

  EventListenerPool(
      GroupConfig config,
      List<EventType> subscriptions,
      String identifier,
      CoreLoop loop,
      EventHub hub) {
    this.name = config.name();
    this.bufferSize = config.listener() == null ? 10 : config.listener().bufferSize();
    this.subscriptions = List.copyOf(subscriptions);
    this.identifier = identifier;
    this.loop = loop;
    this.hub = hub;
  }

  String name() {
    return name;
  }

  void add(ProcessRuntime p) {
    Slot s = new Slot(p);
    slots.put(p, s);
    order.add(s);
  }

  boolean subscribes(EventType type) {
    for (EventType t : subscriptions) {
      if (type.isA(t)) {
        return true;
      }
    }
    return false;
  }

  /** Buffers an event (at the head for a rejected one), dropping the oldest when full. */
  void accept(PendingEvent event, boolean head) {
    if (!event.poolSerials.containsKey(name)) {
      hub.assignSerial(event);
      poolSerial = poolSerial == Long.MAX_VALUE ? 0 : poolSerial + 1;
      event.poolSerials.put(name, poolSerial);
    } else {
      log.debug("rebuffering event " + event.serial + " for pool " + name);
    }
    if (buffer.size() >= bufferSize && !buffer.isEmpty()) {
      PendingEvent dropped = buffer.removeFirst();
      log.error("pool " + name + " event buffer overflowed, discarding event " + dropped.serial);
    }
    if (head) {
      buffer.addFirst(event);
    } else {
      buffer.addLast(event);
    }
  }

  /** Sends buffered events, oldest first, while some listener is RUNNING and READY. */
  void dispatch() {
    while (!buffer.isEmpty()) {
      Slot ready = readyListener();
      if (ready == null) {
        return;
      }
      PendingEvent event = buffer.removeFirst();
      if (!send(ready, event)) {
        buffer.addFirst(event);
        return;
      }
    }
  }

  private @Nullable Slot readyListener() {
    for (Slot s : order) {
      if (s.process.state() == ProcessState.RUNNING && s.state == ListenerState.READY) {
        return s;
      }
    }
    return null;
  }

  private boolean send(Slot slot, PendingEvent event) {
    String envelope = envelope(event);
    ListenerProtocol protocol = slot.protocol;
    if (protocol != null) {
      protocol.expect(ListenerProtocol.Expect.RESULT);
    }
    changeState(slot, ListenerState.BUSY);
    slot.current = event;
    try {
      slot.process.writeStdin(envelope.getBytes(StandardCharsets.UTF_8));
    } catch (dev.tend.api.FaultException e) {
      log.debug(
          "epipe occurred while sending event "
              + event.serial
              + " to listener "
              + slot.process.name());
      slot.current = null;
      changeState(slot, ListenerState.READY);
      if (protocol != null) {
        protocol.expect(ListenerProtocol.Expect.NOTHING);
      }
      return false;
    }
    log.debug("event " + event.serial + " sent to listener " + slot.process.name());
    return true;
  }

  private String envelope(PendingEvent e) {
    int len = e.payload.codePointCount(0, e.payload.length());
    return "ver:3.0 server:"
        + identifier
        + " serial:"
        + e.serial
        + " pool:"
        + name
        + " poolserial:"
        + e.poolSerials.get(name)
        + " eventname:"
        + e.type.name()
        + " len:"
        + len
        + "\n"
        + e.payload;
  }

  // -- a listener's life --

  /** A listener was spawned: it starts ACKNOWLEDGED; its stdout is parsed from now on. */
  ListenerProtocol spawned(ProcessRuntime p) {
    Slot slot = slot(p);
    slot.state = ListenerState.ACKNOWLEDGED;
    slot.current = null;
    ListenerProtocol protocol =
        new ListenerProtocol(
            new ListenerProtocol.Listener() {
              @Override
              public void ready() {
                loop.execute(() -> onReady(slot));
              }

              @Override
              public void result(byte[] body) {
                loop.execute(() -> onResult(slot, body));
              }

              @Override
              public void violation(String why) {
                loop.execute(() -> onViolation(slot, why));
              }
            });
    slot.protocol = protocol;
    return protocol;
  }

  /** A listener exited: an event it was working on goes back to the head of the buffer. */
  void exited(ProcessRuntime p) {
    Slot slot = slot(p);
    slot.protocol = null;
    PendingEvent current = slot.current;
    slot.current = null;
    if (current != null) {
      accept(current, true);
    }
    slot.state = ListenerState.ACKNOWLEDGED;
  }

  private void onReady(Slot slot) {
    if (slot.state == ListenerState.ACKNOWLEDGED) {
      changeState(slot, ListenerState.READY);
      dispatch();
    }
  }

  private void onResult(Slot slot, byte[] body) {
    PendingEvent event = slot.current;
    slot.current = null;
    changeState(slot, ListenerState.ACKNOWLEDGED);
    if (new String(body, StandardCharsets.UTF_8).equals("OK")) {
      log.debug(slot.process.name() + ": event was processed");
    } else {
      log.warn(slot.process.name() + ": event was rejected");
      if (event != null) {
        accept(event, true);
      }
    }
  }

  private void onViolation(Slot slot, String why) {
    log.warn(slot.process.name() + ": " + why);
    PendingEvent event = slot.current;
    slot.current = null;
    changeState(slot, ListenerState.UNKNOWN);
    if (event != null) {
      accept(event, true);
      dispatch();
    }
  }

  private void changeState(Slot slot, ListenerState to) {
    ListenerState from = slot.state;
    slot.state = to;
    log.debug(slot.process.name() + ": " + from + " -> " + to);
    if (to == ListenerState.UNKNOWN) {
      log.warn(
          slot.process.name()
              + ": has entered the UNKNOWN state and will no longer receive events, this usually"
              + " indicates the process violated the eventlistener protocol");
    }
  }

  private Slot slot(ProcessRuntime p) {
    Slot slot = slots.get(p);
    if (slot == null) {
      throw new IllegalStateException(p.namespec() + " is not a member of this pool");
    }
    return slot;
  }

  /** For tests: the listener state of a process of this pool. */
  ListenerState stateOf(ProcessRuntime p) {
    return slot(p).state;
  }

  int buffered() {
    return buffer.size();
  }
}
