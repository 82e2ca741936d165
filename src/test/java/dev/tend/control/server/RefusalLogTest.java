package dev.tend.control.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * The main-log lines of refusals: the first of each kind at once, the rest summed up a minute on.
 */
class RefusalLogTest {
  private static final long SECOND = 1_000_000_000L;

  private final Logger mainLog = (Logger) LoggerFactory.getLogger(ControlServer.class);
  private final ListAppender<ILoggingEvent> lines = new ListAppender<>();
  private final AtomicLong now = new AtomicLong(1_000 * SECOND);
  private final AtomicLong heldBack = new AtomicLong();
  private final RefusalLog log =
      new RefusalLog(ServerLimits.DEFAULTS, now::get, heldBack::incrementAndGet);

  @BeforeEach
  void capture() {
    lines.start();
    mainLog.addAppender(lines);
    mainLog.setAdditive(false);
    mainLog.setLevel(Level.INFO);
  }

  @AfterEach
  void restore() {
    mainLog.detachAppender(lines);
    mainLog.setAdditive(true);
    mainLog.setLevel(null);
  }

  private List<String> said() {
    return lines.list.stream().map(e -> e.getLevel() + " " + e.getFormattedMessage()).toList();
  }

  @Test
  void aStormOfRefusalsIsOneLineThenOneSumAMinuteLater() {
    for (int i = 0; i < 5_000; i++) {
      log.record(Refusal.HEAD_TIMEOUT, "unix:///run/s.sock", "slow");
      now.addAndGet(SECOND / 100);
    }
    assertEquals(
        List.of(
            "WARN control server unix:///run/s.sock: closed a connection: request line and headers"
                + " not received within 10 s (408)"),
        said());
    log.flush(); // 50 s in: the minute is not over
    assertEquals(1, said().size());
    now.addAndGet(15 * SECOND);
    log.flush();
    assertEquals(
        "WARN control server: closed 4999 more connections in a minute: request line and headers"
            + " not received within 10 s (408)",
        said().get(1));
    log.flush();
    assertEquals(2, said().size(), "said once");
  }

  @Test
  void aFlushIsDueOnlyWhenAMinuteHeldALineBackAndItIsToldOnce() {
    assertEquals(Long.MAX_VALUE, log.nanosToFlush(), "nothing to flush: no timer");
    log.record(Refusal.HEAD_TIMEOUT, "unix:///run/s.sock", "slow");
    assertEquals(Long.MAX_VALUE, log.nanosToFlush(), "the first line went out at once");
    now.addAndGet(10 * SECOND);
    log.record(Refusal.HEAD_TIMEOUT, "unix:///run/s.sock", "slow");
    log.record(Refusal.HEAD_TIMEOUT, "unix:///run/s.sock", "slow");
    assertEquals(1, heldBack.get(), "told when the minute first held a line back");
    assertEquals(50 * SECOND, log.nanosToFlush());
    now.addAndGet(50 * SECOND);
    assertEquals(0, log.nanosToFlush());
    log.flush();
    assertEquals(Long.MAX_VALUE, log.nanosToFlush(), "flushed: no timer again");
    log.acceptFailed("unix:///run/s.sock", new java.io.IOException("Too many open files"), 10);
    log.acceptFailed("unix:///run/s.sock", new java.io.IOException("Too many open files"), 20);
    assertEquals(2, heldBack.get());
    assertEquals(60 * SECOND, log.nanosToFlush());
  }

  @Test
  void eachKindHasItsOwnMinuteAndAMalformedRequestIsInfo() {
    log.record(Refusal.TOO_MANY_CONNECTIONS, "http://localhost:9001", "full");
    log.record(Refusal.MALFORMED, "http://localhost:9001", "bad method");
    log.record(Refusal.TOO_MANY_CONNECTIONS, "http://localhost:9001", "full");
    assertEquals(
        List.of(
            "WARN control server http://localhost:9001: closed a connection: more than 1024"
                + " connections at once (503)",
            "INFO control server http://localhost:9001: closed a connection: malformed request"
                + " (400) [bad method]"),
        said());
    now.addAndGet(61 * SECOND);
    log.record(Refusal.TOO_MANY_CONNECTIONS, "http://localhost:9001", "full");
    assertEquals(
        List.of(
            "WARN control server: closed 1 more connection in a minute: more than 1024 connections"
                + " at once (503)",
            "WARN control server http://localhost:9001: closed a connection: more than 1024"
                + " connections at once (503)"),
        said().subList(2, 4));
  }
}
