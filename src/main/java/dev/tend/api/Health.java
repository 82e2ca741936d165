package dev.tend.api;

import java.util.Locale;

/**
 * What tend's health check of a process last found (docs/CONFIG.md, {@code health_*} keys).
 *
 * @param checked epoch seconds of the last result, 0 when none yet
 * @param message what the last check said ({@code HTTP 503}, {@code connection refused}), empty
 *     before the first
 * @param failures failed checks in a row
 */
public record Health(Status status, long checked, String message, int failures) {

  /** A process without a health check, or a server that does not check health (supervisord). */
  public static final Health NONE = new Health(Status.NONE, 0, "", 0);

  /** The health of a process. */
  public enum Status {
    /** No health check configured (or not known: a supervisord). */
    NONE,
    /** Checked, but not running or no result yet in this run. */
    UNKNOWN,
    HEALTHY,
    /** {@code health_retries} checks in a row failed. */
    UNHEALTHY;

    /** The wire and display word: {@code none}, {@code unknown}, {@code healthy}... */
    public String word() {
      return name().toLowerCase(Locale.ROOT);
    }

    /** The status a wire word names; an unknown word reads as UNKNOWN. */
    public static Status ofWord(String word) {
      for (Status s : values()) {
        if (s.word().equals(word)) {
          return s;
        }
      }
      return word.isEmpty() ? NONE : UNKNOWN;
    }
  }
}
