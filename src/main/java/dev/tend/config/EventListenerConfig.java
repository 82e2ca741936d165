package dev.tend.config;

import java.util.List;

/** The pool settings of an {@code [eventlistener:x]} section (spec §1.13). */
public record EventListenerConfig(List<String> events, int bufferSize, String resultHandler) {
  public EventListenerConfig {
    events = List.copyOf(events);
  }
}
