package dev.tend.logs;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * The prefix tend's {@code *_logfile_timestamps} option puts before each line: the time the line
 * was received, as the main log writes it ({@code 2024-05-01 12:34:56,789 }, local time). The date
 * and time of day are formatted once per second; only the milliseconds are written per line.
 */
final class LineStamp {
  /** Length of a prefix, trailing space included. */
  static final int LENGTH = 24;

  private static final DateTimeFormatter SECONDS =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

  private final Clock clock;
  private final ZoneId zone;
  private final byte[] prefix = new byte[LENGTH];
  // The epoch second the prefix's first 19 bytes show; Long.MIN_VALUE before the first use.
  private long second = Long.MIN_VALUE;

  LineStamp(Clock clock) {
    this.clock = clock;
    this.zone = clock.getZone();
  }

  /** The prefix for now; the array is reused by the next call. */
  byte[] now() {
    long millis = clock.millis();
    long sec = Math.floorDiv(millis, 1000);
    if (sec != second) {
      LocalDateTime t = LocalDateTime.ofInstant(Instant.ofEpochSecond(sec), zone);
      byte[] text = SECONDS.format(t).getBytes(StandardCharsets.US_ASCII);
      System.arraycopy(text, 0, prefix, 0, 19);
      prefix[19] = ',';
      prefix[23] = ' ';
      second = sec;
    }
    int ms = Math.floorMod(millis, 1000);
    prefix[20] = (byte) ('0' + ms / 100);
    prefix[21] = (byte) ('0' + ms / 10 % 10);
    prefix[22] = (byte) ('0' + ms % 10);
    return prefix;
  }
}
