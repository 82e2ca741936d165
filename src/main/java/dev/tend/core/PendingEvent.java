package dev.tend.core;

import java.util.HashMap;
import java.util.Map;

/**
 * An event on its way to listeners. Its serial is given by the first pool that accepts it; each
 * pool gives its own pool serial. Loop thread only.
 */
final class PendingEvent {
  final EventType type;
  final String payload;
  // Assigned once by the hub on first acceptance; -1 before.
  long serial = -1;
  // Pool name to that pool's serial for this event.
  final Map<String, Long> poolSerials = new HashMap<>();

  PendingEvent(EventType type, String payload) {
    this.type = type;
    this.payload = payload;
  }
}
