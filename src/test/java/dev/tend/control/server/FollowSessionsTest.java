package dev.tend.control.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tend.api.Fault;
import dev.tend.api.FaultException;
import dev.tend.api.LogListener;
import dev.tend.api.LogStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** tend.followProcessLog's long-poll sessions over the push-based follow. */
class FollowSessionsTest {
  private final RecordingSupervisorApi api = new RecordingSupervisorApi();
  private final AtomicLong now = new AtomicLong(1_000_000_000L);
  private final FollowSessions sessions =
      new FollowSessions(api, 2, 1024, Duration.ofSeconds(120), now::get);

  private static String s(FollowSessions.Chunk c) {
    return new String(c.data(), StandardCharsets.UTF_8);
  }

  private FollowSessions.Chunk follow(String name, String position) {
    return sessions.follow(name, LogStream.STDOUT, position, 2, Duration.ZERO);
  }

  private LogListener listener() {
    LogListener l = api.lastListener;
    if (l == null) {
      throw new AssertionError("no follow was started");
    }
    return l;
  }

  @Test
  void firstCallGivesHistoryThenEachWriteOnceInOrder() {
    FollowSessions.Chunk first = follow("web", "");
    assertEquals("og", s(first)); // the last 2 bytes of "log"
    assertEquals("followProcessLog(web, STDOUT, 2)", api.calls.get(0));
    listener().onData("one ".getBytes(StandardCharsets.UTF_8));
    listener().onData("two".getBytes(StandardCharsets.UTF_8));
    FollowSessions.Chunk next = follow("web", first.position());
    assertEquals("one two", s(next));
    assertEquals(0, next.lost());
    FollowSessions.Chunk idle = follow("web", next.position());
    assertEquals("", s(idle));
    assertEquals(next.position(), idle.position());
  }

  @Test
  void anUnknownSessionStartsAgainAndReportsAnUnknownLoss() {
    FollowSessions.Chunk c = follow("web", "0123456789abcdef01234567:99");
    assertEquals(FollowedLog.UNKNOWN_LOSS, c.lost());
    assertEquals("followProcessLog(web, STDOUT, 0)", api.calls.get(0));
    assertTrue(c.position().endsWith(":0"), c.position());
  }

  @Test
  void positionsAreCheckedAgainstTheirLog() {
    FollowSessions.Chunk c = follow("web", "");
    FaultException other =
        assertThrows(
            FaultException.class,
            () -> sessions.follow("g:a", LogStream.STDOUT, c.position(), 0, Duration.ZERO));
    assertEquals(Fault.BAD_ARGUMENTS.code(), other.code());
    for (String bad : new String[] {"nocolon", "abc:", "abc:-1", "abc:x"}) {
      assertEquals(
          Fault.BAD_ARGUMENTS.code(),
          assertThrows(FaultException.class, () -> follow("web", bad)).code(),
          bad);
    }
    String beyond = c.position().substring(0, c.position().indexOf(':')) + ":999";
    assertEquals(
        Fault.BAD_ARGUMENTS.code(),
        assertThrows(FaultException.class, () -> follow("web", beyond)).code());
  }

  @Test
  void idleSessionsExpireAndTheirFollowIsClosed() {
    FollowSessions.Chunk c = follow("web", "");
    now.addAndGet(Duration.ofSeconds(121).toNanos());
    FollowSessions.Chunk again = follow("web", c.position());
    assertEquals(FollowedLog.UNKNOWN_LOSS, again.lost());
    assertTrue(api.calls.contains("closeFollow(web)"), api.calls::toString);
  }

  @Test
  void theLeastRecentlyUsedSessionGoesBeyondTheLimit() {
    FollowSessions.Chunk a = follow("web", "");
    now.addAndGet(1);
    follow("g:a", "");
    now.addAndGet(1);
    follow("web", a.position()); // a is now the most recent
    now.addAndGet(1);
    follow("g:b", "");
    assertEquals(2, sessions.size());
    assertTrue(api.calls.contains("closeFollow(g:a)"), api.calls::toString);
  }

  @Test
  void aLogThatEndsIsFollowedAgainOrFaultsWhenItsProcessIsGone() {
    FollowSessions.Chunk c = follow("web", "");
    listener().onClosed("group removed");
    FollowSessions.Chunk after = follow("web", c.position());
    assertEquals(FollowedLog.UNKNOWN_LOSS, after.lost());
    assertNotEquals(c.position(), after.position());
    api.lastListener = null;
    FollowSessions.Chunk g = follow("g:a", "");
    listener().onClosed("group removed");
    api.failWith("followProcessLog", () -> new FaultException(Fault.BAD_NAME, "g:a"));
    FaultException gone = assertThrows(FaultException.class, () -> follow("g:a", g.position()));
    assertEquals(Fault.BAD_NAME.code(), gone.code());
  }

  @Test
  void closingClosesEveryFollowAndRefusesNewOnes() {
    follow("web", "");
    sessions.close();
    assertTrue(api.calls.contains("closeFollow(web)"));
    assertEquals(
        Fault.FAILED.code(), assertThrows(FaultException.class, () -> follow("web", "")).code());
  }
}
