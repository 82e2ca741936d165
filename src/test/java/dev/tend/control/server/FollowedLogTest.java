package dev.tend.control.server;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Position-based reads of a followed log: no gap or duplicate, and every loss reported. */
class FollowedLogTest {
  private static byte[] b(String s) {
    return s.getBytes(StandardCharsets.US_ASCII);
  }

  private static String s(FollowedLog.Slice slice) {
    return new String(slice.data(), StandardCharsets.US_ASCII);
  }

  @Test
  void readsWhatFollowsAPositionAcrossPieces() throws Exception {
    FollowedLog log = new FollowedLog(100);
    log.onData(b("hello "));
    log.onData(b("world"));
    FollowedLog.Slice all = log.read(0, 100, 0);
    assertEquals("hello world", s(all));
    assertEquals(11, all.next());
    assertEquals(0, all.lost());
    assertEquals("lo wo", s(log.read(3, 5, 0)));
    FollowedLog.Slice none = log.read(11, 100, 0);
    assertEquals(0, none.data().length);
    assertEquals(11, none.next());
    assertFalse(none.closed());
  }

  @Test
  void waitsForTheNextByteWithoutSpinning() throws Exception {
    FollowedLog log = new FollowedLog(100);
    CompletableFuture<FollowedLog.Slice> reader =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                return log.read(0, 100, TimeUnit.SECONDS.toNanos(20));
              } catch (InterruptedException e) {
                throw new IllegalStateException(e);
              }
            });
    log.onData(b("late"));
    assertEquals("late", s(reader.get(20, TimeUnit.SECONDS)));
  }

  @Test
  void bytesPushedOutOfTheBufferAreReportedAsLost() throws Exception {
    FollowedLog log = new FollowedLog(10);
    log.onData(b("0123456789"));
    log.onData(b("abcde"));
    FollowedLog.Slice s = log.read(0, 100, 0);
    assertEquals(5, s.lost());
    assertEquals("56789abcde", s(s));
    assertEquals(15, s.next());
  }

  @Test
  void aSingleWriteLargerThanTheBufferKeepsItsTail() throws Exception {
    FollowedLog log = new FollowedLog(4);
    log.onData(b("abcdefgh"));
    FollowedLog.Slice s = log.read(0, 100, 0);
    assertEquals("efgh", s(s));
    assertEquals(4, s.lost());
    assertEquals(8, s.next());
  }

  @Test
  void upstreamGapsBecomeHolesThatTheNextReadReports() throws Exception {
    FollowedLog log = new FollowedLog(100);
    log.onData(b("before"));
    log.onGap(7);
    log.onData(b("after"));
    FollowedLog.Slice first = log.read(0, 100, 0);
    assertEquals("before", s(first));
    assertEquals(0, first.lost());
    FollowedLog.Slice second = log.read(first.next(), 100, 0);
    assertEquals("after", s(second));
    assertEquals(7, second.lost());
    log.onGap(-1);
    log.onData(b("again"));
    FollowedLog.Slice third = log.read(second.next(), 100, 0);
    assertEquals("again", s(third));
    assertEquals(FollowedLog.UNKNOWN_LOSS, third.lost());
  }

  @Test
  void aClosedLogIsDrainedThenSaysClosed() throws Exception {
    FollowedLog log = new FollowedLog(100);
    log.onData(b("last words"));
    log.onClosed("removed");
    FollowedLog.Slice s = log.read(0, 100, TimeUnit.SECONDS.toNanos(20));
    assertEquals("last words", s(s));
    assertFalse(s.closed());
    assertTrue(log.read(s.next(), 100, TimeUnit.SECONDS.toNanos(20)).closed());
    assertEquals("removed", log.closedReason());
  }

  @Test
  void aPositionOutsideTheLogIsRefused() {
    FollowedLog log = new FollowedLog(100);
    log.onData(b("abc"));
    assertThrows(IllegalArgumentException.class, () -> log.read(4, 10, 0));
    assertThrows(IllegalArgumentException.class, () -> log.read(-1, 10, 0));
  }

  @Test
  void copiesWhatItIsGiven() throws Exception {
    FollowedLog log = new FollowedLog(100);
    byte[] data = b("abc");
    log.onData(data);
    data[0] = 'X';
    assertArrayEquals(b("abc"), log.read(0, 10, 0).data());
  }
}
