package dev.tend.control.server;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** The {@code Date} header's value (RFC 9110 5.6.7), formatted once a second at most. */
final class HttpDate {
  private record Cached(long second, String text) {}

  // The last formatted second; replaced whole, so readers see a consistent pair.
  private static volatile Cached cached = new Cached(Long.MIN_VALUE, "");

  private static final DateTimeFormatter IMF_FIXDATE =
      DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.ROOT);

  private HttpDate() {}

  static String now() {
    long millis = System.currentTimeMillis();
    long second = Math.floorDiv(millis, 1000);
    Cached c = cached;
    if (c.second() != second) {
      c = new Cached(second, format(Instant.ofEpochSecond(second)));
      cached = c;
    }
    return c.text();
  }

  static String format(Instant t) {
    return IMF_FIXDATE.format(t.atOffset(ZoneOffset.UTC));
  }
}
