package dev.tend.logs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tend.api.LineTimes;
import dev.tend.api.LogListener;
import dev.tend.api.LogStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The daemon's per-stream index of when bytes arrived: coarse marks, a cap, rotation. */
class TimeIndexTest {

  @Test
  void aStreamThatWritesNothingAllocatesNothing() {
    TimeIndex idx = new TimeIndex();
    assertEquals(0, idx.allocated());
    assertEquals(0, idx.times(0, 0).size());
  }

  @Test
  void aNewMarkOnlyWhenTheStepHasPassedSinceTheLast() {
    TimeIndex idx = new TimeIndex();
    idx.arrived(0, 1000);
    idx.arrived(10, 1004); // within 10 ms: its bytes keep the first mark's time
    idx.arrived(20, 1010);
    idx.arrived(30, 1500);
    LineTimes t = idx.times(0, 40);
    assertArrayEquals(new long[] {0, 20, 30}, t.offsets());
    assertArrayEquals(new long[] {1000, 1010, 1500}, t.millis());
    assertEquals(1000, t.at(15));
    assertEquals(1500, t.at(39));
  }

  @Test
  void timesAreOffsetsIntoTheAskedRangeFromTheMarkThatCoversItsStart() {
    TimeIndex idx = new TimeIndex();
    idx.arrived(100, 5000);
    idx.arrived(200, 6000);
    idx.arrived(300, 7000);
    LineTimes t = idx.times(250, 320);
    assertArrayEquals(new long[] {0, 50}, t.offsets());
    assertArrayEquals(new long[] {6000, 7000}, t.millis());
  }

  @Test
  void bytesBeforeTheFirstMarkHaveNoTime() {
    TimeIndex idx = new TimeIndex();
    idx.arrived(100, 5000);
    LineTimes t = idx.times(40, 200);
    assertEquals(Long.MIN_VALUE, t.at(0));
    assertEquals(Long.MIN_VALUE, t.at(59));
    assertEquals(5000, t.at(60));
    assertEquals(LineTimes.OLDER, t.why());
  }

  @Test
  void atTheCapTheOldestQuarterGoesAndTheirBytesHaveNoTime() {
    TimeIndex idx = new TimeIndex();
    for (int i = 0; i < TimeIndex.MAX_MARKS + 1; i++) {
      idx.arrived(i * 10L, i * 100L);
    }
    assertEquals(TimeIndex.MAX_MARKS + 1 - TimeIndex.MAX_MARKS / 4, idx.size());
    assertEquals(TimeIndex.MAX_MARKS * 16, idx.allocated());
    LineTimes t = idx.times(0, TimeIndex.MAX_MARKS * 10L + 10);
    long firstKept = TimeIndex.MAX_MARKS / 4 * 10L;
    assertEquals(Long.MIN_VALUE, t.at(firstKept - 1));
    assertEquals(firstKept * 10, t.at(firstKept));
  }

  @Test
  void aClockThatGoesBackNeverMakesTimesGoBack() {
    TimeIndex idx = new TimeIndex();
    idx.arrived(0, 5000);
    idx.arrived(10, 3000);
    assertArrayEquals(new long[] {5000, 5000}, idx.times(0, 20).millis());
  }

  @Test
  void theStreamLogMarksItsWritesAndTheHistoryKeepsItsTimesAcrossRotation() throws Exception {
    Path dir = Files.createTempDirectory("time-index");
    try {
      FakeClock clock = new FakeClock("2026-12-08T02:00:00");
      long t0 = clock.millis();
      RotatingLogFile file = RotatingLogFile.of(dir.resolve("out.log"), 20, 2);
      StreamLog log = new StreamLog("web", LogStream.STDOUT, file, 1024, clock);
      log.attachSink();
      log.append(ByteBuffer.wrap("one\n".getBytes(StandardCharsets.US_ASCII)));
      clock.advanceMillis(1000);
      log.append(ByteBuffer.wrap("two two two two two\n".getBytes(StandardCharsets.US_ASCII)));
      clock.advanceMillis(1000);
      log.append(ByteBuffer.wrap("three\n".getBytes(StandardCharsets.US_ASCII)));
      assertTrue(Files.exists(dir.resolve("out.log.1")), "the file rotated");
      List<LineTimes> got = new ArrayList<>();
      LogListener history =
          new LogListener() {
            @Override
            public void onData(byte[] data) {}

            @Override
            public void onHistory(byte[] data, LineTimes times) {
              got.add(times);
            }

            @Override
            public void onGap(long bytes) {}

            @Override
            public void onClosed(String reason) {}

            @Override
            public boolean copiesOnly() {
              return true; // called inline: the history is there when follow returns
            }
          };
      log.follow(1024, history).close();
      LineTimes t = got.getFirst();
      assertEquals(t0, t.at(0));
      assertEquals(t0 + 1000, t.at(4));
      assertEquals(t0 + 2000, t.at(24));
      log.close("test");
    } finally {
      try (Stream<Path> s = Files.walk(dir)) {
        s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }
}
