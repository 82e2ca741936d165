package dev.tend.core;

import dev.tend.api.ProcessInfo;
import dev.tend.api.ProcessState;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** The {@code description} field of the process info struct, worded as supervisord words it. */
final class ProcessDescriptions {
  private static final DateTimeFormatter STOP_TIME =
      DateTimeFormatter.ofPattern("MMM dd hh:mm a", Locale.ENGLISH);

  private ProcessDescriptions() {}

  /**
   * @param start whole epoch seconds of the last start, 0 if never started
   * @param stop whole epoch seconds of the last stop
   * @param now whole epoch seconds
   */
  static String describe(
      ProcessState state,
      long start,
      long stop,
      long now,
      int pid,
      String spawnerr,
      String name,
      ZoneId zone) {
    return switch (state) {
      case RUNNING -> ProcessInfo.runningDescription(pid, Math.max(0, now - start));
      case FATAL, BACKOFF ->
          spawnerr.isEmpty() ? "unknown error (try \"tail " + name + "\")" : spawnerr;
      case STOPPED, EXITED ->
          start != 0 ? STOP_TIME.format(Instant.ofEpochSecond(stop).atZone(zone)) : "Not started";
      default -> "";
    };
  }
}
