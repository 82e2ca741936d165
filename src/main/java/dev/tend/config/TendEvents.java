package dev.tend.config;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * tend's own event types, which an {@code [eventlistener:x]} subscribes to with {@code tend_events
 * = ...}. They are not in {@code events=}: supervisord refuses a config whose {@code events} names
 * a type it does not know, and ignores the {@code tend_events} key, so the same file still runs
 * under supervisord (without these events). {@code EVENT} does not include them: a listener written
 * for supervisord never sees an event name it cannot know.
 */
public final class TendEvents {
  private TendEvents() {}

  /** The key of an eventlistener section. */
  public static final String KEY = "tend_events";

  /** Every name, abstract ones ({@code TEND}, {@code TEND_PROCESS_HEALTH}...) included. */
  public static final Set<String> TYPES =
      Set.of(
          "TEND",
          "TEND_PROCESS_READINESS",
          "TEND_PROCESS_READINESS_READY",
          "TEND_PROCESS_READINESS_TIMEOUT",
          "TEND_PROCESS_HEALTH",
          "TEND_PROCESS_HEALTH_HEALTHY",
          "TEND_PROCESS_HEALTH_UNHEALTHY");

  /** Reads {@code tend_events}: upper-cased names, each one of {@link #TYPES}. */
  static List<String> read(SectionReader r, Map<String, ?> names) {
    String text = r.typed(KEY, "", names, t -> t, "");
    List<String> events = new java.util.ArrayList<>();
    for (String e : ValueTypes.listOfStrings(text)) {
      String name = e.toUpperCase(Locale.ROOT);
      if (name.isEmpty()) {
        continue;
      }
      if (!TYPES.contains(name)) {
        r.error(KEY, "Unknown tend event type " + name + " in [" + r.section() + "] " + KEY);
      } else if (!events.contains(name)) {
        events.add(name);
      }
    }
    return events;
  }

  /** The hint added to supervisord's error for a tend type written in {@code events=}. */
  static String inEventsHint(String name) {
    return TYPES.contains(name)
        ? " (tend's own events go in " + KEY + "=, which supervisord ignores)"
        : "";
  }
}
