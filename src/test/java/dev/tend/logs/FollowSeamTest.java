package dev.tend.logs;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tend.api.LogFollow;
import dev.tend.api.LogStream;
import dev.tend.config.LogFileSpec;
import dev.tend.testing.Await;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * follow() under fire: a writer (the I/O thread's role) appends numbered lines in reads of random
 * sizes while followers attach at random moments asking for random history, some more than the tail
 * buffer holds so part of it comes from the file. Each follower must see one contiguous run of the
 * stream: every byte the one written at its position, every missing byte reported as a gap.
 */
class FollowSeamTest {
  private static final int LINE = 16; // "%015d\n": line k starts at position 16k
  private static final int CAPACITY = 4096;

  @TempDir Path dir;

  static byte expected(long position) {
    long line = position / LINE;
    int col = (int) (position % LINE);
    if (col == LINE - 1) {
      return '\n';
    }
    for (int i = LINE - 2; i > col; i--) {
      line /= 10;
    }
    return (byte) ('0' + line % 10);
  }

  /** Checks a follower's calls: where its bytes start, then each byte and gap in order. */
  static void assertContiguous(RecordingFollow r, long end) {
    byte[] got = r.bytes();
    int nl = indexOf(got, (byte) '\n');
    assertTrue(nl >= 0 && got.length >= nl + LINE, "a follower saw no whole line");
    long line = Long.parseLong(new String(got, nl + 1, LINE - 1, US_ASCII));
    long pos = line * LINE - (nl + 1); // the position of got[0]
    int at = 0;
    for (String call : r.calls()) {
      if (call.startsWith("gap:")) {
        pos += Long.parseLong(call.substring(4));
      } else if (call.startsWith("data:")) {
        int n = Integer.parseInt(call.substring(5));
        for (int i = 0; i < n; i++, at++, pos++) {
          if (got[at] != expected(pos)) {
            throw new AssertionError("follower byte " + at + " is not position " + pos + "'s");
          }
        }
      }
    }
    assertEquals(end, pos, "the follower ends where the stream ends");
  }

  private static int indexOf(byte[] b, byte x) {
    for (int i = 0; i < b.length; i++) {
      if (b[i] == x) {
        return i;
      }
    }
    return -1;
  }

  @Test
  void followersAttachingAtRandomMomentsSeeAContiguousStream() throws Exception {
    run(0, 0, 3L * 1024 * 1024, 24);
  }

  @Test
  void theSeamHoldsWhileTheFileRotates() throws Exception {
    run(256 * 1024, 3, 2L * 1024 * 1024, 16);
  }

  @Test
  void inlineFollowersCalledOnTheWritersThreadSeeAContiguousStreamToo() throws Exception {
    inline = true;
    run(256 * 1024, 3, 2L * 1024 * 1024, 16);
  }

  // Whether the followers ask to be called inline (LogListener.copiesOnly).
  private boolean inline;

  private void run(long maxBytes, int backups, long total, int followers) throws Exception {
    LogSettings settings = LogConfigs.settings(dir).withTailCapacity(CAPACITY);
    try (ProcessLogs logs =
        ProcessLogs.open(
            LogConfigs.process(
                "web",
                LogConfigs.stream(
                    new LogFileSpec.File(dir.resolve("web.log")), maxBytes, backups, 0, false),
                LogConfigs.stream(LogFileSpec.NONE),
                false),
            settings,
            LogEvents.NONE,
            SyslogWriter.NONE)) {
      StreamCapture sink = logs.sink(LogStream.STDOUT);
      AtomicBoolean writing = new AtomicBoolean(true);
      List<RecordingFollow> recorded = new ArrayList<>();
      List<LogFollow> follows = new ArrayList<>();
      CompletableFuture<Void> attacher =
          CompletableFuture.runAsync(
              () -> {
                SplittableRandom random = new SplittableRandom(5);
                long next = 0;
                while (writing.get() && attached(recorded) < followers) {
                  try {
                    // attach at a random point while the writer writes
                    if (!logs.awaitBeyond(LogStream.STDOUT, next, Duration.ofSeconds(5))) {
                      continue;
                    }
                  } catch (InterruptedException e) {
                    return;
                  }
                  if (logs.position(LogStream.STDOUT) < next) {
                    continue;
                  }
                  long history = random.nextBoolean() ? random.nextInt(CAPACITY) : CAPACITY * 8L;
                  RecordingFollow r = new RecordingFollow(() -> {}, inline);
                  synchronized (recorded) {
                    recorded.add(r);
                    follows.add(logs.follow(LogStream.STDOUT, history, r));
                  }
                  next = logs.position(LogStream.STDOUT) + random.nextLong(total / followers);
                }
              });
      long written =
          write(
              sink,
              total,
              () -> {
                synchronized (recorded) {
                  return recorded.size() >= followers;
                }
              });
      writing.set(false);
      attacher.get(60, TimeUnit.SECONDS);
      synchronized (recorded) {
        assertEquals(followers, recorded.size());
        for (RecordingFollow r : recorded) {
          Await.until("a follower to catch up", () -> r.received() >= written - firstStart(r));
        }
        follows.forEach(LogFollow::close);
        for (RecordingFollow r : recorded) {
          Await.until("closed", r::closed);
          assertContiguous(r, written);
        }
        assertTrue(
            recorded.stream().anyMatch(r -> firstDelivery(r) > CAPACITY),
            "some history came from the file");
      }
    }
  }

  private static int attached(List<RecordingFollow> recorded) {
    synchronized (recorded) {
      return recorded.size();
    }
  }

  /** The position where a follower's first byte lies (its bytes are checked later). */
  private static long firstStart(RecordingFollow r) {
    byte[] got = r.bytes();
    int nl = indexOf(got, (byte) '\n');
    if (nl < 0 || got.length < nl + LINE) {
      return Long.MAX_VALUE / 2; // not enough yet: keep waiting
    }
    return Long.parseLong(new String(got, nl + 1, LINE - 1, US_ASCII)) * LINE - (nl + 1);
  }

  private static int firstDelivery(RecordingFollow r) {
    String first = r.calls().getFirst();
    return first.startsWith("data:") ? Integer.parseInt(first.substring(5)) : 0;
  }

  /**
   * Writes numbered lines in reads of 1 B .. 2 KiB: at least {@code total} bytes, and on until
   * {@code enough} says every follower has attached; returns how many bytes.
   */
  private static long write(StreamCapture sink, long total, BooleanSupplier enough) {
    SplittableRandom random = new SplittableRandom(3);
    byte[] chunk = new byte[2048];
    long pos = 0;
    while (pos < total || !enough.getAsBoolean()) {
      int n = 1 + random.nextInt(chunk.length);
      for (int i = 0; i < n; i++) {
        chunk[i] = expected(pos + i);
      }
      sink.onData(ByteBuffer.wrap(chunk, 0, n));
      pos += n;
      if (random.nextInt(64) == 0) {
        Thread.yield(); // let followers attach mid-stream now and then
      }
    }
    return pos;
  }
}
