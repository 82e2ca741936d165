package dev.tend.logs;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.tend.api.LogStream;
import dev.tend.config.LogFileSpec;
import dev.tend.config.StreamConfig;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

class StreamCaptureTest {
  private static final String BEGIN = "<!--XSUPERVISOR:BEGIN-->";
  private static final String END = "<!--XSUPERVISOR:END-->";

  @TempDir Path dir;
  Path logfile;
  final RecordingLogEvents events = new RecordingLogEvents();
  final List<String> syslog = new ArrayList<>();
  final FakeClock clock = new FakeClock("2024-05-01T12:34:56.789");
  final Logger mainLog = (Logger) LoggerFactory.getLogger(StreamCapture.class);
  final ListAppender<ILoggingEvent> mainLogLines = new ListAppender<>();
  final List<ProcessLogs> opened = new ArrayList<>();

  @BeforeEach
  void captureTheMainLog() {
    logfile = dir.resolve("web.log");
    mainLogLines.start();
    mainLog.addAppender(mainLogLines);
    mainLog.setAdditive(false);
    mainLog.setLevel(Level.INFO);
  }

  @AfterEach
  void restoreTheMainLog() {
    opened.forEach(ProcessLogs::close);
    mainLog.detachAppender(mainLogLines);
    mainLog.setAdditive(true);
    mainLog.setLevel(null);
  }

  private ProcessLogs logs(StreamConfig out, boolean stripAnsi) throws IOException {
    LogSettings s = LogConfigs.settings(dir).withClock(clock);
    s = new LogSettings(s.identifier(), s.childlogdir(), stripAnsi, s.tailCapacity(), s.clock());
    ProcessLogs logs =
        ProcessLogs.open(
            LogConfigs.process("web", out, LogConfigs.stream(LogFileSpec.NONE), false),
            s,
            events,
            syslog::add);
    opened.add(logs);
    return logs;
  }

  private StreamCapture sink(StreamConfig out) throws IOException {
    return logs(out, false).sink(LogStream.STDOUT);
  }

  private static void feed(StreamCapture sink, String... reads) {
    for (String r : reads) {
      sink.onData(ByteBuffer.wrap(r.getBytes(ISO_8859_1)));
    }
  }

  private String file() throws IOException {
    return Files.readString(logfile, ISO_8859_1);
  }

  private static String tail(ProcessLogs logs) {
    return new String(logs.snapshot(LogStream.STDOUT, 1 << 20).bytes(), ISO_8859_1);
  }

  private StreamConfig toFile() {
    return LogConfigs.stream(new LogFileSpec.File(logfile));
  }

  @Test
  void thePlainPathWritesTheFileAndTheTailAlike() throws IOException {
    ProcessLogs logs = logs(toFile(), false);
    StreamCapture sink = logs.sink(LogStream.STDOUT);
    feed(sink, "hello ", "world\n", "\u001b[31mraw\u001b[0m\n");
    sink.onEof();
    assertEquals("hello world\n\u001b[31mraw\u001b[0m\n", file());
    assertEquals(file(), tail(logs));
    assertEquals(file().length(), logs.position(LogStream.STDOUT));
    assertEquals(List.of(), events.events);
    assertEquals(List.of(), mainLogLines.list);
  }

  @Test
  void theFileExistsOnceASpawnAsksForItsSink() throws IOException {
    ProcessLogs logs = logs(toFile(), false);
    assertTrue(Files.notExists(logfile));
    logs.sink(LogStream.STDOUT);
    assertTrue(Files.exists(logfile), "created at spawn, as supervisord opens it then");
  }

  @Test
  void stripAnsiCleansFileTailEventsAndMainLogCopy() throws IOException {
    mainLog.setLevel(Level.DEBUG);
    ProcessLogs logs = logs(LogConfigs.stream(new LogFileSpec.File(logfile), 0, 0, 0, true), true);
    StreamCapture sink = logs.sink(LogStream.STDOUT);
    feed(sink, "\u001b[1;31mred\u001b[", "0m plain\n");
    sink.onEof();
    assertEquals("red plain\n", file());
    assertEquals("red plain\n", tail(logs));
    assertEquals(List.of("LOG stdout red", "LOG stdout  plain\n"), events.events);
    assertEquals(
        List.of("'web' stdout output:\nred", "'web' stdout output:\n plain\n"),
        mainLogLines.list.stream().map(ILoggingEvent::getFormattedMessage).toList());
  }

  @Test
  void theMainLogCopyShowsUndecodableOutputAsPythonDoes() throws IOException {
    mainLog.setLevel(Level.DEBUG);
    StreamCapture sink = sink(toFile());
    sink.onData(ByteBuffer.wrap(new byte[] {'o', 'k', (byte) 0xff, '\n', '\''}));
    assertEquals(
        "'web' stdout output:\nUndecodable: b\"ok\\xff\\n'\"",
        mainLogLines.list.getFirst().getFormattedMessage());
    assertEquals(Level.DEBUG, mainLogLines.list.getFirst().getLevel());
  }

  @Test
  void timestampsPrefixEachLineWithTheTimeItsFirstByteArrived() throws IOException {
    ProcessLogs logs = logs(LogConfigs.withTimestamps(toFile()), false);
    StreamCapture sink = logs.sink(LogStream.STDOUT);
    feed(sink, "one\ntw");
    clock.advanceMillis(1_250);
    feed(sink, "o\nthree", "\n");
    clock.advanceMillis(10);
    feed(sink, "\n");
    sink.onEof();
    assertEquals(
        """
        2024-05-01 12:34:56,789 one
        2024-05-01 12:34:56,789 two
        2024-05-01 12:34:58,039 three
        2024-05-01 12:34:58,049\s
        """,
        file());
    assertEquals(file(), tail(logs));
  }

  @Test
  void aNewSpawnStartsANewLine() throws IOException {
    ProcessLogs logs = logs(LogConfigs.withTimestamps(toFile()), false);
    StreamCapture first = logs.sink(LogStream.STDOUT);
    feed(first, "partial");
    first.onEof();
    StreamCapture second = logs.sink(LogStream.STDOUT);
    feed(second, "next\n");
    second.onEof();
    assertEquals("2024-05-01 12:34:56,789 partial2024-05-01 12:34:56,789 next\n", file());
  }

  @Test
  void captureModeSendsTheBlockAsOneEventAndKeepsItOutOfTheLog() throws IOException {
    ProcessLogs logs =
        logs(LogConfigs.stream(new LogFileSpec.File(logfile), 0, 0, 1024, true), false);
    StreamCapture sink = logs.sink(LogStream.STDOUT);
    feed(sink, "before" + BEGIN + "captured" + END + "after\n");
    sink.onEof();
    assertEquals("beforeafter\n", file());
    assertEquals("beforeafter\n", tail(logs));
    assertEquals(
        List.of(
            "LOG stdout before", // supervisord 4.2.5 also sends the captured bytes as PROCESS_LOG
            "LOG stdout captured",
            "COMM stdout captured",
            "LOG stdout after\n"),
        events.events);
  }

  @Test
  void captureTokensSplitAcrossReadsAtEveryPositionGiveTheSameLogAndEvent() throws IOException {
    String stream = "a" + BEGIN + "<b>payload</b>" + END + "z\n";
    for (int cut = 0; cut <= stream.length(); cut++) {
      for (int cut2 = cut; cut2 <= stream.length(); cut2 += 7) {
        events.events.clear();
        Files.deleteIfExists(logfile);
        StreamCapture sink =
            sink(LogConfigs.stream(new LogFileSpec.File(logfile), 0, 0, 1024, false));
        feed(sink, stream.substring(0, cut), stream.substring(cut, cut2), stream.substring(cut2));
        sink.onEof();
        assertEquals("az\n", file(), "cuts at " + cut + ", " + cut2);
        assertEquals(List.of("COMM stdout <b>payload</b>"), events.events, "cuts " + cut);
      }
    }
  }

  @Test
  void aBlockLongerThanCaptureMaxbytesKeepsItsLastBytes() throws IOException {
    StreamCapture sink = sink(LogConfigs.stream(new LogFileSpec.File(logfile), 0, 0, 8, false));
    feed(sink, BEGIN + "0123", "456789ab", "cdef" + END);
    assertEquals(List.of("COMM stdout 89abcdef"), events.events);
  }

  @Test
  void aChildThatEndsInsideABlockLeavesTheBlockInTheLog() throws IOException {
    StreamCapture sink = sink(LogConfigs.stream(new LogFileSpec.File(logfile), 0, 0, 1024, false));
    feed(sink, "x" + BEGIN + "half a blo", "ck<!--XSUPERVISOR:EN");
    sink.onEof();
    assertEquals("x" + BEGIN + "half a block<!--XSUPERVISOR:EN", file());
    assertEquals(List.of(), events.events);
  }

  @Test
  void aPartialTokenIsNotHeldBackLongerThanItCouldBeOne() throws IOException {
    ProcessLogs logs =
        logs(LogConfigs.stream(new LogFileSpec.File(logfile), 0, 0, 1024, false), false);
    StreamCapture sink = logs.sink(LogStream.STDOUT);
    feed(sink, "hi\n"); // supervisord holds up to a token's length here
    assertEquals("hi\n", file());
    feed(sink, "wait <!--XSUP");
    assertEquals("hi\nwait ", file());
    feed(sink, "!");
    assertEquals("hi\nwait <!--XSUP!", file());
  }

  @Test
  void eventsCarryEachReadWhenEnabled() throws IOException {
    StreamCapture sink = sink(LogConfigs.stream(new LogFileSpec.File(logfile), 0, 0, 0, true));
    feed(sink, "a", "bc\n");
    assertEquals(List.of("LOG stdout a", "LOG stdout bc\n"), events.events);
  }

  @Test
  void syslogGetsWholeLinesNamedAfterTheProcess() throws IOException {
    StreamCapture sink = sink(LogConfigs.withSyslog(toFile()));
    feed(sink, "first li", "ne\nsecond\n\nthi", "rd");
    assertEquals(List.of("web first line", "web second", "web "), syslog);
    sink.onEof();
    assertEquals(List.of("web first line", "web second", "web ", "web third"), syslog);
    assertEquals("first line\nsecond\n\nthird", file());
  }

  @Test
  void anOverlongSyslogLineIsSentInPieces() throws IOException {
    StreamCapture sink = sink(LogConfigs.withSyslog(toFile()));
    feed(sink, "x".repeat(SyslogLines.MAX_LINE - 1), "xyz\n");
    assertEquals(List.of("web " + "x".repeat(SyslogLines.MAX_LINE), "web yz"), syslog);
  }

  @Test
  void aNoneLogStillFillsTheTail() throws IOException {
    ProcessLogs logs = logs(LogConfigs.stream(LogFileSpec.NONE), false);
    StreamCapture sink = logs.sink(LogStream.STDOUT);
    feed(sink, "kept in memory\n");
    assertEquals("kept in memory\n", tail(logs));
    assertEquals(null, logs.logfile(LogStream.STDOUT));
  }

  @Test
  void aFileThatCannotBeWrittenLeavesTheBytesInTheTail() throws IOException {
    Logger streamLog = (Logger) LoggerFactory.getLogger(StreamLog.class);
    ListAppender<ILoggingEvent> errors = new ListAppender<>();
    errors.start();
    streamLog.addAppender(errors);
    streamLog.setAdditive(false);
    try {
      ProcessLogs logs =
          logs(
              LogConfigs.stream(new LogFileSpec.File(Path.of("/dev/full")), 0, 0, 0, false), false);
      StreamCapture sink = logs.sink(LogStream.STDOUT);
      feed(sink, "one\n", "two\n");
      assertEquals("one\ntwo\n", tail(logs));
      assertEquals(1, errors.list.size(), "reported once, not per write");
      assertTrue(errors.list.getFirst().getFormattedMessage().contains("/dev/full"));
    } finally {
      streamLog.detachAppender(errors);
      streamLog.setAdditive(true);
    }
  }

  @Test
  void aFailingEventListenerOrSyslogWriterCostsNoByte() throws IOException {
    ProcessLogs logs =
        ProcessLogs.open(
            LogConfigs.process(
                "web",
                LogConfigs.withSyslog(
                    LogConfigs.stream(new LogFileSpec.File(logfile), 0, 0, 64, true)),
                LogConfigs.stream(LogFileSpec.NONE),
                false),
            LogConfigs.settings(dir),
            new LogEvents() {
              @Override
              public void processLog(LogStream stream, byte[] data) {
                throw new IllegalStateException("listener down");
              }

              @Override
              public void processCommunication(LogStream stream, byte[] data) {
                throw new IllegalStateException("listener down");
              }
            },
            message -> {
              throw new IllegalStateException("syslog down");
            });
    opened.add(logs);
    Logger shield = (Logger) LoggerFactory.getLogger(ShieldedCallbacks.class);
    shield.setLevel(Level.OFF);
    try {
      StreamCapture sink = logs.sink(LogStream.STDOUT);
      feed(sink, "one\n" + BEGIN + "x" + END, "two\n");
      sink.onEof();
      assertEquals("one\ntwo\n", file());
      assertEquals("one\ntwo\n", tail(logs));
    } finally {
      shield.setLevel(null);
    }
  }

  @Test
  void dataAfterEndOfFileIsIgnored() throws IOException {
    StreamCapture sink = sink(toFile());
    feed(sink, "a");
    sink.onEof();
    sink.onEof();
    feed(sink, "b");
    assertEquals("a", file());
  }
}
