package dev.tend.tui.feed;

import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Reads the time a log line begins with, for the history of a server that keeps no line times
 * (supervisord): ISO 8601 / RFC 3339 ({@code 2026-12-08T02:10:33.123Z}, with a space for the {@code
 * T}, with or without an offset), Python logging's {@code 2026-12-08 02:10:33,123}, syslog's {@code
 * Dec 8 02:10:33} (no year: the latest such time not more than a day ahead of now), and the common
 * log format's {@code [08/Dec/2026:02:10:33 +0000]}. Times without a zone are in the console's.
 * Thread-safe (immutable).
 */
final class LineTimestamps {
  /** What {@link #millis} answers for a line that does not begin with a time. */
  static final long NONE = Long.MIN_VALUE;

  private static final Pattern ISO =
      Pattern.compile(
          "^(\\d{4})-(\\d{2})-(\\d{2})[T ](\\d{2}):(\\d{2}):(\\d{2})(?:[.,](\\d{1,9}))?"
              + "(Z|[+-]\\d{2}:?\\d{2})?(?![\\d])");
  private static final Pattern SYSLOG =
      Pattern.compile("^([A-Z][a-z]{2}) ([ \\d]\\d) (\\d{2}):(\\d{2}):(\\d{2})(?![\\d])");
  private static final Pattern CLF =
      Pattern.compile(
          "^\\[(\\d{2})/([A-Z][a-z]{2})/(\\d{4}):(\\d{2}):(\\d{2}):(\\d{2}) ([+-]\\d{4})\\]");
  private static final String MONTHS = "JanFebMarAprMayJunJulAugSepOctNovDec";

  private final ZoneId zone;
  private final long nowMillis;

  /**
   * @param zone the zone of times written without one
   * @param nowMillis now, for syslog's year
   */
  LineTimestamps(ZoneId zone, long nowMillis) {
    this.zone = zone;
    this.nowMillis = nowMillis;
  }

  /** The epoch millis {@code line} begins with, or {@link #NONE}. */
  long millis(String line) {
    try {
      Matcher m = ISO.matcher(line);
      if (m.find()) {
        return iso(m);
      }
      m = CLF.matcher(line);
      if (m.find()) {
        return clf(m);
      }
      m = SYSLOG.matcher(line);
      if (m.find()) {
        return syslog(m);
      }
    } catch (DateTimeException | NumberFormatException e) {
      return NONE; // a date that does not exist (Feb 30): not a time
    }
    return NONE;
  }

  private long iso(Matcher m) {
    LocalDateTime t =
        LocalDateTime.of(
            num(m, 1), num(m, 2), num(m, 3), num(m, 4), num(m, 5), num(m, 6), nanos(m.group(7)));
    String offset = m.group(8);
    if (offset == null) {
      return t.atZone(zone).toInstant().toEpochMilli();
    }
    ZoneOffset o = offset.equals("Z") ? ZoneOffset.UTC : ZoneOffset.of(colon(offset));
    return OffsetDateTime.of(t, o).toInstant().toEpochMilli();
  }

  private long clf(Matcher m) {
    LocalDateTime t =
        LocalDateTime.of(
            num(m, 3), month(m.group(2)), num(m, 1), num(m, 4), num(m, 5), num(m, 6), 0);
    return OffsetDateTime.of(t, ZoneOffset.of(colon(m.group(7)))).toInstant().toEpochMilli();
  }

  private long syslog(Matcher m) {
    int year = LocalDateTime.ofInstant(java.time.Instant.ofEpochMilli(nowMillis), zone).getYear();
    int day = Integer.parseInt(m.group(2).trim());
    for (int y = year + 1; y >= year - 1; y--) {
      LocalDateTime t =
          LocalDateTime.of(y, month(m.group(1)), day, num(m, 3), num(m, 4), num(m, 5), 0);
      long ms = t.atZone(zone).toInstant().toEpochMilli();
      if (ms <= nowMillis + 86_400_000L) {
        return ms;
      }
    }
    return NONE;
  }

  private static int month(String name) {
    int i = MONTHS.indexOf(name);
    if (i < 0 || i % 3 != 0) {
      throw new DateTimeException("not a month: " + name);
    }
    return i / 3 + 1;
  }

  private static int num(Matcher m, int group) {
    return Integer.parseInt(m.group(group));
  }

  private static int nanos(@Nullable String fraction) {
    if (fraction == null) {
      return 0;
    }
    return Integer.parseInt((fraction + "00000000").substring(0, 9));
  }

  private static String colon(String offset) {
    String o = offset.toUpperCase(Locale.ROOT);
    return o.length() == 5 ? o.substring(0, 3) + ":" + o.substring(3) : o;
  }
}
