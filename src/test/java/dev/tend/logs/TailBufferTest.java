package dev.tend.logs;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tend.testing.Await;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class TailBufferTest {

  private static void append(TailBuffer t, String s) {
    byte[] b = s.getBytes(US_ASCII);
    t.append(b, 0, b.length);
  }

  private static String text(LogChunk c) {
    return new String(c.bytes(), US_ASCII);
  }

  /** The byte the stress tests put at {@code position}: differs from its neighbours' far away. */
  static byte byteAt(long position) {
    return (byte) ((position * 0x9E3779B97F4A7C15L) >>> 56);
  }

  @Test
  void positionsCountEveryByteAppended() {
    TailBuffer t = new TailBuffer(64);
    append(t, "hello ");
    append(t, "world");
    assertEquals(11, t.end());
    LogChunk c = t.read(0, 100);
    assertEquals("hello world", text(c));
    assertEquals(0, c.lost());
    assertEquals(11, c.end());
    assertEquals("wor", text(t.read(6, 3)));
    assertEquals(9, t.read(6, 3).end());
  }

  @Test
  void aPositionAtOrBeyondTheEndReadsEmptyAtTheEnd() {
    TailBuffer t = new TailBuffer(64);
    append(t, "abc");
    assertEquals(new LogChunk(new byte[0], 0, 3), t.read(3, 10));
    assertEquals(new LogChunk(new byte[0], 0, 3), t.read(1000, 10));
  }

  @Test
  void wrapsAroundAndCountsWhatWasOverwritten() {
    TailBuffer t = new TailBuffer(16);
    for (int i = 0; i < 8; i++) {
      append(t, "abcde"); // 40 bytes through a 16-byte ring
    }
    LogChunk c = t.read(0, 100);
    assertEquals(24, c.lost());
    assertEquals("eabcdeabcdeabcde", text(c));
    assertEquals(24, c.start());
    assertEquals(40, c.end());
    assertEquals(24, t.start());
    LogChunk mid = t.read(30, 4);
    assertEquals(0, mid.lost());
    assertEquals("abcd", text(mid));
  }

  @Test
  void anAppendLargerThanTheCapacityKeepsItsLastBytes() {
    TailBuffer t = new TailBuffer(8);
    append(t, "x");
    append(t, "0123456789abcdef");
    LogChunk c = t.read(0, 100);
    assertEquals("89abcdef", text(c));
    assertEquals(9, c.lost());
    assertEquals(17, c.end());
  }

  @Test
  void growsLazilyFromNothing() {
    TailBuffer t = new TailBuffer(TailBuffer.DEFAULT_CAPACITY);
    assertEquals(0, t.allocated(), "an idle stream costs no ring");
    append(t, "started\n");
    assertEquals(512, t.allocated());
    byte[] kb = new byte[1000];
    for (int i = 0; i < 10; i++) {
      t.append(kb, 0, kb.length);
    }
    assertEquals(16 * 1024, t.allocated());
    assertEquals(0, t.read(0, 20_000).lost(), "growing keeps what was held");
    assertEquals("started\n", new String(t.read(0, 8).bytes(), US_ASCII));
    for (int i = 0; i < 100; i++) {
      t.append(kb, 0, kb.length);
    }
    assertEquals(TailBuffer.DEFAULT_CAPACITY, t.allocated());
  }

  @Test
  void aCapacityThatIsNoPowerOfTwoIsHonoured() {
    TailBuffer t = new TailBuffer(1000);
    for (int i = 0; i < 100; i++) {
      append(t, "0123456789abc");
    }
    assertEquals(1000, t.allocated());
    LogChunk c = t.latest(5000);
    assertEquals(1000, c.length());
    assertEquals(1300, c.end());
  }

  @Test
  void latestReturnsTheLastBytesAndTheEnd() {
    TailBuffer t = new TailBuffer(64);
    append(t, "line one\nline two\n");
    LogChunk c = t.latest(9);
    assertEquals("line two\n", text(c));
    assertEquals(18, c.end());
    assertEquals(0, c.lost());
    assertEquals("line one\nline two\n", text(t.latest(1000)));
  }

  @Test
  void discardForgetsTheHistoryButNotThePositions() {
    TailBuffer t = new TailBuffer(64);
    append(t, "secret");
    t.discard();
    assertEquals(6, t.start());
    LogChunk c = t.read(0, 100);
    assertEquals(0, c.length());
    assertEquals(6, c.lost());
    append(t, "new");
    assertEquals("new", text(t.read(0, 100)));
    assertEquals(9, t.end());
    assertEquals("new", text(t.latest(100)));
  }

  @Test
  void appendConsumesTheBuffer() {
    TailBuffer t = new TailBuffer(64);
    ByteBuffer b = ByteBuffer.wrap("abcdef".getBytes(US_ASCII), 1, 4);
    t.append(b);
    assertFalse(b.hasRemaining());
    assertEquals("bcde", text(t.read(0, 10)));
  }

  @Test
  void awaitBeyondReturnsAtOnceWhenTheEndIsElsewhere() throws InterruptedException {
    TailBuffer t = new TailBuffer(64);
    append(t, "abc");
    assertTrue(t.awaitBeyond(0, Duration.ZERO));
    assertTrue(t.awaitBeyond(99, Duration.ZERO), "a stale position from the future");
    assertFalse(t.awaitBeyond(3, Duration.ofMillis(20)));
  }

  @Test
  void awaitBeyondWakesOnAppend() throws Exception {
    TailBuffer t = new TailBuffer(64);
    CompletableFuture<Boolean> woke =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                return t.awaitBeyond(0, Duration.ofSeconds(30));
              } catch (InterruptedException e) {
                throw new RuntimeException(e);
              }
            });
    Await.until("the waiter to park", () -> t.waiting() == 1);
    append(t, "x");
    assertTrue(woke.get(10, TimeUnit.SECONDS));
  }

  @Test
  void closeWakesWaiters() throws Exception {
    TailBuffer t = new TailBuffer(64);
    CompletableFuture<Boolean> woke =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                return t.awaitBeyond(0, Duration.ofSeconds(30));
              } catch (InterruptedException e) {
                throw new RuntimeException(e);
              }
            });
    Await.until("the waiter to park", () -> t.waiting() == 1);
    t.close();
    assertTrue(woke.get(10, TimeUnit.SECONDS));
    assertTrue(t.isClosed());
  }

  @Test
  void listenersHearEachAppendAndAFailingOneHarmsNothing() {
    TailBuffer t = new TailBuffer(64);
    List<Long> heard = new CopyOnWriteArrayList<>();
    t.addListener(
        end -> {
          throw new IllegalStateException("broken listener");
        });
    TailBuffer.AppendListener l = heard::add;
    t.addListener(l);
    append(t, "ab");
    append(t, "cde");
    t.removeListener(l);
    append(t, "f");
    assertEquals(List.of(2L, 5L), heard);
    assertEquals("abcdef", text(t.read(0, 10)));
  }

  @Test
  void rejectsBadArguments() {
    assertThrows(IllegalArgumentException.class, () -> new TailBuffer(0));
    TailBuffer t = new TailBuffer(8);
    assertThrows(IllegalArgumentException.class, () -> t.read(-1, 1));
    assertThrows(IllegalArgumentException.class, () -> t.read(0, -1));
  }

  /**
   * A writer races readers through a small ring: every byte a reader gets must be the byte written
   * at its position, and every byte it does not get must be counted as lost, so reads are exact
   * even while the ring is overwritten and grown under them.
   */
  @Test
  void concurrentReadersSeeExactBytesOrCountThemLost() throws Exception {
    TailBuffer t = new TailBuffer(4096);
    long total = 16L * 1024 * 1024;
    AtomicBoolean done = new AtomicBoolean();
    AtomicLong losses = new AtomicLong();
    List<CompletableFuture<Long>> readers = new ArrayList<>();
    for (int r = 0; r < 2; r++) {
      int max = r == 0 ? 4096 : 700;
      readers.add(
          CompletableFuture.supplyAsync(
              () -> {
                long pos = 0;
                while (!done.get() || pos < t.end()) {
                  LogChunk c = t.read(pos, max);
                  if (c.start() != pos + c.lost()) {
                    throw new AssertionError("chunk " + c + " does not follow position " + pos);
                  }
                  losses.addAndGet(c.lost());
                  byte[] b = c.bytes();
                  for (int i = 0; i < b.length; i++) {
                    if (b[i] != byteAt(c.start() + i)) {
                      throw new AssertionError("wrong byte at position " + (c.start() + i));
                    }
                  }
                  pos = c.end();
                }
                return pos;
              }));
    }
    SplittableRandom random = new SplittableRandom(7);
    byte[] chunk = new byte[8192];
    long written = 0;
    while (written < total) {
      int n = 1 + random.nextInt(random.nextBoolean() ? 64 : chunk.length);
      for (int i = 0; i < n; i++) {
        chunk[i] = byteAt(written + i);
      }
      t.append(chunk, 0, n);
      written += n;
    }
    done.set(true);
    for (CompletableFuture<Long> r : readers) {
      assertEquals(written, r.get(60, TimeUnit.SECONDS));
    }
    assertArrayEquals(new byte[] {byteAt(written - 1)}, t.read(written - 1, 1).bytes());
  }
}
