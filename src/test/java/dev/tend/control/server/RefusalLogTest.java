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
  private final RefusalLog log = new RefusalLog(ServerLimits.DEFAULTS, now::get);

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
