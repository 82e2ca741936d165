package dev.tend.tui.feed;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/** The times a supervisord log's lines begin with, in the formats people log with. */
class LineTimestampsTest {
  private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
  private final long now = Instant.parse("2026-12-08T02:10:00Z").toEpochMilli();
  private final LineTimestamps stamps = new LineTimestamps(PARIS, now);

  private static long utc(String iso) {
    return Instant.parse(iso).toEpochMilli();
  }

  @Test
  void isoAndRfc3339WithAndWithoutAZone() {
    assertEquals(utc("2026-12-08T01:02:03.456Z"), stamps.millis("2026-12-08T01:02:03.456Z GET /"));
    assertEquals(utc("2026-12-08T01:02:03Z"), stamps.millis("2026-12-08T03:02:03+02:00 x"));
    assertEquals(utc("2026-12-08T01:02:03.1Z"), stamps.millis("2026-12-08 02:02:03.1 local"));
  }

  @Test
  void pythonLoggingsCommaMillis() {
    assertEquals(
        utc("2026-12-08T01:02:03.789Z"), stamps.millis("2026-12-08 02:02:03,789 INFO started"));
  }

  @Test
  void syslogTakesTheLatestYearNotAheadOfNow() {
    assertEquals(utc("2026-12-08T00:59:59Z"), stamps.millis("Dec  8 01:59:59 host app: hi"));
    assertEquals(utc("2025-12-31T22:00:00Z"), stamps.millis("Dec 31 23:00:00 host app: hi"));
  }

  @Test
  void commonLogFormat() {
    assertEquals(
        utc("2026-12-08T01:02:03Z"),
        stamps.millis("[08/Dec/2026:02:02:03 +0100] \"GET / HTTP/1.1\" 200"));
  }

  @Test
  void aLineThatDoesNotBeginWithATimeHasNone() {
    assertEquals(LineTimestamps.NONE, stamps.millis("started at 2026-12-08 02:02:03"));
    assertEquals(LineTimestamps.NONE, stamps.millis("2026-02-30 02:02:03 no such day"));
    assertEquals(LineTimestamps.NONE, stamps.millis("Foo  8 01:59:59 not a month"));
    assertEquals(LineTimestamps.NONE, stamps.millis(""));
  }
}
