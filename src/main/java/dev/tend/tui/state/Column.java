package dev.tend.tui.state;

import dev.tend.api.Health;
import dev.tend.api.ProcessState;
import dev.tend.tui.text.Durations;
import java.util.Comparator;
import java.util.Locale;

/**
 * The process table's columns: title, widths, alignment, how a row's cell reads and sorts. The
 * order here is the order on screen; the view drops the least important at small widths.
 */
public enum Column {
  /** The server a row is on; shown only when the console has several. */
  SERVER("SERVER", 6, false),
  NAME("NAME", 10, false),
  STATE("STATE", 8, false),
  /** tend's health checks; left out when no process has one (and under supervisord). */
  HEALTH("HEALTH", 9, false),
  PID("PID", 7, true),
  UPTIME("UPTIME", 6, true),
  RESTARTS("RESTARTS", 8, true),
  REASON("EXIT/REASON", 14, false),
  CPU("CPU%", 5, true),
  RSS("RSS", 6, true),
  DESCRIPTION("DESCRIPTION", 16, false);

  private final String title;
  private final int minWidth;
  private final boolean rightAligned;

  Column(String title, int minWidth, boolean rightAligned) {
    this.title = title;
    this.minWidth = minWidth;
    this.rightAligned = rightAligned;
  }

  public String title() {
    return title;
  }

  public int minWidth() {
    return Math.max(minWidth, title.length());
  }

  public boolean rightAligned() {
    return rightAligned;
  }

  /** The cell text of a row at {@code now} (epoch seconds); {@code -} when there is no value. */
  public String cell(ProcessRow row, long now) {
    return switch (this) {
      case SERVER -> row.server();
      case NAME -> row.localNamespec();
      case STATE -> row.state().name();
      case HEALTH -> row.info().health().status() == Health.Status.NONE ? "-" : row.healthWord();
      case PID -> row.info().pid() > 0 ? Integer.toString(row.info().pid()) : "-";
      case UPTIME -> {
        long up = row.uptimeSeconds(now);
        yield up < 0 ? "-" : Durations.compact(up);
      }
      case RESTARTS ->
          row.restarts() <= 0 || row.lastRestartAt() == 0
              ? Integer.toString(Math.max(0, row.restarts()))
              : row.restarts() + " (" + Durations.coarse(now - row.lastRestartAt()) + ")";
      case REASON -> row.reason();
      case CPU -> {
        var s = row.stats();
        yield s == null ? "-" : String.format(Locale.ROOT, "%.1f", s.cpuPercent());
      }
      case RSS -> {
        var s = row.stats();
        yield s == null ? "-" : Durations.bytes(s.rssBytes());
      }
      case DESCRIPTION -> row.description(now);
    };
  }

  /** Sort order for this column, ties broken by name; the first press sorts ascending. */
  public Comparator<ProcessRow> comparator(long now) {
    // by server first: with many servers, each server's rows stay together
    Comparator<ProcessRow> byName =
        Comparator.comparing(ProcessRow::server).thenComparing(ProcessRow::localNamespec);
    Comparator<ProcessRow> key =
        switch (this) {
          case SERVER, NAME -> byName;
          case STATE -> Comparator.comparingInt(r -> severity(r.state()));
          case HEALTH -> Comparator.comparingInt(r -> severity(r.info().health().status()));
          case PID -> Comparator.comparingInt(r -> r.info().pid());
          case UPTIME -> Comparator.comparingLong(r -> r.uptimeSeconds(now));
          case RESTARTS -> Comparator.comparingInt(ProcessRow::restarts);
          case REASON -> Comparator.comparing(ProcessRow::reason);
          case CPU ->
              Comparator.comparingDouble(r -> r.stats() == null ? -1 : r.stats().cpuPercent());
          case RSS -> Comparator.comparingLong(r -> r.stats() == null ? -1 : r.stats().rssBytes());
          case DESCRIPTION -> Comparator.comparing(r -> r.description(now));
        };
    return key.thenComparing(byName);
  }

  /** Unhealthy first when sorting by health, processes without a check last. */
  static int severity(Health.Status s) {
    return switch (s) {
      case UNHEALTHY -> 0;
      case UNKNOWN -> 1;
      case HEALTHY -> 2;
      case NONE -> 3;
    };
  }

  /** Problems first when sorting by state. */
  static int severity(ProcessState s) {
    return switch (s) {
      case FATAL -> 0;
      case BACKOFF -> 1;
      case UNKNOWN -> 2;
      case EXITED -> 3;
      case STOPPING -> 4;
      case STARTING -> 5;
      case RUNNING -> 6;
      case STOPPED -> 7;
    };
  }
}
