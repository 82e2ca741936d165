package dev.tend.core;

import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * supervisord's event types (spec §6.2) and their hierarchy: a listener subscribed to an abstract
 * type ({@code PROCESS_STATE}, or {@code EVENT} for all) gets every subtype. tend's own types
 * ({@code config.TendEvents}, subscribed with {@code tend_events=}) form a tree of their own under
 * {@code TEND}, so {@code EVENT} never delivers a name a supervisord listener cannot know.
 */
enum EventType {
  EVENT(null),
  PROCESS_STATE(EVENT),
  PROCESS_STATE_STOPPED(PROCESS_STATE),
  PROCESS_STATE_EXITED(PROCESS_STATE),
  PROCESS_STATE_STARTING(PROCESS_STATE),
  PROCESS_STATE_STOPPING(PROCESS_STATE),
  PROCESS_STATE_BACKOFF(PROCESS_STATE),
  PROCESS_STATE_FATAL(PROCESS_STATE),
  PROCESS_STATE_RUNNING(PROCESS_STATE),
  PROCESS_STATE_UNKNOWN(PROCESS_STATE),
  PROCESS_COMMUNICATION(EVENT),
  PROCESS_COMMUNICATION_STDOUT(PROCESS_COMMUNICATION),
  PROCESS_COMMUNICATION_STDERR(PROCESS_COMMUNICATION),
  PROCESS_LOG(EVENT),
  PROCESS_LOG_STDOUT(PROCESS_LOG),
  PROCESS_LOG_STDERR(PROCESS_LOG),
  REMOTE_COMMUNICATION(EVENT),
  SUPERVISOR_STATE_CHANGE(EVENT),
  SUPERVISOR_STATE_CHANGE_RUNNING(SUPERVISOR_STATE_CHANGE),
  SUPERVISOR_STATE_CHANGE_STOPPING(SUPERVISOR_STATE_CHANGE),
  TICK(EVENT),
  TICK_5(TICK),
  TICK_60(TICK),
  TICK_3600(TICK),
  PROCESS_GROUP(EVENT),
  PROCESS_GROUP_ADDED(PROCESS_GROUP),
  PROCESS_GROUP_REMOVED(PROCESS_GROUP),
  TEND(null),
  TEND_PROCESS_READINESS(TEND),
  TEND_PROCESS_READINESS_READY(TEND_PROCESS_READINESS),
  TEND_PROCESS_READINESS_TIMEOUT(TEND_PROCESS_READINESS),
  TEND_PROCESS_HEALTH(TEND),
  TEND_PROCESS_HEALTH_HEALTHY(TEND_PROCESS_HEALTH),
  TEND_PROCESS_HEALTH_UNHEALTHY(TEND_PROCESS_HEALTH);

  private final @Nullable EventType parent;

  EventType(@Nullable EventType parent) {
    this.parent = parent;
  }

  /** Whether a subscription to {@code subscribed} receives events of this type. */
  boolean isA(EventType subscribed) {
    for (EventType t = this; t != null; t = t.parent) {
      if (t == subscribed) {
        return true;
      }
    }
    return false;
  }

  static Optional<EventType> byName(String name) {
    try {
      return Optional.of(valueOf(name.trim().toUpperCase(Locale.ROOT)));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  /** The PROCESS_STATE_* type of a state. */
  static EventType ofState(dev.tend.api.ProcessState state) {
    return valueOf("PROCESS_STATE_" + state.name());
  }
}
