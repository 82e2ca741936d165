package dev.tend.logs;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tend.api.Fault;
import dev.tend.api.FaultException;
import dev.tend.api.LogFollow;
import dev.tend.api.LogStream;
import dev.tend.api.LogTail;
import dev.tend.config.LogFileSpec;
import dev.tend.config.ProcessConfig;
import dev.tend.config.StreamConfig;
import dev.tend.testing.Await;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProcessLogsTest {
  @TempDir Path dir;
  ProcessLogs logs;

  @AfterEach
  void close() {
    if (logs != null) {
      logs.close();
    }
  }

  private ProcessLogs open(StreamConfig out, StreamConfig err, boolean redirect, int capacity)
      throws IOException {
    logs =
        ProcessLogs.open(
            LogConfigs.process("web", out, err, redirect),
            LogConfigs.settings(dir).withTailCapacity(capacity),
            LogEvents.NONE,
            SyslogWriter.NONE);
    return logs;
  }

  private ProcessLogs openFile(Path file, long maxBytes, int backups, int capacity)
      throws IOException {
    return open(
        LogConfigs.stream(new LogFileSpec.File(file), maxBytes, backups, 0, false),
        LogConfigs.stream(LogFileSpec.NONE),
        false,
        capacity);
  }

  private static void feed(StreamCapture sink, String... reads) {
    for (String r : reads) {
      sink.onData(ByteBuffer.wrap(r.getBytes(ISO_8859_1)));
    }
  }

  private static String text(byte[] b) {
    return new String(b, ISO_8859_1);
  }

  private static String digits(int n) {
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < n; i++) {
      s.append((char) ('0' + i % 10));
    }
    return s.toString();
  }

  @Test
  void autoFilesAreNamedAndCreatedAsMkstempDoes() throws IOException {
    StreamConfig auto = LogConfigs.stream(LogFileSpec.AUTO);
    open(auto, auto, false, 1024);
    for (LogStream s : LogStream.values()) {
      Path p = logs.logfile(s);
      assertEquals(dir, p.getParent());
      String name = p.getFileName().toString();
      assertTrue(
          name.matches("web-" + s.word() + "---supervisor-[a-z0-9_]{8}\\.log"), "name " + name);
      assertTrue(Files.exists(p), "created when the logs are made");
      assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(p)));
      assertTrue(AutoLogCleaner.isAutoLog(name, "supervisor"));
    }
  }

  @Test
  void redirectedStderrHasNoFileAndNoSink() throws IOException {
    StreamConfig auto = LogConfigs.stream(LogFileSpec.AUTO);
    open(auto, auto, true, 1024);
    assertNull(logs.logfile(LogStream.STDERR));
    assertFalse(logs.captures(LogStream.STDERR));
    assertEquals(1, Files.list(dir).count(), "no stderr AUTO file");
    assertThrows(IllegalStateException.class, () -> logs.sink(LogStream.STDERR));
    FaultException e = assertThrows(FaultException.class, () -> logs.read(LogStream.STDERR, 0, 10));
    assertEquals("NO_FILE", e.faultString());
    assertEquals(new LogTail(new byte[0], 0, false), logs.tail(LogStream.STDERR, 0, 10));
  }

  @Test
  void readAndTailGoToTheFile() throws IOException {
    Path file = dir.resolve("web.log");
    openFile(file, 0, 0, 1024);
    FaultException missing =
        assertThrows(FaultException.class, () -> logs.read(LogStream.STDOUT, 0, 0));
    assertEquals("NO_FILE: " + file, missing.faultString());
    feed(logs.sink(LogStream.STDOUT), "0123456789");
    assertEquals("2345", text(logs.read(LogStream.STDOUT, 2, 4)));
    assertEquals(
        new LogTail("789".getBytes(ISO_8859_1), 10, true), logs.tail(LogStream.STDOUT, 0, 3));
    assertEquals(
        Fault.BAD_ARGUMENTS,
        assertThrows(FaultException.class, () -> logs.read(LogStream.STDOUT, -1, 1)).fault());
  }

  @Test
  void aSinkForAFileInAMissingDirectoryFailsTheSpawn() throws IOException {
    openFile(dir.resolve("no/such/dir/web.log"), 0, 0, 1024);
    assertThrows(NoSuchFileException.class, () -> logs.sink(LogStream.STDOUT));
  }

  @Test
  void clearDeletesFilesAndBackupsAndHistoryButPositionsGoOn() throws IOException {
    Path file = dir.resolve("web.log");
    openFile(file, 10, 3, 1024);
    StreamCapture sink = logs.sink(LogStream.STDOUT);
    feed(sink, "0123456789", "abcdefghij", "xyz");
    sink.onEof(); // stopped: supervisord 4.2.5 would clear nothing now
    assertTrue(Files.exists(dir.resolve("web.log.2")));
    logs.clear();
    assertEquals(List.of(file), Files.list(dir).toList());
    assertEquals("", Files.readString(file));
    assertEquals(0, logs.snapshot(LogStream.STDOUT, 100).length());
    assertEquals(23, logs.position(LogStream.STDOUT));
    LogChunk since = logs.readSince(LogStream.STDOUT, 20, 100);
    assertEquals(3, since.lost(), "cleared bytes are gone for a reader behind");
    StreamCapture next = logs.sink(LogStream.STDOUT);
    feed(next, "new");
    assertEquals("new", text(logs.snapshot(LogStream.STDOUT, 100).bytes()));
    assertEquals("new", Files.readString(file));
  }

  @Test
  void reopenStartsANewFileAfterAnOutsideRename() throws IOException {
    Path file = dir.resolve("web.log");
    openFile(file, 0, 0, 1024);
    StreamCapture sink = logs.sink(LogStream.STDOUT);
    feed(sink, "old;");
    Files.move(file, dir.resolve("web.log.rotated"));
    logs.reopen();
    feed(sink, "new;");
    assertEquals("new;", Files.readString(file));
    assertEquals("old;", Files.readString(dir.resolve("web.log.rotated")));
    assertEquals("old;new;", text(logs.snapshot(LogStream.STDOUT, 100).bytes()));
  }

  @Test
  void historyLongerThanTheBufferComesFromTheFileWithoutAGapOrRepeat() throws IOException {
    openFile(dir.resolve("web.log"), 0, 0, 16);
    StreamCapture sink = logs.sink(LogStream.STDOUT);
    String all = digits(100);
    for (int i = 0; i < 100; i += 7) {
      feed(sink, all.substring(i, Math.min(100, i + 7)));
    }
    LogChunk h = logs.snapshot(LogStream.STDOUT, 50);
    assertEquals(all.substring(50), text(h.bytes()));
    assertEquals(100, h.end());
    assertEquals(all, text(logs.snapshot(LogStream.STDOUT, 1000).bytes()));
    assertEquals(all.substring(90), text(logs.snapshot(LogStream.STDOUT, 10).bytes()));
  }

  @Test
  void historyIncludesAnEarlierRunsFileBeforeAnySpawn() throws IOException {
    Path file = dir.resolve("web.log");
    Files.writeString(file, "from the last daemon\n");
    openFile(file, 0, 0, 16);
    LogChunk h = logs.snapshot(LogStream.STDOUT, 1000);
    assertEquals("from the last daemon\n", text(h.bytes()));
    assertEquals(0, h.end(), "positions count only this daemon's bytes");
    assertEquals(-21, h.start());
    feed(logs.sink(LogStream.STDOUT), "and now this one\n");
    assertEquals(
        "from the last daemon\nand now this one\n",
        text(logs.snapshot(LogStream.STDOUT, 1000).bytes()));
  }

  @Test
  void aFileChangedBehindOurBackIsNotJoinedToTheBuffer() throws IOException {
    Path file = dir.resolve("web.log");
    openFile(file, 0, 0, 16);
    StreamCapture sink = logs.sink(LogStream.STDOUT);
    feed(sink, digits(64));
    sink.onEof();
    Files.writeString(file, "x".repeat(64)); // someone else's bytes, same length
    assertEquals(digits(64).substring(48), text(logs.snapshot(LogStream.STDOUT, 64).bytes()));
  }

  @Test
  void historyStopsAtTheLastRotation() throws IOException {
    openFile(dir.resolve("web.log"), 40, 2, 16);
    StreamCapture sink = logs.sink(LogStream.STDOUT);
    String all = digits(100);
    for (int i = 0; i < 100; i += 10) {
      feed(sink, all.substring(i, i + 10)); // rotates at 40 and 80
    }
    // the buffer holds 84..99; the current file adds 80..83; the backups are not read
    assertEquals(all.substring(80), text(logs.snapshot(LogStream.STDOUT, 1000).bytes()));
  }

  @Test
  void aFailedWriteKeepsTheFileOutOfHistory() throws IOException {
    openFile(Path.of("/dev/full"), 0, 0, 16);
    feed(logs.sink(LogStream.STDOUT), digits(40));
    assertEquals(digits(40).substring(24), text(logs.snapshot(LogStream.STDOUT, 100).bytes()));
  }

  @Test
  void readSinceAndAwaitBeyondServeALongPollingClient() throws Exception {
    openFile(dir.resolve("web.log"), 0, 0, 1024);
    StreamCapture sink = logs.sink(LogStream.STDOUT);
    feed(sink, "first\n");
    LogChunk snap = logs.snapshot(LogStream.STDOUT, 1000);
    assertEquals(6, snap.end());
    assertFalse(logs.awaitBeyond(LogStream.STDOUT, snap.end(), Duration.ofMillis(10)));
    feed(sink, "second\n");
    assertTrue(logs.awaitBeyond(LogStream.STDOUT, snap.end(), Duration.ofSeconds(5)));
    LogChunk next = logs.readSince(LogStream.STDOUT, snap.end(), 1000);
    assertEquals("second\n", text(next.bytes()));
    assertEquals(0, next.lost());
    assertEquals(13, next.end());
    assertEquals(0, logs.readSince(LogStream.STDOUT, 500, 10).end() - 13, "a stale position");
  }

  @Test
  void followDeliversHistoryThenLiveBytesThenClosed() throws IOException {
    openFile(dir.resolve("web.log"), 0, 0, 1024);
    StreamCapture sink = logs.sink(LogStream.STDOUT);
    feed(sink, "one\ntwo\n");
    RecordingFollow r = new RecordingFollow();
    LogFollow f = logs.follow(LogStream.STDOUT, 4, r);
    Await.until("history", () -> r.text().equals("two\n"));
    feed(sink, "three\n");
    Await.until("live bytes", () -> r.text().equals("two\nthree\n"));
    f.close();
    Await.until("closed", r::closed);
    assertEquals(List.of("data:4", "data:6", "closed:closed"), r.calls());
    feed(sink, "four\n");
    assertEquals("two\nthree\n", r.text());
  }

  @Test
  void aFollowerThatOnlyCopiesIsCalledOnTheWritersThreadAsEachWriteArrives() throws IOException {
    openFile(dir.resolve("web.log"), 0, 0, 1024);
    StreamCapture sink = logs.sink(LogStream.STDOUT);
    feed(sink, "one\ntwo\n");
    List<Thread> callers = new java.util.concurrent.CopyOnWriteArrayList<>();
    RecordingFollow r = new RecordingFollow(() -> callers.add(Thread.currentThread()), true);
    LogFollow f = logs.follow(LogStream.STDOUT, 4, r);
    assertEquals("two\n", r.text(), "the history, before follow() returns");
    feed(sink, "three\n");
    assertEquals("two\nthree\n", r.text(), "the write, before the writer goes on");
    assertEquals(List.of(Thread.currentThread(), Thread.currentThread()), callers);
    f.close();
    assertEquals(List.of("data:4", "data:6", "closed:closed"), r.calls());
    feed(sink, "four\n");
    assertEquals("two\nthree\n", r.text());
  }

  @Test
  void aStreamIsUrgentForThePlatformOnlyWhileSomeoneFollowsOrWaitsForIt() throws Exception {
    openFile(dir.resolve("web.log"), 0, 0, 1024);
    StreamCapture out = logs.sink(LogStream.STDOUT);
    StreamCapture err = logs.sink(LogStream.STDERR);
    assertFalse(out.urgent(), "nobody follows: its lines may gather");
    LogFollow f = logs.follow(LogStream.STDOUT, 0, new RecordingFollow());
    assertTrue(out.urgent(), "followed: read the moment it is written");
    assertFalse(err.urgent(), "the other stream is not followed");
    f.close();
    Await.until("the follow gone", () -> !out.urgent());
    Thread poller =
        Thread.ofVirtual()
            .start(
                () -> {
                  try {
                    logs.awaitBeyond(LogStream.STDERR, 0, Duration.ofMinutes(1));
                  } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                  }
                });
    Await.until("a long-poll waiting", err::urgent);
    feed(err, "wakes it\n");
    poller.join();
    assertFalse(err.urgent());
  }

  @Test
  void aSlowFollowerIsToldWhatItMissed() throws Exception {
    openFile(dir.resolve("web.log"), 0, 0, 16);
    StreamCapture sink = logs.sink(LogStream.STDOUT);
    java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
    RecordingFollow r =
        new RecordingFollow(
            () -> {
              try {
                release.await();
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            });
    logs.follow(LogStream.STDOUT, 0, r);
    feed(sink, "0123456789");
    Await.until("the first delivery", () -> r.received() == 10);
    feed(sink, "abcdefghijklmnopqrstuvwxyz"); // 26 bytes through a 16-byte buffer
    release.countDown();
    Await.until("the rest", () -> r.received() == 36);
    assertEquals(List.of("data:10", "gap:10", "data:16"), r.calls());
    assertEquals("0123456789klmnopqrstuvwxyz", r.text());
  }

  @Test
  void closingTheLogsEndsFollowsAndRefusesSinks() throws IOException {
    openFile(dir.resolve("web.log"), 0, 0, 1024);
    RecordingFollow r = new RecordingFollow();
    logs.follow(LogStream.STDOUT, 100, r);
    logs.close();
    Await.until("closed", r::closed);
    assertEquals(List.of("closed:process removed"), r.calls());
    RecordingFollow late = new RecordingFollow();
    logs.follow(LogStream.STDOUT, 100, late);
    assertEquals(List.of("closed:process removed"), late.calls());
    assertThrows(IllegalStateException.class, () -> logs.sink(LogStream.STDOUT));
  }

  @Test
  void theFileIsClosedWhenTheLastSinkEnds() throws IOException {
    openFile(dir.resolve("web.log"), 0, 0, 1024);
    StreamCapture a = logs.sink(LogStream.STDOUT);
    StreamCapture b = logs.sink(LogStream.STDOUT); // a respawn while a grandchild holds the pipe
    feed(a, "a");
    a.onEof();
    feed(b, "b");
    b.onEof();
    assertEquals("ab", Files.readString(dir.resolve("web.log")));
    assertEquals(0, openDescriptorsTo(dir.resolve("web.log")));
  }

  private static long openDescriptorsTo(Path file) throws IOException {
    try (var fds = Files.list(Path.of("/proc/self/fd"))) {
      return fds.filter(
              fd -> {
                try {
                  return Files.readSymbolicLink(fd).equals(file);
                } catch (IOException e) {
                  return false;
                }
              })
          .count();
    }
  }

  @Test
  void theProcessNameIsItsOwn() throws IOException {
    ProcessConfig p =
        LogConfigs.process(
            "web_01",
            LogConfigs.stream(LogFileSpec.NONE),
            LogConfigs.stream(LogFileSpec.NONE),
            false);
    logs = ProcessLogs.open(p, LogConfigs.settings(dir), LogEvents.NONE, SyslogWriter.NONE);
    assertEquals("web_01", logs.name());
  }
}
