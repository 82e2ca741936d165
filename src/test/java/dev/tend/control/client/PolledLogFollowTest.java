package dev.tend.control.client;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tend.testing.Await;
import dev.tend.testing.RecordingLogListener;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Following a supervisord log by polling: every byte once, in order, and every loss reported. */
class PolledLogFollowTest {
  private static final List<String> CHARACTERS =
      List.of("a", "\u00e9", "\u20ac", "\ud83d\ude00", "\n");

  private final FakeSupervisordLog log = new FakeSupervisordLog();
  private final RecordingLogListener listener = new RecordingLogListener();
  private final PolledLogFollow follow =
      new PolledLogFollow(log, listener, "web stdout", Duration.ofMillis(200));

  @Test
  void historyThenNewBytesWithNoGapOrDuplicateAtTheSeam() {
    log.append("old\nrecent\n");
    follow.history(7);
    assertEquals("recent\n", listener.text());
    log.append("new\n");
    follow.poll();
    follow.poll();
    assertEquals("recent\nnew\n", listener.text());
    assertEquals(List.of("data:7", "data:4"), listener.events());
  }

  @Test
  void historyLargerThanTheLogIsTheWholeLogAndZeroIsNone() {
    log.append("all of it\n");
    follow.history(1 << 20);
    assertEquals("all of it\n", listener.text());

    RecordingLogListener later = new RecordingLogListener();
    PolledLogFollow fromNow = new PolledLogFollow(log, later, "web", Duration.ofMillis(1));
    fromNow.history(0);
    log.append("next\n");
    fromNow.poll();
    assertEquals("next\n", later.text());
  }

  @Test
  void idlePollsTransferNothing() {
    log.append("x".repeat(100_000));
    follow.history(10);
    int before = log.calls();
    follow.poll();
    follow.poll();
    assertEquals(before + 2, log.calls(), "one size probe per idle poll, no reads");
    assertEquals(10, listener.bytes().length);
  }

  @Test
  void aClearedLogIsAGapOfUnknownSizeThenTheNewFileFromItsStart() {
    log.append("before the clear\n");
    follow.history(100);
    log.clear();
    log.append("after\n");
    follow.poll();
    assertEquals("before the clear\nafter\n", listener.text());
    assertEquals(List.of("data:17", "gap:-1", "data:6"), listener.events());
  }

  @Test
  void aLogClearedBetweenTheSizeProbeAndTheReadIsNoticedAtTheNextPoll() {
    log.append("one\n");
    follow.history(100);
    log.append("two\n");
    log.vanishOnNextRead();
    follow.poll();
    log.append("3\n");
    follow.poll();
    assertEquals("one\n3\n", listener.text());
    assertEquals(List.of("data:4", "gap:-1", "data:2"), listener.events());
  }

  @Test
  void negativeHistoryIsNone() {
    log.append("old\n");
    follow.history(-5);
    log.append("new\n");
    follow.poll();
    assertEquals("new\n", listener.text());
    assertEquals(List.of(), listener.gaps());
  }

  @Test
  void fallingTooFarBehindSkipsAheadAndSaysHowMuch() {
    follow.history(0);
    byte[] burst = new byte[(int) PolledLogFollow.MAX_BEHIND + 1000];
    Arrays.fill(burst, (byte) 'x');
    log.append(burst);
    follow.poll();
    assertEquals(1000L, listener.gaps().get(0));
    assertEquals(PolledLogFollow.MAX_BEHIND, listener.bytes().length);
    assertEquals("gap:1000", listener.events().get(0));
  }

  @Test
  void aCharacterSplitAcrossWritesArrivesWhole() {
    follow.history(0);
    log.append(new byte[] {'h', (byte) 0xC3}); // half of é
    follow.poll();
    follow.poll();
    assertEquals("h", listener.text(), "the half character waits");
    log.append(new byte[] {(byte) 0xA9, '!'});
    follow.poll();
    assertEquals("h\u00e9!", listener.text());
    assertEquals(List.of(), listener.gaps());
  }

  @Test
  void historyThatWouldStartInsideACharacterStartsAtTheNextOne() {
    log.append("\u00e9\u00e9\u00e9"); // six bytes
    follow.history(3);
    assertEquals("\u00e9", listener.text());
    assertEquals(List.of(), listener.gaps());
  }

  @Test
  void bytesThatAreNotUtf8AreSkippedAsGapsAndTheRestArrives() {
    follow.history(0);
    ByteArrayOutputStream file = new ByteArrayOutputStream();
    file.writeBytes("ok \u20ac\n".getBytes(UTF_8));
    file.write(0xFF);
    file.write(0xFE);
    file.writeBytes("fine \u20ac\n".getBytes(UTF_8));
    log.append(file.toByteArray());
    follow.poll();
    follow.poll();
    assertEquals("ok \u20ac\nfine \u20ac\n", listener.text());
    assertEquals(List.of(2L), listener.gaps(), "the two bad bytes, reported once");
  }

  @Test
  void randomWritesAndSplitCharactersArriveExactly() {
    Random random = new Random(42);
    follow.history(0);
    ByteArrayOutputStream all = new ByteArrayOutputStream();
    byte[] pending = new byte[0];
    for (int round = 0; round < 300; round++) {
      StringBuilder text = new StringBuilder();
      for (int i = random.nextInt(40); i > 0; i--) {
        text.append(CHARACTERS.get(random.nextInt(CHARACTERS.size()))); // 1 to 4 bytes each
      }
      byte[] bytes = concat(pending, text.toString().getBytes(UTF_8));
      int cut = bytes.length == 0 ? 0 : random.nextInt(bytes.length + 1); // anywhere, mid-char
      log.append(Arrays.copyOf(bytes, cut));
      all.write(bytes, 0, cut);
      pending = Arrays.copyOfRange(bytes, cut, bytes.length);
      follow.poll();
    }
    log.append(pending);
    all.writeBytes(pending);
    follow.poll();
    assertArrayEquals(all.toByteArray(), listener.bytes());
    assertEquals(List.of(), listener.gaps());
  }

  @Test
  void theProcessDisappearingEndsTheFollow() {
    follow.history(0);
    log.removeProcess();
    PolledLogFollow.Ended e = assertThrows(PolledLogFollow.Ended.class, follow::poll);
    assertEquals("web stdout no longer exists", e.getMessage());
  }

  @Test
  void onItsThreadItPollsUntilClosedAndSaysSoOnce() {
    log.append("first\n");
    PolledLogFollow running =
        new PolledLogFollow(log, listener, "web stdout", Duration.ofMillis(5)).start(100);
    Await.until("history", () -> listener.text().equals("first\n"));
    log.append("second\n");
    Await.until("polled", () -> listener.text().equals("first\nsecond\n"));
    running.close();
    Await.until("closed", () -> "closed".equals(listener.closedReason()));
  }

  @Test
  void onItsThreadARemovedProcessEndsItWithTheReason() {
    PolledLogFollow running =
        new PolledLogFollow(log, listener, "web stdout", Duration.ofMillis(5)).start(100);
    log.removeProcess();
    Await.until("closed", () -> listener.closedReason() != null);
    assertEquals("web stdout no longer exists", listener.closedReason());
    running.close();
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] c = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, c, a.length, b.length);
    return c;
  }

  @Test
  void aQuietLogIsPolledLessOftenUpToASecondAndAChangeBringsBackTheInterval() {
    log.append("started\n");
    follow.history(0);
    assertTrue(follow.poll(), "the first poll sees the size");
    assertFalse(follow.poll(), "nothing new");
    Duration base = Duration.ofMillis(200);
    Duration wait = base;
    List<Duration> waits = new java.util.ArrayList<>();
    for (int i = 0; i < 5; i++) {
      wait = PolledLogFollow.nextWait(wait, false, base);
      waits.add(wait);
    }
    assertEquals(
        List.of(400L, 800L, 1000L, 1000L, 1000L), waits.stream().map(Duration::toMillis).toList());
    log.append("more\n");
    assertTrue(follow.poll());
    assertEquals(base, PolledLogFollow.nextWait(wait, true, base));
  }
}
