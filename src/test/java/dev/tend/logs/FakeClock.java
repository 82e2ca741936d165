package dev.tend.logs;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A clock the test sets; UTC, so prefixes read the same everywhere. */
final class FakeClock extends Clock {
  private volatile long millis; // the time now, set by the test

  FakeClock(String utc) {
    set(utc);
  }

  void set(String utc) {
    millis = LocalDateTime.parse(utc).toInstant(ZoneOffset.UTC).toEpochMilli();
  }

  void advanceMillis(long ms) {
    millis += ms;
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    throw new UnsupportedOperationException("the fake clock stays in UTC");
  }

  @Override
  public long millis() {
    return millis;
  }

  @Override
  public Instant instant() {
    return Instant.ofEpochMilli(millis);
  }
}
